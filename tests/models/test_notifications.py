"""Notices in the app for every role, and staff e-mail through a pluggable backend."""

from sqlmodel import select

from models import lifecycle, notifications
from models.deadlines import sweep
from models.notifications import FileBackend, Notification, deliver_pending
from tests.flow import account, actor, answered, dispatched, member, new_suggestion


def _notices(session, **where):
    query = select(Notification)
    for key, value in where.items():
        query = query.where(getattr(Notification, key) == value)
    return session.exec(query).all()


def test_dispatch_tells_the_lead_agency_in_the_app_and_by_email(session, tmp_path,
                                                                monkeypatch):
    monkeypatch.setattr(notifications, "_backend", FileBackend(tmp_path))
    item = dispatched(session)
    staff = account(session, "agency1")
    notices = _notices(session, account_id=staff.id, suggestion_id=item.id)
    assert [n.kind for n in notices] == ["new_item"] and notices[0].wants_email
    session.refresh(notices[0])
    assert notices[0].emailed_at is not None, "sent right after the commit (no Redis)"
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


def test_urgent_alerts_the_groups_facilitators_and_the_coordinators_at_once(session):
    item = new_suggestion(session, urgent=True)
    notifications.urgent(session, item)
    notifications.urgent(session, item)
    people = {n.account_id for n in _notices(session, kind="urgent", suggestion_id=item.id)}
    assert people == {account(session, "facilitator").id, account(session, "coordinator").id}
    assert len(_notices(session, kind="urgent", suggestion_id=item.id)) == 2


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
