"""Safeguarding evaluation: recall and false alarms per kind of harm and per writing style.

`python -m training.safeguard_report` scores the shipped screen (rules + net) on the dev and
test splits of safeguarding_real.jsonl, the corpus splits (ordinary suggestions) and the
team-written safeguarding.jsonl, and writes training/reports/safeguarding.md and .json.
"""

import json
from collections import defaultdict
from pathlib import Path

from classifier.normalise import normalise
from classifier.safeguard import _model, is_urgent_many, rule_hits, screen_form
from training.dataset import DATA_DIR, load_examples, read_jsonl, split
from training.safeguard_cv import cross_validate
from training.safeguard_data import load_cases, split_cases
from training.safeguard_real import (
    STYLES,
    load_real,
    split_real,
)
from training.safeguard_train import REAL_FILES, essay_texts, real_files, real_ordinary_texts

REPORTS = Path(__file__).parent / "reports"
# Real children's suggestions paraphrased from public pages by the corpus writers: ordinary.
REAL_SUGGESTIONS = DATA_DIR / "real"
BLIND_RUNS = REPORTS / "safeguarding_blind_runs.json"
# Corpus C (essays and diaries) by real-corpus split: the net trains on "train" only.
ESSAY_PARTS = ("train", "dev", "test")
# Batches whose test events are also reported on their own, with what each was written for.
REPORTED_BATCHES = {
    8: "written beside the screen, so not blind",
    10: "",
    12: "Hong Kong and Taiwan",
    13: "neglect by its details, scams, lures",
    14: "neglect and exploitation by their details",
    16: "two writers: neglect, violence at home, abuse; self-harm, running away, grooming, "
    "bullying, exploitation",
    17: "two writers: the weakest kinds; everyday words that look like danger",
    18: "grooming online, witnessed violence, hitting, abuse told indirectly, running away",
    19: "scams that use children, neglect as a life story, safety lessons retold",
    20: "harm hidden in jokes and games, relatives, abandonment, ransom; harm elsewhere retold",
    21: "abuse taken for love, beatings told as routine, running away to a parent",
    22: "harm in written Cantonese, sex work, theft and begging, neglect as a life story",
    23: "abuse told by feelings, self-harm as a joke, bullying by what others did",
    24: "neglect and work told cheerfully, grooming in Cantonese",
    25: "busy parents beside neglect",
    26: "harm with no danger word, many from English-language reports",
    27: "very short hints and dialects; chat-like look-alikes",
    28: "online adults planning to meet, early marriage, runaways in dialect",
    29: "witnessed violence, self-harm and neglect told indirectly",
    30: "neglect and exploitation by their details",
    31: "chatty look-alikes beside chatty disclosures",
    32: "grooming, sexual abuse and hitting without danger words",
    33: "violence at home, bullying and running away told indirectly",
    34: "self-harm and neglect wrapped in jokes and emoji",
    35: "other places' ways of writing",
    36: "neglect and bullying by their details",
    37: "scams on children, beatings by their tools, adults posing as children",
    38: "harm told mostly in emoji",
    39: "neglect and child work beside lawful work and busy parents",
    40: "sexual abuse told indirectly, violence at home by its aftermath",
    41: "every kind of harm told mostly in emoji",
    42: "bullying and neglect by what happens",
    43: "chatty diary words that look like danger",
    44: "violence at home, running away, grooming, goodbyes",
    45: "pinyin, initials, homophones and slang",
    46: "neglect by its details, often in emoji",
    47: "bullying and child work told indirectly",
    48: "regional voices",
    49: "safety suggestions beside suggestions that reveal danger",
    50: "neglect and bullying by small details, mostly emoji",
    51: "English mixed with Chinese, Malay or Cantonese",
    52: "sexual abuse and grooming told by hints",
    53: "every kind of harm told laughing",
    54: "strangers who follow or watch, violence heard from hiding",
    55: "harm told by its effects or fears",
    56: "sexual abuse told as care or teaching, violence at home through play and courts",
    57: "self-harm told indirectly, harm told by its after-effects",
    58: "neglect of left-behind children, child work and fraud",
    59: "grooming, running away and beatings in pinyin, homophones and emoji",
    60: "neglect by small details, violence at home seen by children",
    61: "every kind of harm told joking or in emoji",
    62: "look-alikes beside the danger they resemble",
    63: "look-alikes of the blind runs' false alarms",
    64: "Singapore, Malaysia, Hong Kong and Taiwan voices",
    65: "violence at home told indirectly, running away and hiding",
    66: "child work and fraud told indirectly, bullying adults wave away",
    67: "every kind of harm in pinyin, homophones and slang",
    68: "diary look-alikes beside the danger they resemble",
    69: "neglect beyond hunger, sexual abuse told by hints",
    70: "child work beyond cards and stalls",
    71: "danger in one sentence of a suggestion or an essay",
    72: "bullying told indirectly, grooming in children's words",
    73: "short chat-like messages, mostly moods and small complaints",
}
# The real suggestion corpora (A, B, D), read by real-corpus split like the essays.
SUGGESTION_FILES = tuple(name for name in REAL_FILES if name != "corpus_c.jsonl")


def _rate(flags: list[bool]) -> float | None:
    """Share of True, rounded; None for an empty slice."""
    return round(sum(flags) / len(flags), 4) if flags else None


def _slices(cases: list, flags: list[bool], key: str) -> dict:
    """Per value of key: n, recall on disclosures and false-alarm rate on the rest."""
    groups: dict[str, list[tuple[bool, bool]]] = defaultdict(list)
    for case, flag in zip(cases, flags, strict=True):
        groups[getattr(case, key)].append((case.urgent, flag))
    return {
        value: {
            "n": len(rows),
            "recall": _rate([f for u, f in rows if u]),
            "false_alarm_rate": _rate([f for u, f in rows if not u]),
        }
        for value, rows in sorted(groups.items())
    }


def evaluate_real(cases: list) -> dict:
    """Whole screen and rules alone on one split of the real-sourced set."""
    flags = [u.urgent for u in is_urgent_many([c.text for c in cases])]
    rules = [bool(rule_hits(screen_form(normalise(c.text)))) for c in cases]
    pos = [f for c, f in zip(cases, flags, strict=True) if c.urgent]
    neg = [f for c, f in zip(cases, flags, strict=True) if not c.urgent]
    return {
        "n": len(cases),
        "n_disclosures": len(pos),
        "n_events": len({c.event for c in cases}),
        "recall": _rate(pos),
        "false_alarm_rate": _rate(neg),
        "rules_only_recall": _rate([r for c, r in zip(cases, rules, strict=True) if c.urgent]),
        "by_kind": _slices(cases, flags, "kind"),
        "by_style": _slices(cases, flags, "style"),
        "missed": [c.text for c, f in zip(cases, flags, strict=True) if c.urgent and not f],
        "false_alarms": [c.text for c, f in zip(cases, flags, strict=True) if f and not c.urgent],
    }


def evaluate_ordinary(texts: list[str]) -> dict:
    """False-alarm rate of the whole screen on ordinary suggestions."""
    flags = [u.urgent for u in is_urgent_many(texts)]
    return {"n": len(texts), "false_alarm_rate": _rate(flags)}


def evaluate_team_set(cases: list) -> dict:
    """Recall and false alarms on a half of the team-written set."""
    flags = [u.urgent for u in is_urgent_many([c.text for c in cases])]
    return {
        "n": len(cases),
        "recall": _rate([f for c, f in zip(cases, flags, strict=True) if c.urgent]),
        "false_alarm_rate": _rate([f for c, f in zip(cases, flags, strict=True) if not c.urgent]),
    }


def evaluate_all() -> dict:
    """Every figure of the safeguarding report."""
    real = split_real(load_real())
    corpus = split(load_examples())
    tune, held = split_cases(load_cases())
    model = _model()
    return {
        "net": {k: model.metadata.get(k) for k in ("created", "n", "n_urgent")}
        | {
            "threshold": model.threshold,
            "recall_cap": model.metadata.get("recall_cap"),
            "budget_floor": model.metadata.get("budget_floor"),
        },
        "split_sizes": {name: len(cases) for name, cases in real.items()},
        "test": evaluate_real(real["test"]),
        "dev": evaluate_real(real["dev"]),
        "test_new_events": evaluate_real([c for c in real["test"] if c.batch == 2]),
        "test_retired_holdouts": evaluate_real([c for c in real["test"] if c.batch > 100]),
        **{
            f"test_batch{batch}": evaluate_real([c for c in real["test"] if c.batch == batch])
            for batch in REPORTED_BATCHES
        },
        "blind_runs": json.loads(BLIND_RUNS.read_text("utf-8")),
        "ordinary": {
            "corpus_test": evaluate_ordinary([e.text for e in corpus["test"]]),
            "corpus_validation": evaluate_ordinary([e.text for e in corpus["validation"]]),
            "real_suggestions": evaluate_ordinary(_real_suggestions(ordinary_only=True)),
            "real_suggestions_all_topics": evaluate_ordinary(
                _real_suggestions(ordinary_only=False)
            ),
            "essays": {part: evaluate_ordinary(essay_texts(part)) for part in ESSAY_PARTS},
            "real_test_parts": evaluate_ordinary(real_ordinary_texts("test")),
            "real_test_parts_by_file": {
                name.removesuffix(".jsonl"): evaluate_ordinary(real_ordinary_texts("test", (name,)))
                for name in real_files()
            },
            "suggestions_by_part": {
                part: evaluate_ordinary(real_ordinary_texts(part, SUGGESTION_FILES))
                for part in ESSAY_PARTS
            },
        },
        "cross_validation": cross_validate(),
        "team_set": {"heldout": evaluate_team_set(held), "tune": evaluate_team_set(tune)},
    }


def _real_suggestions(ordinary_only: bool) -> list[str]:
    """Real children's suggestions; ``ordinary_only`` leaves out the ``safety`` topic, whose
    texts may themselves tell of harm (robbed on the way home), where an alarm can be right."""
    rows = [r for p in sorted(REAL_SUGGESTIONS.glob("*.jsonl")) for r in read_jsonl(p)]
    return [r["text"] for r in rows if not ordinary_only or r.get("topic") != "safety"]


def _table(header: list[str], rows: list[list]) -> list[str]:
    """A Markdown table."""
    out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    cells = [["–" if c is None else str(c) for c in row] for row in rows]
    return out + ["| " + " | ".join(row) + " |" for row in cells]


def _split_section(name: str, r: dict) -> list[str]:
    """Markdown for one split: headline, per kind, per style, misses and false alarms."""
    kinds = [[k, v["n"], v["recall"], v["false_alarm_rate"]] for k, v in r["by_kind"].items()]
    styles = [
        [s, r["by_style"][s]["n"], r["by_style"][s]["recall"], r["by_style"][s]["false_alarm_rate"]]
        for s in STYLES
        if s in r["by_style"]
    ]
    return (
        [
            f"## {name} split (n = {r['n']}, {r['n_events']} events, "
            f"{r['n_disclosures']} disclosures)",
            "",
            f"- recall on disclosures: **{r['recall']}** (rules alone: {r['rules_only_recall']})",
            f"- false alarms on the split's hard negatives: **{r['false_alarm_rate']}**",
            "",
            "### Per kind (disclosures: recall; safe kinds: false-alarm rate)",
            "",
        ]
        + _table(["kind", "n", "recall", "false alarms"], kinds)
        + ["", "### Per writing style", ""]
        + _table(["style", "n", "recall", "false alarms"], styles)
        + ["", "Missed disclosures:", ""]
        + ([f"- {t}" for t in r["missed"]] or ["- none"])
        + ["", "False alarms:", ""]
        + ([f"- {t}" for t in r["false_alarms"]] or ["- none"])
        + [""]
    )


def render(result: dict) -> str:
    """The report as Markdown."""
    o, t, net = result["ordinary"], result["team_set"], result["net"]
    head = [
        "# Safeguarding evaluation",
        "",
        "Written by `python -m training.safeguard_report`; method and data in "
        "`training/data/SAFEGUARDING_CARD.md`. Each batch's test events and each holdout were "
        "read once, in a blind run (below), before anything was fixed; the figures further down "
        "are from the shipped screen, corrected after those runs, so only the blind runs are "
        "unbiased estimates for children's words nobody here has read.",
        "",
        f"Net threshold **{net['threshold']}** (dev recall cap {net['recall_cap']}, "
        f"ordinary-suggestion budget floor {net['budget_floor']}); split sizes "
        f"{result['split_sizes']}.",
        "",
        "## Ordinary suggestions (corpus, never disclosures)",
        "",
        f"- false alarms on the corpus test split (n = {o['corpus_test']['n']}): "
        f"**{o['corpus_test']['false_alarm_rate']}**",
        f"- on the corpus validation split (n = {o['corpus_validation']['n']}, used for the "
        f"threshold): {o['corpus_validation']['false_alarm_rate']}",
        "- on real children's ordinary suggestions (corpora A, B, D; `safety` left out) by "
        "their split; the net trains on the train part, the threshold reads the dev part: "
        + _parts(o["suggestions_by_part"]),
        f"- on all of training/data/real (n = "
        f"{o['real_suggestions']['n']}, the `safety` topic left out; partly trained on): "
        f"**{o['real_suggestions']['false_alarm_rate']}** (all topics, n = "
        f"{o['real_suggestions_all_topics']['n']}: "
        f"{o['real_suggestions_all_topics']['false_alarm_rate']})",
        "- on corpus C's ordinary essays and diaries (missing parents who work away, exam "
        "stress, being left out), by real-corpus split (train and dev read as above): "
        + _parts(o["essays"]),
        f"- on the test parts of every real corpus (each file split by page on its own; never "
        f"trained on, never read for the threshold; `safety` left out; n = "
        f"{o['real_test_parts']['n']}): **{o['real_test_parts']['false_alarm_rate']}**; by file: "
        + _parts(o["real_test_parts_by_file"]),
        "",
        "## Team-written set (safeguarding.jsonl)",
        "",
        f"- held-out half: recall **{t['heldout']['recall']}**, false alarms "
        f"{t['heldout']['false_alarm_rate']} (n = {t['heldout']['n']})",
        f"- tune half (trained on): recall {t['tune']['recall']}, false alarms "
        f"{t['tune']['false_alarm_rate']}",
        "",
    ]
    body = (
        _blind_section(result["blind_runs"])
        + _cv_section(result["cross_validation"])
        + _split_section("Test", result["test"])
        + _split_section("Test, new events only (batch 2)", result["test_new_events"])
        + _batch_sections(result, [b for b in REPORTED_BATCHES if b < 12])
        + _split_section(
            "Test, events of the retired holdouts 1-36 (read once each in a blind run)",
            result["test_retired_holdouts"],
        )
        + _batch_sections(result, [b for b in REPORTED_BATCHES if b >= 12])
        + _split_section("Dev", result["dev"])
    )
    return "\n".join(head + body)


def _batch_sections(result: dict, batches: list[int]) -> list[str]:
    """One test section per reported batch, titled with what the batch was written for."""
    lines = []
    for batch in batches:
        about = REPORTED_BATCHES[batch]
        title = f"Test, batch {batch} events only" + (f" ({about})" if about else "")
        lines += _split_section(title, result[f"test_batch{batch}"])
    return lines


def _parts(parts: dict) -> str:
    """ "train **0.01** (n = 259), dev ..." for one ordinary corpus by real-corpus split."""
    return ", ".join(f"{p} **{r['false_alarm_rate']}** (n = {r['n']})" for p, r in parts.items())


def _cv_rows(blocks: dict) -> list[list]:
    """Table rows of cross-validation blocks: n, recall net alone and screen, false alarms."""
    return [
        [
            name,
            b["n_disclosures"],
            b["net_recall"],
            b["screen_recall"],
            b["net_false_alarms"],
            b["screen_false_alarms"],
        ]
        for name, b in blocks.items()
    ]


def _cv_section(cv: dict) -> list[str]:
    """Recall on events held out of training, by source group: the estimate for unseen words."""
    header = [
        "",
        "disclosures",
        "recall, net alone",
        "recall, screen",
        "false alarms, net",
        "false alarms, screen",
    ]
    return (
        [
            f"## Cross-validation by source group ({cv['folds']} folds over train + dev)",
            "",
            "Each fold's events, pages and near-duplicates are left out, the net is retrained "
            "without them and its threshold set from ordinary texts alone; test and holdouts "
            "are never read (`training/safeguard_cv.py`). The rules were written having read "
            "these lines, so the screen's recall is optimistic; the net's recall is the honest "
            "estimate of how the learnt part handles events nobody wrote a rule for. False "
            "alarms are on the folds' hard negatives.",
            "",
        ]
        + _table(header, _cv_rows({"all folds": cv["overall"]} | cv["by_fold"]))
        + ["", "### Per kind", ""]
        + _table(header, _cv_rows(cv["by_kind"]))
        + ["", "### Per writing style", ""]
        + _table(header, _cv_rows(cv["by_style"]))
        + ["", "Disclosures the screen missed in cross-validation:", ""]
        + ([f"- {t}" for t in cv["screen_missed"]] or ["- none"])
        + [""]
    )


def _blind_section(blind: dict) -> list[str]:
    """The runs on data nobody had read: the honest estimate for children's words not yet seen."""
    rows = [
        [
            r["what"],
            r["n_disclosures"],
            r["recall"],
            r["hard_negative_false_alarm_rate"],
            r.get("ordinary_false_alarm_rate"),
        ]
        for r in blind["runs"]
    ]
    header = ["data", "disclosures", "recall", "false alarms (hard negatives)", "(ordinary)"]
    detail = []
    for r in blind["runs"]:
        if "per_kind" in r:
            detail += [
                f"Blind, {r['what']}: caught per kind "
                + ", ".join(f"{k} {v}" for k, v in r["per_kind"].items())
                + "; per style "
                + ", ".join(f"{k} {v}" for k, v in r["per_style"].items())
                + "; missed: "
                + " / ".join(r["missed"]),
                "",
            ]
    return ["## Blind runs", "", blind["note"], ""] + _table(header, rows) + [""] + detail


def write_report(result: dict, directory: Path = REPORTS) -> Path:
    """Write safeguarding.md and safeguarding.json."""
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "safeguarding.json").write_text(
        json.dumps(result, ensure_ascii=False, indent=2) + "\n", "utf-8"
    )
    (directory / "safeguarding.md").write_text(render(result), "utf-8")
    return directory / "safeguarding.md"


if __name__ == "__main__":
    print(write_report(evaluate_all()))
