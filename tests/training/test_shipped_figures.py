"""The shipped topic model's figures on the real test split (training/reports/evaluation.md).

The bounds are the figures measured for model 20261206-202952 on the split with corpora K to X
(n = 1,253; a quarter of it non-suggestions), reading texts without the chit-chat at their ends
(classifier/chatter.py) and giving no topic unless a topic beats `none` by its margin
(none_ratio 0.7), rounded down a little: a retrained or re-exported model that does worse on
the children's real words fails here before it ships. On the 1,226 test texts the previous
model, 20261206-183923, never trained on, it scores macro-F1 0.814 against 0.813, top label
0.803 against 0.808, top three 0.953 against 0.946, abstained 0.060 against 0.073, so `train`'s
macro-F1 rule switched to it.

Corpus Z (285 lines, 46% of them non-suggestions, from Taiwan, Hong Kong and mainland pages)
moved the split to n = 1,294, 25.8% non-suggestions; on it the shipped model scores top label
0.805, top three 0.952, macro-F1 0.813, abstained 0.061, triage load 0.285. A candidate
retrained with corpus Z and the Japanese and Korean children's words (translated/abroad_y)
scored macro-F1 0.809 against 0.812 on the 1,287 test texts the shipped model never trained on,
so `train` kept the shipped model.

Corpus AB (250 lines from 199 new pages, a quarter non-suggestions) moved the split to
n = 1,359 (26.0% non-suggestions). Model 20261207-060125, retrained with AA and AB (grouped-CV
pick: C 2, real_weight 3, none_weight 3, none_ratio 0.7), scored on the 1,335 test texts
20261206-202952 never trained on: macro-F1 0.8145 against 0.8133, top label 0.814 against 0.807,
abstained 0.067 against 0.059, triage load 0.300 against 0.289, so `train` switched to it. On the
whole split: top label 0.812, top three 0.953, macro-F1 0.813, abstained 0.067, triage load 0.297.
It abstains a little more, so the triage bound beyond the non-suggestions is now 4 points.

Corpora AC and AD (451 lines from 415 new pages, a fifth non-suggestions) moved the split to
n = 1,426 (25.7% non-suggestions). Model 20261207-085141, retrained with them (grouped-CV pick:
the none gate, a logistic regression of "not a suggestion" mixed into P(none), CV macro-F1 0.820
against 0.817 without), scored on the 1,418 test texts 20261207-060125 never trained on:
macro-F1 0.819 against 0.816, top label 0.822 against 0.813, lead agency (衡阳) 0.798 against
0.791, abstained 0.064 against 0.068, so `train` switched to it. It gives no topic to 86% of
the non-suggestions (81% before) and sends 6.5% of the suggestions to `none` (5.5% before), so
more texts reach triage as "no topic": 0.318, 6.2 points beyond the non-suggestions, of which
6.4% are abstentions. On every noisy style it does better (all styles: top label 0.805 against
0.793, macro-F1 0.801 against 0.793, non-suggestions given no topic 0.883 against 0.841).

Corpora AE and AF (476 lines from 306 new pages; short chat-like asks) moved the split to
n = 1,502 (25.4% non-suggestions). Model 20261207-092928, retrained with them and reading pinyin
typed in Latin letters back into characters (training/train.py), tied 20261207-085141 on the
1,467 test texts neither trained on (macro-F1 0.8173 against 0.8175) and did better on the same
texts partly typed in pinyin (0.810 against 0.780, abstaining on 6.9% against 12.3%), so it was
made current. On the whole split: top label 0.822, top three 0.965, macro-F1 0.818, abstained
0.071, triage load 0.321 (0.067 beyond the non-suggestions).
Corpora AG, AH and AI (686 lines from 470 new pages: proposals, little mayors and observer
visits; welfare, schooling and family asks typed as a chat; traditional characters and Hong
Kong, Macau and Taiwan usage) moved the split to n = 1,604 (25.2% non-suggestions). A retrain
with AG and AH alone (20261207-113828) failed two bounds below (triage beyond the
non-suggestions 0.074, chit-chat copies 0.809) and was not shipped. Model 20261207-115741,
retrained with all three and chosen by `train`'s macro-F1 rule on dev, scores on this split
top label 0.826 against 0.822 for 20261207-092928, macro-F1 0.823 against 0.817, abstained
0.072 against 0.070, triage load 0.318 (0.066 beyond the non-suggestions) against 0.316.
Corpora AJ to AO (1,367 lines from 607 new pages, half of them English-language pages put into a
Chinese child's voice; council boundaries, noisy writing, proposals, complaints without an ask,
the topics recalled worst, children's own posts) moved the split to n = 1,806 (23.9%
non-suggestions); on it 20261207-115741 abstains on 0.074 and sends 0.074 beyond the
non-suggestions to triage, over the bound. Retrains with AJ-AL and with AJ-AN tied it; model
20261207-152339, retrained with all six, scores on the 1,772 test texts 20261207-115741 never
trained on top label 0.830 against 0.820, macro-F1 0.822 against 0.817, abstained 0.066 against
0.075, so `train` switched to it. On the whole split: top label 0.828, top three 0.962,
macro-F1 0.821, abstained 0.066, triage load 0.306 (0.066 beyond the non-suggestions).
Corpora AP to AU (1,230 lines from 518 new pages, most of them English-language pages put into a
Chinese child's voice) moved the split to n = 1,991 (23.8% non-suggestions). Retrains with AP-AR
and with all six lost to 20261207-152339 on the test texts it never trained on (macro-F1 0.810
and 0.812 against 0.818 and 0.816), so it stays; on the whole split it scores top label 0.827,
top three 0.962, macro-F1 0.821, abstained 0.069, triage load 0.304 (0.067 beyond the
non-suggestions)."""

from dataclasses import replace

import pytest

from classifier.model import load_current
from training.evaluate import evaluate_topics
from training.train import load_sources


@pytest.fixture(scope="module")
def shipped() -> tuple:
    """The shipped model and the real test split (skips without either)."""
    model = load_current()
    if model is None:
        pytest.skip("no shipped topic model")
    test = load_sources().test
    if len(test) < 500:
        pytest.skip("the real corpus is not in this checkout")
    return model, test


@pytest.fixture(scope="module")
def figures(shipped) -> dict:
    return evaluate_topics(*shipped)


def test_the_top_label_is_acceptable_for_three_in_four_real_texts(figures):
    assert figures["top_acceptable"] >= 0.815  # measured 0.827 (split with AP to AU)
    assert figures["top3_acceptable"] >= 0.96  # measured 0.962


def test_macro_f1_on_real_texts_holds_with_abstentions_counted_as_misses(figures):
    assert figures["macro_f1"] >= 0.81  # measured 0.821


def test_the_coordinator_sees_few_more_texts_than_the_non_suggestions(figures, shipped):
    """Triage counts abstentions and texts given no topic; a quarter of the split is `none`, so
    the bound is on what triage holds beyond the texts that ask nothing."""
    _, test = shipped
    asks_nothing = sum(e.topic == "none" for e in test) / len(test)
    assert figures["abstained"] <= 0.075  # measured 0.069
    assert figures["triage_load"] - asks_nothing <= 0.07  # measured 0.304 - 0.238 = 0.067


@pytest.fixture(scope="module")
def chatty(shipped) -> dict:
    """The real test split with chit-chat around every text (training/noise.py's chatter)."""
    from training.evaluate import headline, score
    from training.noise import noisy

    model, test = shipped
    copies = [replace(e, text=noisy(e.text, "chatter")) for e in test]
    scored = score(model, copies)
    none = [i for i, e in enumerate(copies) if e.topic == "none"]
    no_topic = [scored.top[i] == "none" or bool(scored.abstain[i]) for i in none]
    return {**headline(scored), "none_no_topic": sum(no_topic) / len(none)}


def test_chit_chat_around_a_suggestion_does_not_send_it_to_triage(chatty, figures):
    assert chatty["triage_load"] <= figures["triage_load"] + 0.02  # measured 0.322
    assert chatty["top_acceptable"] >= 0.81  # measured 0.817


def test_chit_chat_around_a_non_suggestion_still_gets_no_topic(chatty):
    """Chit-chat alone no longer marks a text as a non-suggestion, so this is the model's own
    recall of `none` (0.890 for all noisy styles on the split with AU, n = 473; measured 0.912 on
    the split with AO, n = 432, model 20261207-152339; 0.906
    on the split with AF, n = 381, model 20261207-092928; 0.902
    on the split with AD, n = 366, model 20261207-085141; 0.861,
    n = 353 on the split with AB, model 20261207-060125;
    0.837, 0.827 without the chit-chat, n = 313 on the split with K to X; model
    20261206-183923: 0.797 on the split with K to R; the known gap: the rule is all of them)."""
    assert chatty["none_no_topic"] >= 0.88
