"""The actions table: written once, it drives the checks, the pages' buttons and the moves."""

from __future__ import annotations

import pytest
from sqlmodel import select

from models.people import groups
from models.suggestions import lifecycle, moderation, status, triage
from models.suggestions.permissions import NotAllowed, available_actions
from models.suggestions.status import ACTIONS, InvalidTransition, Status
from models.suggestions.tables import Correction
from tests.flow import account, actor, answered, child, dispatched, member, new_suggestion

NOTICE = "2026-11"


def test_each_action_is_allowed_from_statuses_the_machine_knows():
    for action in ACTIONS.values():
        assert action.statuses <= set(Status), action.name


def test_the_buttons_a_person_sees_come_from_the_table(session):
    item = dispatched(session)
    assert available_actions(session, actor(session, "agency1"), item) == {
        "accept", "return", "comment", "agency_asks"}
    assert available_actions(session, actor(session, "coordinator"), item) == {
        "comment", "assign", "rewrite_for_agencies", "relay_question"}
    assert available_actions(session, actor(session, "facilitator2"), item) == set()
    done = answered(session)
    assert available_actions(session, child(session), done) == {"rate", "reopen"}


def test_changing_the_table_changes_the_check_and_the_page(client, auth, session, monkeypatch):
    item = dispatched(session)
    auth.staff("agency1")
    assert f"/agency/items/{item.id}/accept" in client.get(f"/agency/items/{item.id}").text
    monkeypatch.setitem(ACTIONS, "accept", status.Action("accept", "签收", frozenset(),
                                                         ("lead",)))
    assert f"/agency/items/{item.id}/accept" not in client.get(f"/agency/items/{item.id}").text
    with pytest.raises(InvalidTransition, match="不能签收"):
        lifecycle.accept(session, item, actor=actor(session, "agency1"))


def test_only_the_groups_adults_may_remove_a_child(session):
    kid = member(session, "乐乐")
    new_suggestion(session, nickname="乐乐")
    for stranger in ("facilitator2", "agency1"):
        with pytest.raises(NotAllowed):
            groups.remove_member(session, member=kid, leaving=groups.Leaving.WITHDRAW,
                                 actor=account(session, stranger))
        assert kid.is_active
    touched = groups.remove_member(session, member=kid, leaving=groups.Leaving.WITHDRAW,
                                   actor=account(session, "facilitator"))
    assert [s.status for s in touched] == [Status.DECLINED]
    assert lifecycle.history(session, touched[0].id)[-1].action == "withdraw"


def test_every_topic_choice_saves_the_same_fields(session):
    """Triage, re-routing and a facilitator's choice all keep the redacted text."""
    by_facilitator = new_suggestion(session, topic=None, text="公园里的滑梯坏了，小明说的。")
    by_facilitator.clarified_text = "给大人看的改写"
    moderation.set_topic(session, suggestion=by_facilitator, topic="environment",
                         source="facilitator")
    in_triage = new_suggestion(session, topic=None, text="学校门口车太多了。")
    in_triage.clarified_text = "给大人看的改写"
    triage.pick_topic(session, in_triage, actor=actor(session, "coordinator"),
                      topic="safety")
    rerouted = dispatched(session)
    rerouted.clarified_text = "给大人看的改写"
    lifecycle.return_(session, rerouted, actor=actor(session, "agency1"), category="职能不符",
                      text="不归我们管")
    lifecycle.reroute(session, rerouted, actor=actor(session, "coordinator"), topic="health")
    for item, source in ((by_facilitator, "facilitator"), (in_triage, "triage"),
                         (rerouted, "reroute")):
        rows = session.exec(select(Correction).where(Correction.suggestion_id == item.id)).all()
        assert [(r.text, r.topic, r.source) for r in rows] == [
            (item.redacted_text, item.topic, source)]
