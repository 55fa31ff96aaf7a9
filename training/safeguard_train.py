"""Train the safeguarding net on train splits only; the dev split sets its threshold, recall first.

Training data: the train split of the real-sourced disclosures and hard negatives (every batch
and the retired holdouts), the tune half of the team-written safeguarding.jsonl, the corpus
train split as ordinary suggestions, and the ordinary texts (not `safety`) of every real
children's corpus in its own train part: suggestions, and essays about parents working away,
exam stress or being left out, which are sadness, not danger. The threshold is the lowest at
which the whole screen (rules, then the net) keeps false alarms on ordinary texts (the corpus
validation split and every real corpus's dev part) within ORDINARY_BUDGET: recall first, up to
a margin below the false-alarm bound.
"""

from datetime import UTC, datetime
from functools import cache

import numpy as np

from classifier.normalise import normalise
from classifier.safeguard import blank_benign, rule_hits, screen_form
from classifier.safeguard import net_view as screen_view
from classifier.safeguard_model import (
    SafeguardModel,
    build_safeguard_pipeline,
    forget_given_vocabularies,
    prepare,
    weighty_terms,
)
from training.dataset import REAL_DIR, Example, load_examples, read_jsonl, real_example, split
from training.safeguard_data import load_cases, split_cases
from training.safeguard_real import load_real, split_real
from training.splits import split_real as split_real_corpus

# Share of ordinary texts (corpus validation split, every real corpus's dev part) the
# whole screen may flag at most, a margin below the 5% the product is judged at; the
# net spends all of it on recall. Until batch 11 the threshold was also capped by the
# weakest dev disclosure the rules miss. With batch 11's subtle disclosures in dev (an
# emoji bottle and "再等她15分钟", a "特调饮料" video) that cap fell to 0.071, where the screen
# flagged 10% of ordinary dev texts, 11% of the real corpora's test parts and 18% of
# the team-written safe lines: false alarms on that scale bury real cases in a lead's
# queue. So the budget binds, and the dev disclosures below the threshold are reported
# as known misses.
# A retrain on today's data (every batch, retired holdouts, real corpora A-O) at a 4%
# budget gave 0.287 and was not shipped (the budget stayed at 3% until batch 15):
# it flags the team set's 打我电话, 游戏里我被打死了 and 明天最后一关是打boss
# (tests/classifier/test_safeguard*.py), and on dev it only matched the batch-8 net
# (525 against 524 of 527 disclosures, false alarms 3.8% against 3.6%). The batch-8
# net stayed shipped until batch 15.
# With batch 15 and corpus AA the batch-8 net at 3% flagged 5.1% of the real corpora's test
# parts. Four retrains were compared on dev (terms of weight 0.08, 0.10 and 0.15 at 3%, and 0.10
# at 4%): 0.10 at 4% caught the most dev disclosures (706 of 717 against 702) but flagged the
# team set's look-alikes (我做了三道题就去吃饭了) at its threshold of 0.32; at 3.5% (0.354) it
# flags none of them and 4.1% of the real corpora's test parts. That one was shipped.
# Batch 16 and the retired holdouts 10 to 15 (330 more disclosures) were compared on dev only:
# at 3.5% and real ordinary texts weighted 3 the retrained net caught 869 of the 881 dev
# disclosures against the batch-15 net's 862, but flagged 3.7% of the real corpora's dev parts
# against 3.4%; with real ordinary texts weighted 5 and a 3% budget (threshold 0.43) it catches
# 866 and flags 3.0%: more disclosures and fewer false alarms than the batch-15 net on dev.
# That one is shipped, and train_safeguard() reproduces it: with the rules of its dev gaps and a
# cold's medicine blanked with its words, its threshold is 0.422 and it catches 873 of 881.
# Batches 17 and 18 and the retired holdouts 16 to 18 (118 more dev disclosures, 999 in all)
# were compared on dev only, with the rules of the new dev gaps: the batch-16 net caught 986 and
# flagged 2.9% of the real corpora's dev parts; a retrain at 3% caught 985 and flagged 2.8%, and
# at 3.5% 988 at 3.4%. The batch-16 net had been chosen on the older dev lines; on the new ones,
# which chose nothing, the retrain caught 115 of 118 against 113, so the retrain at 3% is
# shipped: threshold 0.464, 988 of 999 with the rules. Grouped CV (training.safeguard_cv) on C
# 2, 4, 8 and 16 and on no term pruning moved the net's recall on unseen events by under 0.01.
# Batch 19 and the retired holdouts 19 and 20 (63 more dev disclosures, 1,062 in all), with the
# rules of the new dev gaps: the batch-17 net caught 1,048 and flagged 2.8% of the real corpora's
# dev parts, a retrain at 3% 1,049 and 3.0% (1.39 MB), the same with terms of weight 0.12 1,050
# and 3.0% in 1.21 MB. That one ships (threshold 0.444): as much recall on dev, from more data,
# and a smaller file for every web worker.
# Batch 20 and the retired holdout 21 (36 more dev disclosures, 1,098 in all): the batch-19 net
# caught 1,081 and flagged 3.1% of the real corpora's dev parts, a retrain 1,081 and 3.0%; with
# the rules of the new dev gaps the retrain caught 1,085 but flagged a team look-alike
# (tests/classifier/test_safeguard_families.py: 寒假去爸妈开店的地方…忙到半夜都看不到人), so the
# batch-19 net stays shipped (threshold 0.444; 1,082 of 1,098 with the rules) and
# train_safeguard() on today's data no longer reproduces it.
# Batch 21 and the retired holdout 22 (39 more dev disclosures, 1,137 in all): a retrain caught
# 1,119 against the batch-19 net's 1,118 and flagged 3.0% of the real corpora's dev parts against
# 3.0%, and no team look-alike; with the rules of its dev gaps it catches 1,121 and ships
# (threshold 0.453). The concept view then learnt that 斑马线上 is a crossing, not a mark on the
# skin; a retrain with it set its threshold at 0.435, where it flagged the same team look-alike,
# so the net fitted before that change stays shipped.
# Batch 22, the retired holdout 23 and real corpora AG and AH (34 more dev disclosures, 1,171 in
# all; 2,391 ordinary dev texts): with the rules of the new dev gaps the batch-21 net caught
# 1,155 and flagged 3.0% of the ordinary dev texts and 112 of the 585 dev hard negatives; a
# retrain (threshold 0.468) caught 1,156, flagged 2.9% and 102, and no team look-alike. It
# ships, and train_safeguard() reproduces it.
# Batch 23 and the retired holdout 24 (35 more dev disclosures, 1,206 in all): the batch-22 net
# caught 1,185 and flagged 2.9% of the ordinary dev texts and 106 of 605 dev hard negatives; a
# retrain (0.481) caught 1,184, flagged 2.9% and 110, and the team look-alike again, so the
# batch-22 net stays, with rules for its new dev gaps (an adult at the child's bed at night told
# through fear, things put in a child's cup, a young carer, a child ill alone).
# Batch 24 and the retired holdout 25 (34 more dev disclosures, 1,240 in all): the batch-22 net
# caught 1,217 and flagged 110 of 627 dev hard negatives; a retrain (0.471) caught 1,217 and
# flagged 116, and the team look-alike, so the batch-22 net stays; with the rules of the new dev
# gaps (a gang of older pupils, a young carer the family leans on, photos without clothes asked
# for in written Cantonese) the screen catches 1,224 of 1,240.
# Batch 25 (busy parents beside neglect; 8 more dev disclosures, 1,248 in all): the batch-22 net
# caught 1,231, a retrain (0.485) 1,229 with more false alarms (119 of 640 dev hard negatives
# against 114), and it still flagged the team look-alike, so the batch-22 net stays.
# Batches 26 to 29 and the retired holdouts 27 and 28 (136 more dev disclosures, 1,384 in all;
# real corpora AJ to AO among the ordinary dev texts): a retrain set its threshold at 0.558 and
# caught 1,356 against the batch-22 net's 1,367 with the rules of the new dev gaps, so the
# batch-22 net stays.
# Batches 30 and 31 and the retired holdouts 29 and 30 (1,451 dev disclosures, 763 dev hard
# negatives, 2,746 ordinary dev texts), with the rules of the new dev gaps: the batch-22 net
# caught 1,433, flagged 148 hard negatives and 3.13% of the ordinary texts; a retrain set its
# threshold at 0.564 and caught 1,430 (132, 2.95%). Moved down to 0.51 it catches 1,433 as well
# (142, 3.20%): a tie on dev, so the batch-22 net stays.
# Batches 32 to 62 and the retired holdouts 31 to 35 (2,109 dev disclosures, 1,178 dev hard
# negatives, 2,824 ordinary dev texts), with the rules of the new dev gaps: the batch-22 net
# caught 2,066, flagged 230 hard negatives and 3.12% of the ordinary texts; a retrain at the 3%
# budget (threshold 0.599) caught 2,060 (194, 2.97%), at 3.1% (0.575) 2,067 (205, 3.08%): as
# many disclosures as the batch-22 net with a tenth fewer hard negatives flagged, so the budget
# is 3.1% and that retrain ships. The test split, read only after the choice: 2,215 of 2,383
# disclosures caught against the batch-22 net's 2,149, 19.1% of hard negatives flagged against
# 21.5%, 3.9% of the real corpora's test parts against 4.1%.
# Batches 63 to 65 (2,169 dev disclosures, 1,219 dev hard negatives), with the rules of their
# dev gaps: a retrain (0.558) caught 2,139 like the batch-62 net but flagged 226 hard negatives
# against 215, so the batch-62 net stays and train_safeguard() on today's data no longer
# reproduces it.
ORDINARY_BUDGET = 0.031
# Terms whose weight in a first fit is below this are dropped and the net refitted on the
# rest: two thirds of the n-grams carry almost nothing, and the shipped file stays small
# (0.10 until the batch-19 net).
MIN_TERM_WEIGHT = 0.12
# Real children's words count more than the team's own phrasing and the ordinary corpus.
REAL_WEIGHT = 3.0
# Real children's ordinary words (suggestions and essays of every real corpus) count more than
# the real-sourced disclosures (5 against 3 since batch 16): sadness about parents far away or a
# scolding is not danger, and these texts are what false alarms are judged on.
REAL_ORDINARY_WEIGHT = 5.0
# Real children's essays and diaries: ordinary texts that talk of missing parents and sadness.
ESSAY_FILE = REAL_DIR / "corpus_c.jsonl"
# The first real corpora (suggestions A, B, D and essays C), reported apart as before.
REAL_FILES = ("corpus_a.jsonl", "corpus_b.jsonl", "corpus_c.jsonl", "corpus_d.jsonl")


def net_view(text: str) -> str:
    """What the net is trained on: normalised text with idioms, laughter and medicine for an
    illness blanked (as the screen reads it)."""
    return blank_benign(screen_form(normalise(text)))


def real_files() -> tuple[str, ...]:
    """Every real children's corpus file: all of them are ordinary texts for the net."""
    return tuple(sorted(path.name for path in REAL_DIR.glob("*.jsonl")))


@cache
def real_ordinary_parts() -> dict[str, dict[str, list[Example]]]:
    """Each real corpus file split by page on its own: file -> part -> examples.

    The topic model splits the whole real corpus at once, so a new corpus regroups it and
    moves older texts between parts. Split file by file (files never share a page), a new
    corpus adds its own train, dev and test texts and moves nothing: what the net trained
    on, what the budget read and what the report tests stay where they were.
    """
    seen: set[str] = set()
    parts: dict[str, dict[str, list[Example]]] = {}
    for name in real_files():
        examples = []
        for row in read_jsonl(REAL_DIR / name):
            example = real_example(row, name)
            key = normalise(example.text)
            if key and key not in seen:
                seen.add(key)
                examples.append(example)
        parts[name] = split_real_corpus(examples)
    return parts


def real_ordinary_texts(part: str, files: tuple[str, ...] | None = None) -> list[str]:
    """Real children's ordinary texts (not `safety`) of the given files (default: all) in
    one part of their own split."""
    parts = real_ordinary_parts()
    names = real_files() if files is None else files
    return [
        e.text for name in names if name in parts for e in parts[name][part] if e.topic != "safety"
    ]


def essay_texts(part: str) -> list[str]:
    """Corpus C's ordinary texts (essays and diaries) in one part of its split."""
    return real_ordinary_texts(part, (ESSAY_FILE.name,))


def real_negatives() -> list[str]:
    """The real ordinary texts the net trains on: every file's train part; dev and test unread."""
    return real_ordinary_texts("train")


def ordinary_set() -> tuple[list[str], list[bool], list[float]]:
    """Texts, labels and weights of every train part but the real-sourced one: the tune half
    of the team-written set, the corpus train split and every real corpus's train part."""
    tune, _ = split_cases(load_cases())
    corpus = [e.text for e in split(load_examples())["train"]]
    real = real_negatives()
    texts = [c.text for c in tune] + corpus + real
    labels = [c.urgent for c in tune] + [False] * (len(corpus) + len(real))
    weights = [1.0] * (len(tune) + len(corpus)) + [REAL_ORDINARY_WEIGHT] * len(real)
    return texts, labels, weights


def training_set() -> tuple[list[str], np.ndarray, np.ndarray]:
    """Texts, labels and sample weights from the four train parts."""
    real = split_real(load_real())["train"]
    texts, labels, weights = ordinary_set()
    return (
        [c.text for c in real] + texts,
        np.array([c.urgent for c in real] + labels),
        np.array([REAL_WEIGHT] * len(real) + weights),
    )


def choose_threshold(
    dev_scores: np.ndarray, dev_missed_by_rules: np.ndarray, ordinary_scores: np.ndarray
) -> tuple[float, dict]:
    """Lowest threshold at which the whole screen keeps within ORDINARY_BUDGET.

    dev_scores are the net's scores on dev disclosures, dev_missed_by_rules marks those the
    rules do not catch; ordinary_scores holds one score per ordinary text, 1.0 for those the
    rules already flag, so the budget counts what the whole screen flags. The net spends the
    whole budget on recall. recall_cap, the score of the weakest dev disclosure the rules miss,
    is reported: when it lies below the threshold, the dev disclosures between are known misses
    (listed in the report) rather than bought with false alarms beyond the budget.
    """
    need = dev_scores[dev_missed_by_rules]
    cap = float(np.floor(need.min() * 1000) / 1000) if need.size else 1.0
    budget = float(ORDINARY_BUDGET * ordinary_scores.size)
    candidates = np.unique(np.round(ordinary_scores, 3))
    within = [float(t) for t in candidates if (ordinary_scores >= t).sum() <= budget]
    floor = min(within) if within else 1.0
    below = int((need < floor).sum())
    return floor, {"recall_cap": cap, "budget_floor": floor, "n_dev_below_threshold": below}


def screen_scores(model_pipeline, texts: list[str]) -> np.ndarray:
    """The net's score as the screen uses it (on the same form: progress codes blanked, regional
    words read in standard Mandarin): 1.0 if the rules flag, 0.0 if the net skips."""
    norms = [screen_form(normalise(t)) for t in texts]
    views = [None if rule_hits(n) else screen_view(n) for n in norms]
    scores = np.array([1.0 if rule_hits(n) else 0.0 for n in norms])
    read = [i for i, v in enumerate(views) if v is not None]
    if read:
        rows = prepare([views[i] for i in read])
        scores[read] = model_pipeline.predict_proba(rows)[:, 1]
    return scores


def ordinary_dev() -> list[str]:
    """Ordinary texts the threshold may read: corpus validation split, every real corpus's dev
    part."""
    return [e.text for e in split(load_examples())["validation"]] + real_ordinary_texts("dev")


def _dev_inputs(model_pipeline) -> tuple[np.ndarray, np.ndarray, np.ndarray, int]:
    """Scores the threshold is chosen from: dev disclosures and corpus validation texts."""
    dev = [c.text for c in split_real(load_real())["dev"] if c.urgent]
    ordinary = ordinary_dev()
    dev_scores = screen_scores(model_pipeline, dev)
    missed = np.array([not rule_hits(screen_form(normalise(t))) for t in dev])
    return dev_scores, missed, screen_scores(model_pipeline, ordinary), len(dev)


def fit_net(texts: list[str], labels: np.ndarray, weights: np.ndarray):
    """Fit the net, keep the terms of weight MIN_TERM_WEIGHT or more, refit on those."""
    rows = prepare([net_view(t) for t in texts])
    first = build_safeguard_pipeline().fit(rows, labels, clf__sample_weight=weights)
    kept = build_safeguard_pipeline(vocabularies=weighty_terms(first, MIN_TERM_WEIGHT))
    return forget_given_vocabularies(kept.fit(rows, labels, clf__sample_weight=weights))


def train_safeguard(save: bool = True) -> SafeguardModel:
    """Fit the net on the train parts and set its threshold on the dev split."""
    texts, labels, weights = training_set()
    pipeline = fit_net(texts, labels, weights)
    dev_scores, missed, ordinary_scores, n_dev = _dev_inputs(pipeline)
    threshold, parts = choose_threshold(dev_scores, missed, ordinary_scores)
    model = SafeguardModel(
        pipeline,
        threshold,
        {
            "created": datetime.now(UTC).isoformat(timespec="seconds"),
            "trained_on": "train split of the real-sourced set (every batch, retired holdouts) "
            "+ tune half of safeguarding.jsonl + corpus train split and every real corpus's "
            "own train part as ordinary texts",
            "threshold_from": "dev split of the real-sourced set, corpus validation split and "
            "every real corpus's own dev part",
            "ordinary_budget": ORDINARY_BUDGET,
            "real_weight": REAL_WEIGHT,
            "min_term_weight": MIN_TERM_WEIGHT,
            "n": len(texts),
            "n_urgent": int(labels.sum()),
            "n_dev_disclosures": n_dev,
            "n_dev_missed_by_rules": int(missed.sum()),
            **parts,
        },
    )
    if save:
        model.save()
    return model
