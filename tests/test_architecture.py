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
