"""How well redaction does: the labelled cases, kind by kind, and how much of the ordinary
topic corpus it masks (what an agency would lose).

``tongsheng evaluate`` includes this section; ``python -m training.redaction_report`` updates
only the redaction section of training/reports/evaluation.md and .json, without retraining or
re-evaluating the topic model.
"""

import json
import re
from collections import Counter
from pathlib import Path

from classifier.redact import redact
from training.dataset import DATA_DIR, load_corpus, read_jsonl

PII_FILE = DATA_DIR / "pii_cases.jsonl"
REPORTS = Path(__file__).parent / "reports"
HEADING = "## Redaction (training/data/pii_cases.jsonl)"


def _rate(passed: int, total: int) -> float:
    return round(passed / total, 4) if total else 1.0


def _corpus_masking(texts: list[str]) -> dict:
    """Ordinary suggestions: how many get any mask, and how many of each kind."""
    kinds = Counter()
    masked = 0
    for text in texts:
        found = redact(text).found
        masked += bool(found)
        kinds.update(found)
    return {"n": len(texts), "masked": masked, "masked_share": _rate(masked, len(texts)),
            "by_kind": dict(sorted(kinds.items()))}


def _corpora() -> dict[str, list[str]]:
    """Texts with nothing (or little) to mask: the topic corpus and the real suggestions."""
    real = [row["text"] for path in sorted((DATA_DIR / "real").glob("*.jsonl"))
            for row in read_jsonl(path)]
    return {"topic corpus": [e.text for e in load_corpus()],
            "real suggestions (training/data/real)": real}


def evaluate(path: Path = PII_FILE, corpora: dict[str, list[str]] | None = None) -> dict:
    """Share of cases where every must_mask is gone and every must_keep stays, per kind."""
    rows = read_jsonl(path) if Path(path).exists() else []
    failures, kinds = [], {}
    for row in rows:
        result = redact(row["text"])
        leaked = [m for m in row.get("must_mask", []) if m in result.text]
        lost = [k for k in row.get("must_keep", []) if k not in result.text]
        if leaked or lost:
            failures.append({"text": row["text"], "redacted": result.text, "leaked": leaked,
                             "lost": lost})
        for kind in result.found or ["nothing masked"]:
            seen = kinds.setdefault(kind, {"cases": 0, "passed": 0})
            seen["cases"] += 1
            seen["passed"] += not (leaked or lost)
    return {
        "n": len(rows),
        "passed": len(rows) - len(failures),
        "pass_rate": _rate(len(rows) - len(failures), len(rows)),
        "must_mask_items": sum(len(r.get("must_mask", [])) for r in rows),
        "must_keep_items": sum(len(r.get("must_keep", [])) for r in rows),
        "nothing_to_mask": sum(not r.get("must_mask") for r in rows),
        "by_kind": dict(sorted(kinds.items())),
        "corpora": {name: _corpus_masking(texts)
                    for name, texts in (corpora if corpora is not None else _corpora()).items()},
        "failures": failures,
    }


def render(red: dict) -> list[str]:
    """The Markdown section."""
    lines = [
        HEADING,
        "",
        f"- {red['passed']} / {red['n']} cases pass (every must_mask gone, every must_keep "
        f"kept): **{red['pass_rate']}**; {red.get('must_mask_items', 0)} details to mask, "
        f"{red.get('must_keep_items', 0)} places, hotlines and counts to keep, "
        f"{red.get('nothing_to_mask', 0)} cases with nothing to mask",
    ]
    if red.get("by_kind"):
        lines += ["", "| kind masked | cases | pass |", "|---|---|---|"]
        lines += [f"| {kind} | {v['cases']} | {_rate(v['passed'], v['cases'])} |"
                  for kind, v in red["by_kind"].items()]
    for name, corpus in red.get("corpora", {}).items():
        lines += ["", f"Ordinary suggestions ({name}, n = {corpus['n']}): {corpus['masked']} "
                      f"get any mask ({corpus['masked_share']}); by kind: "
                  + (", ".join(f"{k} {n}" for k, n in corpus["by_kind"].items()) or "none") + "."]
    return lines + [""] + [f"- FAIL {f['text']} → {f['redacted']}" for f in red["failures"]]


def update_reports(folder: Path = REPORTS) -> dict:
    """Replace the redaction section of evaluation.md and .json in place."""
    red = evaluate()
    data_path, md_path = folder / "evaluation.json", folder / "evaluation.md"
    data = json.loads(data_path.read_text("utf-8"))
    data["redaction"] = red
    data_path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", "utf-8")
    markdown = md_path.read_text("utf-8")
    section = re.compile(re.escape(HEADING) + r".*?(?=\n## |\Z)", re.S)
    md_path.write_text(section.sub(lambda _m: "\n".join(render(red)).rstrip() + "\n", markdown),
                       "utf-8")
    return red


if __name__ == "__main__":
    found = update_reports()
    print(f"redaction: {found['passed']} / {found['n']} cases pass")
