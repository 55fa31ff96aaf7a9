"""How well near-duplicate suggestions are found: paraphrase pairs and different wishes.

Each pair is scored the way the review page scores it: one text against the pool of every
other text in the set (the TF-IDF of the character-only fallback is fitted on that pool, as
it is on the open suggestions of a city). Precision and recall at each threshold, for the
old character-only score and the classifier-feature score, go to training/reports/.
"""

from __future__ import annotations

import json
from pathlib import Path

from models.suggestions import similarity

PAIRS = Path(__file__).parent / "data" / "duplicates" / "pairs.jsonl"
REPORTS = Path(__file__).parent / "reports"
THRESHOLDS = (0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4)


def load_pairs(path: Path = PAIRS) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def pair_scores(pairs: list[dict], score) -> list[float]:
    """score(text, others) for each pair's b, with a scored against the whole pool."""
    pool = sorted({p["a"] for p in pairs} | {p["b"] for p in pairs})
    found = []
    for pair in pairs:
        others = [text for text in pool if text != pair["a"]]
        found.append(dict(zip(others, score(pair["a"], others), strict=True))[pair["b"]])
    return found


def precision_recall(pairs: list[dict], scores: list[float], threshold: float) -> dict:
    hits = [score >= threshold for score in scores]
    tp = sum(1 for pair, hit in zip(pairs, hits, strict=True) if hit and pair["same"])
    fp = sum(1 for pair, hit in zip(pairs, hits, strict=True) if hit and not pair["same"])
    same = sum(1 for pair in pairs if pair["same"])
    return {"threshold": threshold, "precision": round(tp / (tp + fp), 3) if tp + fp else 1.0,
            "recall": round(tp / same, 3), "offered": tp + fp}


def evaluate(model) -> dict:
    pairs = load_pairs()
    methods = {"characters (before)": similarity.char_scores,
               "classifier features (now)": lambda a, o: similarity.model_scores(a, o, model)}
    result = {"pairs": sum(p["same"] for p in pairs),
              "non_pairs": sum(not p["same"] for p in pairs),
              "chosen_threshold": similarity.THRESHOLD, "methods": {}}
    for name, score in methods.items():
        found = pair_scores(pairs, score)
        result["methods"][name] = [precision_recall(pairs, found, t) for t in THRESHOLDS]
    return result


def write_report(result: dict) -> Path:
    REPORTS.mkdir(exist_ok=True)
    (REPORTS / "duplicates.json").write_text(json.dumps(result, ensure_ascii=False, indent=2),
                                             "utf-8")
    lines = ["# Near-duplicate suggestions offered for merging", "",
             f"Set: `training/data/duplicates/pairs.jsonl`, {result['pairs']} paraphrase pairs "
             f"and {result['non_pairs']} pairs of different wishes (most about the same place "
             "or topic), written in children's words from real examples (each keeps its "
             "`source_url`). Regenerate with `python -m training.duplicates`.", "",
             f"The review page offers a merge at score ≥ {result['chosen_threshold']}.", ""]
    for name, rows in result["methods"].items():
        lines += [f"## {name}", "", "| threshold | precision | recall | offered |",
                  "|---|---|---|---|"]
        lines += [f"| {r['threshold']} | {r['precision']} | {r['recall']} | {r['offered']} |"
                  for r in rows]
        lines.append("")
    lines += ["The threshold and the formula were chosen on this same small set (there is no "
              "held-out set yet): read the figures as a direction, not a guarantee.", ""]
    path = REPORTS / "duplicates.md"
    path.write_text("\n".join(lines), "utf-8")
    return path


def main() -> None:
    from classifier.model import load_current

    model = load_current()
    if model is None:
        raise SystemExit("no current model: run `tongsheng train` first")
    print(write_report(evaluate(model)))


if __name__ == "__main__":
    main()
