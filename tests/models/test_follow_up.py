"""回访 and closing an answered item whose child never rated, with history, and the child told."""

from datetime import timedelta

import pytest
from sqlmodel import select

from models.common import utcnow
from models.notices.notifications import Notification
from models.suggestions import follow_up, lifecycle
from models.suggestions.permissions import NotAllowed
from models.suggestions.status import InvalidTransition, Status
from models.suggestions.tables import Event
from models.suggestions.timeline import child_timeline
from tests.flow import actor, answered, child


def test_an_unrated_item_is_closed_after_a_follow_up_and_the_wait(session):
    item = answered(session)
    who = actor(session, "coordinator")
    follow_up.follow_up(session, item, actor=who, note="电话回访辅导员：孩子说灯修好了。")
    with pytest.raises(InvalidTransition, match="要等 7 天"):
        follow_up.close_unrated(session, item, actor=who, note="回访后办结")
    later = utcnow() + timedelta(days=8)
    with pytest.raises(ValueError):
        follow_up.close_unrated(session, item, actor=who, note=" ", now=later)
    follow_up.close_unrated(session, item, actor=who, note="回访后办结", now=later)
    session.commit()
    assert item.status == Status.CLOSED
    actions = [e.action for e in session.exec(select(Event).where(
        Event.suggestion_id == item.id).order_by(Event.id))]
    assert actions[-2:] == ["follow_up", "close_unrated"]
    told = session.exec(select(Notification).where(Notification.kind == "closed",
                                                   Notification.member_id == item.member_id))
    assert told.first() is not None
    assert child_timeline(session, item)[-1].title == "办完了"


def test_a_rated_item_or_someone_else_cannot_close_it_this_way(session):
    item = answered(session)
    with pytest.raises(NotAllowed):
        follow_up.close_unrated(session, item, actor=actor(session, "agency1"), note="x",
                                now=utcnow() + timedelta(days=8))
    lifecycle.rate(session, item, actor=child(session), value="satisfied")
    with pytest.raises(InvalidTransition):
        follow_up.close_unrated(session, item, actor=actor(session, "coordinator"), note="x",
                                now=utcnow() + timedelta(days=8))
