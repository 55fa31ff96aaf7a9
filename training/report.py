"""Run every evaluation and write training/reports/evaluation.md and evaluation.json."""

from pathlib import Path

from classifier.model import TopicModel
from training.evaluate import evaluate_redaction, evaluate_safeguarding, evaluate_topics, write_json
from training.external import evaluate_external, load_external
from training.noise import evaluate_noisy
from training.redaction_report import render as redaction_section
from training.safeguard_data import load_cases, split_cases
from training.train import Sources, load_sources

REPORTS = Path(__file__).parent / "reports"
MODEL_KEYS = (
    "version",
    "created",
    "params",
    "data_sha256",
    "split_sizes",
    "versions",
    "dev_macro_f1",
    "cv_macro_f1",
)


def evaluate_all(
    model: TopicModel,
    corrections: list[tuple[str, str]] | None = None,
    studies: bool = False,
) -> dict:
    """Evaluate a model on the real test split, the safeguarding halves and the PII cases.

    With studies, also refit for the learning curve and the sources' contributions.
    """
    sources = load_sources(corrections)
    tune, held = split_cases(load_cases())
    result = {
        "model": {k: model.metadata.get(k) for k in MODEL_KEYS},
        "threshold": model.threshold,
        "topics": evaluate_topics(model, sources.test),
        "dev": evaluate_topics(model, sources.dev),
        "noisy": evaluate_noisy(model, sources.test),
        "safeguarding": {
            "heldout": evaluate_safeguarding(held, sources.test),
            "tune": evaluate_safeguarding(tune, sources.dev),
        },
        "redaction": evaluate_redaction(),
        "external": evaluate_external(model, load_external()),
    }
    if studies:
        result["studies"] = run_studies(model, sources)
    return result


def run_studies(model: TopicModel, sources: Sources) -> dict:
    """The learning curve and the sources' contributions with the model's own parameters."""
    from training.studies import contributions, learning_curve

    params = dict(model.metadata.get("params") or {})
    return {
        "learning_curve": learning_curve(sources, params, model.threshold),
        "contributions": contributions(sources, params, model.threshold),
    }


def _table(header: list[str], rows: list[list]) -> list[str]:
    """Render a Markdown table."""
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    return lines + ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]


HEADLINE = [
    ("top_acceptable", "top label acceptable (no abstention)"),
    ("top3_acceptable", "an acceptable label among the top three"),
    ("abstained", "abstained (sent to the coordinator's triage)"),
    ("triage_load", "coordinator's triage load: abstained or not a suggestion (no topic)"),
    ("accuracy_kept", "accuracy on what it does not abstain on"),
    ("macro_f1", "macro-F1, abstentions counted as misses"),
    ("macro_f1_no_abstention", "macro-F1 of the top label, no abstention"),
]
SHORT = [
    "n",
    "top ok",
    "top-3 ok",
    "abstained",
    "triage",
    "acc. kept",
    "macro-F1",
    "macro-F1 (no abst.)",
]


def _short_row(name: str, h: dict) -> list:
    """One slice's headline figures as a table row."""
    return [name, h["n"]] + [h[k] for k, _ in HEADLINE]


def _none_rule(t: dict) -> str:
    """The model's rule for `none`, when it asks a topic for a margin (older models: argmax)."""
    ratio = t.get("none_ratio", 1.0)
    return f", none when P(none) ≥ {ratio} × the top probability" if ratio < 1 else ""


def _topic_section(t: dict, title: str) -> list[str]:
    """Headline figures, lead agency, curve, per topic, confusions and slices."""
    lead = t["lead_agency"]
    rows = [[label, t[key]] for key, label in HEADLINE]
    rows.append(
        [
            f"{lead['plan']} lead agency acceptable (abstentions go to the coordinator)",
            lead["acceptable"],
        ]
    )
    rows.append(
        [f"abstained with {lead['plan']}'s routes (same lead agency: no doubt)", lead["abstained"]]
    )
    curve = [
        [f"{int(r['abstain_rate'] * 100)}%", r["coverage"], r["accuracy"], r["min_confidence"]]
        for r in t["coverage_curve"]
    ]
    labels = [
        [k, v["precision"], v["recall"], v["f1"], v["support"]] for k, v in t["per_label"].items()
    ]
    mistakes = [f"- {c['true']} → {c['predicted']}: {c['n']}" for c in t["confusions"]]
    return (
        [f"## {title} (n = {t['n']}, threshold {t['threshold']}{_none_rule(t)})", ""]
        + _table(["measure", "value"], rows)
        + _lead_by_plan(t.get("lead_agency_by_plan"))
        + ["", "### Accuracy (top label acceptable) at each abstention rate", ""]
        + _table(["abstain", "coverage", "accuracy", "min confidence kept"], curve)
        + ["", "### Per topic (abstentions counted as misses)", ""]
        + _table(["label", "precision", "recall", "F1", "support"], labels)
        + ["", "### Commonest confusions (true → top label)", ""]
        + mistakes
        + ["", "### By source kind", ""]
        + _table(["kind", *SHORT], [_short_row(k, v) for k, v in t["by_source_kind"].items()])
        + ["", "### By writing style (detected in the text)", ""]
        + _table(["style", *SHORT], [_short_row(k, v) for k, v in t["by_style"].items()])
    )


def _lead_by_plan(by_plan: dict | None) -> list[str]:
    """Lead agency acceptable and abstention under each plan's routes (empty when absent)."""
    if not by_plan:
        return []
    rows = [[plan, v["acceptable"], v["abstained"]] for plan, v in by_plan.items()]
    return [
        "",
        "### Lead agency acceptable per plan (abstentions go to the coordinator)",
        "",
    ] + _table(["plan", "lead agency acceptable", "abstained with its routes"], rows)


def _studies_section(s: dict | None) -> list[str]:
    """The learning curve and the sources' contributions."""
    if not s:
        return []
    curve = [
        [
            f"{int(r['real_train_share'] * 100)}%",
            r["real_train_n"],
            r["top_acceptable"],
            r["macro_f1"],
            r["abstained"],
        ]
        for r in s["learning_curve"]
    ]
    sources = [_short_row(k, v) for k, v in s["contributions"].items()]
    return (
        ["", "## Learning curve (real train share, plus the whole imitation corpus; real test)", ""]
        + _table(["real train", "n", "top ok", "macro-F1", "abstained"], curve)
        + ["", "## What each source contributes (trained on …, scored on the real test split)", ""]
        + _table(["trained on", *SHORT], sources)
    )


def _noisy_section(n: dict | None) -> list[str]:
    """The real test split rewritten in each noisy style."""
    if not n:
        return []
    rows = [_short_row(k, v) for k, v in n.items()]
    return (
        [
            "",
            "## Noisy writing (the real test split rewritten in each style; `training/noise.py`)",
            "",
        ]
        + _table(["style", *SHORT], rows)
        + ["", f"Non-suggestions given no topic, all styles: {n['all']['none_no_topic']}"]
    )


def _external_section(e: dict | None) -> list[str]:
    """The external-style council-report set (written by the team; reported only)."""
    if e is None:
        return []
    return [
        "",
        f"## External-style set (training/data/external, n = {e['n']}; reported only)",
        "",
    ] + _table(
        ["set", *SHORT],
        [_short_row("all", e)] + [_short_row(k, v) for k, v in e["by_genre"].items()],
    )


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
        f"- false alarms on the real test split (ordinary suggestions, n = {h['corpus_n']}): "
        f"{h['corpus_false_alarm_rate']}",
        "",
    ]
    out += _table(
        ["kind", "n", "flagged"], [[k, v["n"], v["flagged"]] for k, v in h["by_kind"].items()]
    )
    out += ["", "Missed urgent texts (held-out):", ""] + [f"- {m}" for m in h["missed"]]
    out += ["", "False alarms (held-out):", ""] + [f"- {m}" for m in h["false_alarms"]]
    return out


def _tuning_score(m: dict) -> str:
    """The score the model's params were chosen on: grouped CV, or dev for older models."""
    if m.get("cv_macro_f1") is not None:
        return f"grouped-CV macro-F1 {m['cv_macro_f1']} (train + dev)"
    return f"dev macro-F1 {m.get('dev_macro_f1')}"


def render(result: dict) -> str:
    """Render the whole evaluation as Markdown."""
    m = result["model"]
    head = [
        "# Classifier evaluation",
        "",
        f"Model {m['version']} (created {m['created']}), params {m['params']}, "
        f"split sizes {m['split_sizes']}, {_tuning_score(m)}.",
        "",
        "The real corpus is split by source page (and by programme where one city dominates); "
        "near-duplicates never cross splits. Parameters and the abstention threshold are chosen "
        "by cross-validation over real train + dev grouped the same way (older models: on the "
        "dev split); the test split is only scored. A top label is acceptable when it is "
        "either of a text's acceptable topics.",
        "",
    ]
    body = (
        _topic_section(result["topics"], "Real test split")
        + _noisy_section(result.get("noisy"))
        + _studies_section(result.get("studies"))
        + ["", "---", ""]
        + _topic_section(result["dev"], "Real dev split (tuned on; for reference)")
        + _external_section(result.get("external"))
        + _safeguard_section(result["safeguarding"])
        + [""]
        + redaction_section(result["redaction"])
    )
    return "\n".join(head + body) + "\n"


def write_report(result: dict, directory: Path = REPORTS) -> Path:
    """Write evaluation.md and evaluation.json into directory."""
    directory.mkdir(parents=True, exist_ok=True)
    write_json(result, directory / "evaluation.json")
    (directory / "evaluation.md").write_text(render(result), "utf-8")
    return directory / "evaluation.md"
