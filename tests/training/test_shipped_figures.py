"""The shipped topic model's figures on the real test split (training/reports/evaluation.md).

The bounds are the figures measured for model 20261206-183923 on the split with corpora K to R
(n = 1,101), reading texts without the chit-chat at their ends (classifier/chatter.py) and
giving no topic unless a topic beats `none` by its margin (none_ratio 0.7), rounded down a
little: a retrained or re-exported model that does worse on the children's real words fails
here before it ships. On the 1,074 test texts the previous model, 20261206-172832, never trained
on, it scores top label 0.802 / macro-F1 0.814 / abstained 0.062 / triage 0.224 against the new
model's 0.810 / 0.818 / 0.062 / 0.245, so `train` switched by its macro-F1 rule; the switch
gives more non-suggestions no topic and so raises the triage load."""

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
    assert figures["top_acceptable"] >= 0.805  # measured 0.812
    assert figures["top3_acceptable"] >= 0.948  # measured 0.954


def test_macro_f1_on_real_texts_holds_with_abstentions_counted_as_misses(figures):
    assert figures["macro_f1"] >= 0.813  # measured 0.820


def test_the_coordinator_sees_less_than_a_quarter_of_the_real_texts(figures):
    """Triage counts abstentions and texts given no topic; a fifth of the split is `none`."""
    assert figures["abstained"] <= 0.07  # measured 0.064
    assert figures["triage_load"] <= 0.25  # measured 0.244 (172832: 0.224 on 1,074 of these texts)


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
    assert chatty["triage_load"] <= figures["triage_load"] + 0.02  # measured 0.249
    assert chatty["top_acceptable"] >= 0.80  # measured 0.807


def test_chit_chat_around_a_non_suggestion_still_gets_no_topic(chatty):
    """Chit-chat alone no longer marks a text as a non-suggestion, so this is the model's own
    recall of `none` (measured 0.797, 0.802 without the chit-chat, n = 237 on the split with
    K to R; model 20261206-172832: 0.772 with K to O; the known gap: the rule is all of them)."""
    assert chatty["none_no_topic"] >= 0.785
