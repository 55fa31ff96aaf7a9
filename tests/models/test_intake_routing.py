"""Intake uses the plan's same-lead rule: doubt between two topics with one lead dispatches."""

import uuid

import numpy as np
import pytest

from classifier.model import TopicModel
from models.suggestions import intake
from models.suggestions.lifecycle import Draft
from tests.flow import child, council, member

LABELS = ["none", "schooling", "special_needs", "transport"]
TORN = "我们班有个坐轮椅的同学，学校的楼梯他上不去"


class TornModel(TopicModel):
    """Always torn between schooling and special_needs: neither alone reaches the threshold."""

    threshold = 0.6
    none_ratio = 1.0

    def __init__(self):
        self.labels, self.metadata = LABELS, {"version": "torn"}

    def probabilities(self, texts):
        return np.array([[0.05, 0.45, 0.40, 0.10]] * len(texts))


@pytest.fixture
def torn(monkeypatch):
    monkeypatch.setattr(intake, "topic_model", TornModel)


def test_same_lead_doubt_dispatches_in_hengyang(torn):
    # 衡阳 sends schooling and special_needs to the same lead agency: the route is certain.
    found = intake.classify_text(TORN, "hengyang")
    assert (found.topic, found.abstained) == ("schooling", False)


def test_doubt_between_different_leads_still_goes_to_triage(torn):
    # 常州 gives the two topics different leads, so a person must choose.
    found = intake.classify_text(TORN, "changzhou")
    assert (found.topic, found.abstained) == (None, True)


def test_without_a_plan_or_with_an_unknown_one_any_doubt_abstains(torn):
    assert intake.classify_text(TORN).abstained
    assert intake.classify_text(TORN, "atlantis").abstained


def test_a_stored_suggestion_gets_the_same_lead_topic(torn, session):
    kid = member(session)
    draft = Draft(plan_id="hengyang", text=TORN, group_id=council(session).id,
                  member_id=kid.id, idempotency_key=uuid.uuid4().hex)
    suggestion = intake.take_suggestion(session, draft, child(session))
    assert suggestion.topic == "schooling"
    assert not suggestion.abstained
