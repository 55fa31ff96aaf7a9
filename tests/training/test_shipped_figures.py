"""The shipped topic model's figures on the real test split (training/reports/evaluation.md).

The bounds are the figures measured for model 20261206-151555 on the split with corpora I and J
(n = 697), reading texts without the chit-chat at their ends (classifier/chatter.py) and giving
no topic unless a topic beats `none` by its margin (none_ratio 0.8), rounded down a little: a
retrained or re-exported model that does worse on the children's real words fails here before
it ships. The previous model, 20261206-140959, on this split: top label 0.806, top three 0.960,
macro-F1 0.811, abstained 0.053, triage load 0.212 (it had trained on 27 of these 697 texts; on
the 670 it had not, 0.799 / 0.958 / 0.798 / 0.055 / 0.219 against the new model's 0.818 / 0.958
/ 0.820 / 0.063 / 0.239, so `train` switched by its macro-F1 rule). The switch costs triage:
the new model abstains on more texts, so the triage bound moved from 0.235 to 0.245."""

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
    assert figures["top_acceptable"] >= 0.81  # measured 0.816
    assert figures["top3_acceptable"] >= 0.955  # measured 0.960


def test_macro_f1_on_real_texts_holds_with_abstentions_counted_as_misses(figures):
    assert figures["macro_f1"] >= 0.815  # measured 0.822


def test_the_coordinator_sees_less_than_a_quarter_of_the_real_texts(figures):
    """Triage counts abstentions and texts given no topic; a fifth of the split is `none`."""
    assert figures["abstained"] <= 0.07  # measured 0.063
    assert figures["triage_load"] <= 0.245  # measured 0.235 (0.226 for 140959 with corpus H)


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
    assert chatty["triage_load"] <= figures["triage_load"] + 0.02  # measured 0.245
    assert chatty["top_acceptable"] >= 0.80  # measured 0.815


def test_chit_chat_around_a_non_suggestion_still_gets_no_topic(chatty):
    """Chit-chat alone no longer marks a text as a non-suggestion, so this is the model's own
    recall of `none` (measured 0.768, 0.781 without the chit-chat, n = 155; model 20261206-140959:
    0.725 on the corpus H split; the known gap: the rule is all of them)."""
    assert chatty["none_no_topic"] >= 0.75
