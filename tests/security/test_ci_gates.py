"""Checklists 17 and 19: the CI script stops on a high-severity finding, SQL from strings, debug.

Issue 10 item 13: the dependency audit fails when it could not check a package.
"""

import shlex
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parents[2]
BANDIT = Path(sys.executable).parent / "bandit"
PIP_AUDIT = Path(sys.executable).parent / "pip-audit"


def _bandit(folder: Path, *options: str) -> int:
    return subprocess.run([str(BANDIT), "-q", "-r", str(folder), *options],
                          capture_output=True, timeout=120, check=False).returncode


def test_ci_runs_the_gates_before_the_tests_and_stops_on_failure():
    script = (ROOT / ".ci" / "run").read_text()
    assert "set -euo pipefail" in script
    gates = ["bandit -q -r webapp models classifier training scripts -lll",
             "-t B608,B201"]
    positions = [script.index(gate) for gate in gates]
    assert max(positions) < script.index("pytest -q")


def test_the_bandit_gates_fail_on_debug_and_on_sql_built_from_strings(tmp_path):
    (tmp_path / "bad.py").write_text(
        "from flask import Flask\napp = Flask(__name__)\napp.run(debug=True)\n"
        "def find(cursor, name):\n"
        "    cursor.execute(\"SELECT * FROM member WHERE nickname = '%s'\" % name)\n")
    assert _bandit(tmp_path, "-lll") != 0
    assert _bandit(tmp_path, "-t", "B608,B201") != 0


def test_our_code_passes_both_bandit_gates():
    names = ("webapp", "models", "classifier", "training", "scripts")
    folders = [str(ROOT / name) for name in names]
    for options in (["-lll"], ["-t", "B608,B201"]):
        result = subprocess.run([str(BANDIT), "-q", "-r", *folders, *options],
                                capture_output=True, text=True, timeout=300, check=False)
        assert result.returncode == 0, result.stdout[-2000:]


def _audit_options() -> list[str]:
    """The options .ci/audit gives pip-audit."""
    line = next(line for line in (ROOT / ".ci" / "audit").read_text().splitlines()
                if "pip-audit" in line and not line.startswith("#"))
    words = shlex.split(line)
    return words[words.index(next(w for w in words if w.endswith("pip-audit"))) + 1:]


def test_ci_does_not_run_an_audit_that_cannot_fail():
    script = (ROOT / ".ci" / "run").read_text()
    assert all("--strict" in line for line in script.splitlines()
               if "pip-audit" in line and not line.lstrip().startswith("#"))


def test_the_audit_fails_when_a_package_could_not_be_checked(tmp_path):
    """A package no vulnerability service knows: an audit that did not check it must fail."""
    info = tmp_path / "tongsheng_audit_probe-0.0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: tongsheng-audit-probe\nVersion: 0.0.1\n")
    result = subprocess.run([str(PIP_AUDIT), *_audit_options(), "--path", str(tmp_path)],
                            capture_output=True, text=True, timeout=300, check=False,
                            cwd=tmp_path)
    assert result.returncode != 0, result.stdout + result.stderr
