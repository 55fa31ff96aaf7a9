"""Notices in the app for every role, and staff e-mail through a pluggable backend."""

from datetime import timedelta

import pytest
from sqlmodel import select

from models.common import utcnow
from models.notices import notifications
from models.notices.notifications import FileBackend, Notification, deliver_pending
from models.settings import Settings, bind
from models.suggestions import lifecycle, moderation
from models.suggestions.deadlines import sweep
from tests.flow import account, actor, answered, dispatched, member, new_suggestion


def _notices(session, **where):
    query = select(Notification)
    for key, value in where.items():
        query = query.where(getattr(Notification, key) == value)
    return session.exec(query).all()


def test_dispatch_tells_the_lead_agency_in_the_app_and_by_email(session, tmp_path):
    bind(session, Settings(mail_backend=FileBackend(tmp_path)))
    item = dispatched(session)
    staff = account(session, "agency1")
    notices = _notices(session, account_id=staff.id, suggestion_id=item.id)
    assert [n.kind for n in notices] == ["new_item"] and notices[0].wants_email
    assert notices[0].emailed_at is None, "waits in the outbox: no mail inside the click"
    assert deliver_pending(session) >= 1, "the sweep or the worker sends it"
    session.refresh(notices[0])
    assert notices[0].emailed_at is not None
    mails = [m.read_bytes() for m in tmp_path.glob("*.eml")]
    assert any(b"agency1@" in m for m in mails)
    assert deliver_pending(session, FileBackend(tmp_path)) == 0


def test_an_answer_tells_the_child_in_the_app(session):
    item = answered(session)
    kinds = [n.kind for n in _notices(session, member_id=member(session).id,
                                      suggestion_id=item.id)]
    assert "answer" in kinds


def test_a_return_tells_the_coordinator(session):
    item = dispatched(session)
    lifecycle.return_(session, item, actor=actor(session, "agency1"), category="属地不符",
                      text="不在本区")
    session.commit()
    coordinator = account(session, "coordinator")
    assert [n.kind for n in _notices(session, account_id=coordinator.id,
                                     suggestion_id=item.id)] == ["return"]


def test_overdue_reminds_the_agency_and_the_coordinator(session):
    item = dispatched(session)
    item.sign_due = item.sign_due.replace(year=2020)
    session.add(item)
    session.commit()
    sweep(session)
    people = {n.account_id for n in _notices(session, kind="overdue", suggestion_id=item.id)}
    assert account(session, "agency1").id in people and account(session, "coordinator").id in people


def test_mark_read(session):
    item = dispatched(session)
    staff = account(session, "agency1")
    rows = notifications.for_account(session, staff.id)
    notifications.mark_read(session, rows)
    assert all(n.read_at for n in notifications.for_account(session, staff.id))
    assert item


def test_a_new_suggestion_tells_the_groups_facilitator_in_the_app(session):
    item = new_suggestion(session)
    notices = _notices(session, account_id=account(session, "facilitator").id,
                       suggestion_id=item.id)
    assert [n.kind for n in notices] == ["new_item"] and item.tracking_code in notices[0].message
    assert _notices(session, account_id=account(session, "facilitator2").id) == []


def test_every_child_of_a_merged_case_hears_the_answer_on_their_own_code(session):
    first = new_suggestion(session, nickname="小明")
    second = new_suggestion(session, nickname="小红", text="午饭不够吃")
    third = new_suggestion(session, nickname="乐乐", text="饭太少了")
    moderation.merge(session, target=first, duplicates=[second, third],
                     account=account(session, "facilitator"))
    lifecycle.approve(session, first, actor=actor(session, "facilitator"))
    lifecycle.accept(session, first, actor=actor(session, "agency1"))
    lifecycle.answer(session, first, actor=actor(session, "agency1"), child_text="多加一份菜",
                     due_weight="adopted")
    session.commit()
    case = {first.id, second.id, third.id}
    told = {(n.member_id, n.suggestion_id) for n in _notices(session, kind="answer")
            if n.member_id and n.suggestion_id in case}
    assert told == {(member(session, "小明").id, first.id), (member(session, "小红").id, second.id),
                    (member(session, "乐乐").id, third.id)}
    adults = {n.account_id for n in _notices(session, kind="answer", suggestion_id=first.id)
              if n.account_id}
    assert adults == {account(session, "facilitator").id}


def test_a_deadline_near_reminds_the_lead_agency_once(session):
    item = dispatched(session)
    item.sign_due = utcnow() + timedelta(hours=2)
    session.add(item)
    session.commit()
    assert sweep(session).due_soon == [item.id]
    sweep(session)
    notices = _notices(session, kind="deadline_near", suggestion_id=item.id)
    assert [n.account_id for n in notices] == [account(session, "agency1").id]
    assert "快到期" in notices[0].message


def test_a_failing_mail_server_never_undoes_the_click(session):
    class Broken:
        def send(self, to, subject, body):
            raise OSError("mail server down")

    item = dispatched(session)
    bind(session, Settings(mail_backend=Broken()))
    with pytest.raises(OSError):
        deliver_pending(session)
    session.rollback()
    notice = _notices(session, kind="new_item", suggestion_id=item.id)[0]
    session.refresh(item)
    assert item.status == "dispatched" and notice.emailed_at is None
    bind(session, Settings(mail_backend=notifications.LogBackend()))
    assert deliver_pending(session) >= 1
