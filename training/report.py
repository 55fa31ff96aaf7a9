"""Run every evaluation and write training/reports/evaluation.md and evaluation.json."""

from pathlib import Path

from classifier.model import TopicModel
from training.dataset import load_examples, split
from training.evaluate import evaluate_redaction, evaluate_safeguarding, evaluate_topics, write_json
from training.external import cross_writer, evaluate_external, load_external
from training.redaction_report import render as redaction_section
from training.safeguard_data import load_cases, split_cases

REPORTS = Path(__file__).parent / "reports"


def evaluate_all(model: TopicModel, corrections: list[tuple[str, str]] | None = None) -> dict:
    """Evaluate a model on the test split, the safeguarding halves and the PII cases."""
    examples = load_examples(corrections)
    parts = split(examples)
    tune, held = split_cases(load_cases())
    return {
        "model": {
            k: model.metadata.get(k)
            for k in (
                "version",
                "created",
                "params",
                "data_sha256",
                "split_sizes",
                "versions",
                "validation_macro_f1",
            )
        },
        "threshold": model.threshold,
        "topics": evaluate_topics(model, parts["test"]),
        "safeguarding": {
            "heldout": evaluate_safeguarding(held, parts["test"]),
            "tune": evaluate_safeguarding(tune, parts["validation"]),
        },
        "redaction": evaluate_redaction(),
        "external": evaluate_external(model, load_external()),
        "cross_writer": cross_writer(model, parts["test"], examples),
    }


def _table(header: list[str], rows: list[list]) -> list[str]:
    """Render a Markdown table."""
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    return lines + ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]


def _topic_summary(t: dict) -> list[str]:
    """Headline topic figures."""
    at = t["at_threshold"]
    return [
        f"## Topics (test split, n = {t['n']})",
        "",
        f"- macro-F1 (17 topics + none): **{t['macro_f1']}**; "
        f"17 topics only: {t['macro_f1_topics']}",
        f"- accuracy: {t['accuracy']}",
        f"- at the shipped threshold {at['threshold']}: coverage {at['coverage']}, "
        f"accuracy on the rest {at['accuracy']}",
    ]


def _topic_tables(t: dict) -> list[str]:
    """Coverage curve, per-topic scores and tag slices."""
    labels = [
        [k, v["precision"], v["recall"], v["f1"], v["support"]] for k, v in t["per_label"].items()
    ]
    slices = [[k, v["n"], v["accuracy"], v["macro_f1"]] for k, v in t["slices"].items()]
    return (
        ["", "### Accuracy against coverage", ""]
        + _curve(t)
        + ["", "### Per topic", ""]
        + _table(["label", "precision", "recall", "F1", "support"], labels)
        + ["", "### Slices (by tag)", ""]
        + _table(["tag", "n", "accuracy", "macro-F1"], slices)
    )


def _confusion(t: dict) -> list[str]:
    """The confusion matrix as a table (rows = true labels)."""
    labels = t["confusion"]["labels"]
    rows = [[lab] + row for lab, row in zip(labels, t["confusion"]["matrix"], strict=True)]
    return ["", "### Confusion matrix (rows = true, columns = predicted)", ""] + _table(
        [""] + [lab[:6] for lab in labels], rows
    )


def _topic_section(t: dict) -> list[str]:
    """Markdown for the topic model results."""
    return _topic_summary(t) + _topic_tables(t) + _confusion(t)


def _curve(t: dict) -> list[str]:
    """The accuracy-at-abstention table of one evaluation."""
    rows = [
        [f"{int(r['abstain_rate'] * 100)}%", r["coverage"], r["accuracy"], r["min_confidence"]]
        for r in t["coverage_curve"]
    ]
    return _table(["abstain", "coverage", "accuracy", "min confidence kept"], rows)


def _external_section(e: dict | None) -> list[str]:
    """Markdown for the external-style council-report set (reported only, never tuned on)."""
    if e is None:
        return []
    at = e["at_threshold"]
    recall = [[k, v, e["support"].get(k, 0)] for k, v in e["recall"].items()]
    genres = [[k, v["n"], v["accuracy"]] for k, v in e["by_genre"].items()]
    mistakes = [f"- {c['true']} → {c['predicted']}: {c['n']}" for c in e["top_confusions"]]
    return (
        [
            "",
            f"## External-style set (training/data/external, n = {e['n']})",
            "",
            "Texts in the genre of councils' public reports, written apart from the corpus; "
            "never used for training, tuning or the threshold.",
            "",
            f"- macro-F1 (17 topics + none): **{e['macro_f1']}**; "
            f"17 topics only: {e['macro_f1_topics']}",
            f"- accuracy: {e['accuracy']}",
            f"- at the shipped threshold {at['threshold']}: coverage {at['coverage']}, "
            f"accuracy on the rest {at['accuracy']}",
            "",
            "### Accuracy against coverage (external)",
            "",
        ]
        + _curve(e)
        + ["", "### Recall per topic (external)", ""]
        + _table(["label", "recall", "n"], recall)
        + ["", "### Accuracy by genre (external)", ""]
        + _table(["genre", "n", "accuracy"], genres)
        + ["", "Most frequent confusions (true → predicted):", ""]
        + mistakes
    )


def _cross_writer_section(c: dict | None) -> list[str]:
    """Markdown for the test split restricted to writer2_* files against the rest."""
    if c is None:
        return []
    rows = []
    for name, v in c.items():
        at = v["at_threshold"] or {}
        row = [name, v["n"], v["macro_f1"], v["accuracy"], at.get("coverage"), at.get("accuracy")]
        rows.append(row)
    return [
        "",
        "## Cross-writer (test split: writer2_* files vs the rest)",
        "",
        "macro-F1 here averages over the labels each group contains.",
        "",
    ] + _table(["group", "n", "macro-F1", "accuracy", "coverage", "accuracy kept"], rows)


def _safeguard_section(s: dict) -> list[str]:
    """Markdown for the safeguarding results."""
    h = s["heldout"]
    out = [
        "",
        "## Safeguarding (held-out half of safeguarding.jsonl)",
        "",
        f"- urgent recall: **{h['recall']}** "
        f"(n = {h['n_urgent']}; tune half: {s['tune']['recall']})",
        f"- false alarms on hard negatives and ordinary texts: **{h['false_alarm_rate']}** "
        f"(tune half: {s['tune']['false_alarm_rate']})",
        f"- false alarms on the corpus test split (ordinary suggestions, n = {h['corpus_n']}): "
        f"{h['corpus_false_alarm_rate']}",
        "",
    ]
    out += _table(
        ["kind", "n", "flagged"], [[k, v["n"], v["flagged"]] for k, v in h["by_kind"].items()]
    )
    out += [
        "",
        "Urgent recall by tag: "
        + ", ".join(f"{k} {v}" for k, v in h["urgent_recall_by_tag"].items()),
    ]
    out += ["", "Missed urgent texts (held-out):", ""] + [f"- {m}" for m in h["missed"]]
    out += ["", "False alarms (held-out):", ""] + [f"- {m}" for m in h["false_alarms"]]
    return out


def render(result: dict) -> str:
    """Render the whole evaluation as Markdown."""
    m = result["model"]
    head = [
        "# Classifier evaluation",
        "",
        f"Model {m['version']} (created {m['created']}), params {m['params']}, "
        f"split sizes {m['split_sizes']}, validation macro-F1 {m['validation_macro_f1']}.",
        "",
        "The test split is never used for tuning; near-duplicates (char-3-gram Jaccard ≥ 0.5) "
        "never cross splits.",
        "",
    ]
    tail = [""] + redaction_section(result["redaction"])
    return (
        "\n".join(
            head
            + _topic_section(result["topics"])
            + _external_section(result.get("external"))
            + _cross_writer_section(result.get("cross_writer"))
            + _safeguard_section(result["safeguarding"])
            + tail
        )
        + "\n"
    )


def write_report(result: dict, directory: Path = REPORTS) -> Path:
    """Write evaluation.md and evaluation.json into directory."""
    directory.mkdir(parents=True, exist_ok=True)
    write_json(result, directory / "evaluation.json")
    (directory / "evaluation.md").write_text(render(result), "utf-8")
    return directory / "evaluation.md"
