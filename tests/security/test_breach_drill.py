"""Checklist 29: the breach drill lists the affected guardians, well within the hour."""

import json
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).parent.parent.parent / "scripts" / "breach_drill.py"


def test_the_drill_lists_every_affected_guardian_quickly(app, database_url):
    result = subprocess.run([sys.executable, str(SCRIPT), "--database-url", database_url,
                             "--plan", "hengyang"], capture_output=True, text=True, timeout=120,
                            check=True)
    report = json.loads(result.stdout)
    children = {row["child"]: row for row in report["rows"]}
    assert {"小明", "小红", "乐乐"} <= set(children)
    assert children["小明"]["guardians"] == ["母亲（纸质同意书）"]
    assert children["小明"]["reach_through"][0]["name"] == "李辅导员"
    assert report["seconds"] < 3600


def test_the_drill_can_be_narrowed_to_one_group(app, database_url, session):
    from .conftest import group

    result = subprocess.run([sys.executable, str(SCRIPT), "--database-url", database_url,
                             "--group", str(group(session, "HYZHEN").id)],
                            capture_output=True, text=True, timeout=120, check=True)
    names = {row["child"] for row in json.loads(result.stdout)["rows"]}
    assert "小明" not in names
