"""The layers import one way: classifier ← models ← webapp (training uses the first two).

Read from the source with ``ast``, so an import hidden inside a function counts too.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LAYERS = ("classifier", "models", "training", "webapp")
MAY_IMPORT = {
    "classifier": set(),
    "models": {"classifier"},
    "training": {"classifier", "models"},
    "webapp": {"classifier", "models", "training"},
}


def _imported_layers(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found & set(LAYERS)


def test_each_layer_imports_only_the_layers_below_it():
    wrong = []
    for layer in LAYERS:
        for path in (ROOT / layer).rglob("*.py"):
            for other in _imported_layers(path) - MAY_IMPORT[layer] - {layer}:
                wrong.append(f"{path.relative_to(ROOT)} imports {other}")
    assert wrong == []


def test_the_domain_knows_nothing_of_flask():
    wrong = []
    for layer in ("classifier", "models"):
        for path in (ROOT / layer).rglob("*.py"):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                names = ([alias.name for alias in node.names] if isinstance(node, ast.Import)
                         else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
                if any(name.split(".")[0].startswith("flask") for name in names):
                    wrong.append(str(path.relative_to(ROOT)))
    assert wrong == []


# The only domain functions that commit: each owns its transactions on purpose.
COMMIT_OWNERS = {
    # The helper for scripts: commit on success, roll back on error.
    ("models/db.py", "session_scope"),
    # `tongsheng demo` and the plan import (a command, or a dry run that rolls back).
    ("models/demo.py", "load_demo"),
    ("models/demo_office.py", "busy_city"),
    ("models/plans/importer.py", "import_all"),
    # Queue jobs and the sweep: one message sent, one transaction, so none is sent twice.
    ("models/notices/notifications.py", "deliver_pending"),
    ("models/notices/push.py", "deliver_pending"),
    # The export job saves its progress after each chunk so the coordinator sees it move.
    ("models/office/export_jobs.py", "run"),
    ("models/office/export_jobs.py", "_counted"),
    # One escalation per transaction: a lost race to another worker undoes only itself.
    ("models/safety/duty.py", "escalate"),
}


def _commits(path: Path) -> set[tuple[str, str]]:
    """(file, innermost function) of every ``.commit()`` call in a module."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    functions = [node for node in ast.walk(tree)
                 if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)]
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                and node.func.attr == "commit":
            around = [f for f in functions if f.lineno <= node.lineno <= f.end_lineno]
            name = min(around, key=lambda f: f.end_lineno - f.lineno).name if around \
                else "<module>"
            found.add((path.relative_to(ROOT).as_posix(), name))
    return found


def test_domain_functions_flush_and_their_caller_commits():
    """A request, a command or a job owns the transaction; the domain only flushes."""
    found = set()
    for path in (ROOT / "models").rglob("*.py"):
        if "migrations" not in path.parts:
            found |= _commits(path)
    assert found - COMMIT_OWNERS == set()
    assert COMMIT_OWNERS <= found, "an owner that no longer commits leaves this list"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _import_graph() -> dict[str, set[str]]:
    """Module → the modules of models/ and webapp/ it imports, at any depth of the file
    (an import inside a function is still a dependency)."""
    paths = {_module_name(p): p for layer in ("models", "webapp")
             for p in (ROOT / layer).rglob("*.py") if "migrations" not in p.parts}

    def known(name: str) -> str | None:
        while name and name not in paths:
            name = name.rpartition(".")[0]
        return name or None

    graph = {}
    for name, path in paths.items():
        targets = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets.update(known(alias.name) for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                targets.update(known(f"{node.module}.{alias.name}")
                               if f"{node.module}.{alias.name}" in paths else known(node.module)
                               for alias in node.names)
        graph[name] = targets - {None, name}
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan), each a cycle."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in sorted(graph[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_import_cycles_between_modules_of_the_domain_and_the_web_app():
    """Each module can be read (and changed) after the ones it imports, never in a loop."""
    assert _cycles(_import_graph()) == []
