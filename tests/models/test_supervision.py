"""督办 that acts: the board, 催办/督办/通报 with their record and notices, 延期申请."""

from datetime import UTC, date, datetime

import pytest
from sqlmodel import select

from models.files.pdfdoc import FontMissing
from models.notices.notifications import FileBackend, Notification, deliver_pending
from models.paging import PageRequest
from models.privacy import scope
from models.suggestions import deadlines, lifecycle, supervision, timeline
from models.suggestions import supervision_pdf as duban_pdf
from models.suggestions.deadlines import CHINA, sweep
from models.suggestions.lifecycle import InvalidTransition, NotAllowed
from tests.flow import account, actor, answered, dispatched, member


def _china(y, m, d, h=10):
    return datetime(y, m, d, h, tzinfo=CHINA).astimezone(UTC)


def _late_item(session, due=(2025, 9, 30), now=(2025, 10, 10)):
    """Dispatched, sign-by date ``due`` (end of day), swept as overdue at ``now``."""
    item = dispatched(session)
    item.sign_due = deadlines.end_of_day(date(*due), like=item.sign_due)
    session.add(item)
    session.commit()
    sweep(session, now=_china(*now))
    session.commit()
    session.refresh(item)
    return item


def _notices(session, username, item, kind):
    return session.exec(select(Notification).where(
        Notification.account_id == account(session, username).id,
        Notification.suggestion_id == item.id, Notification.kind == kind)).all()


def test_the_board_shows_agency_working_days_late_and_level(session):
    item = _late_item(session)
    supervision.escalate(session, item, actor=actor(session, "coordinator"), level=1,
                         now=_china(2025, 10, 10))
    session.commit()
    page = supervision.board(session, _city(session), PageRequest(),
                             now=_china(2025, 10, 10))
    row = next(r for r in page if r.suggestion.id == item.id)
    assert row.agencies == ["市教育局"]
    # 10-01..10-08 are 国庆 holidays: only 10-09 and 10-10 count (8 if Mon-Fri were used).
    assert row.days_overdue == 2
    assert row.level == supervision.URGE


def _city(session):
    return scope.plan_suggestions(session, account(session, "coordinator"))


def test_the_board_is_cut_in_sql_one_page_at_a_time(session):
    items = [_late_item(session) for _ in range(3)]
    page = supervision.board(session, _city(session), PageRequest(1, 20),
                             now=_china(2025, 10, 10))
    assert page.total >= 3 and {i.id for i in items} <= {r.suggestion.id for r in page}


def test_a_urge_tells_the_lead_agency_in_the_app_and_by_queued_mail(session, tmp_path):
    item = _late_item(session)
    supervision.escalate(session, item, actor=actor(session, "coordinator"), level=1,
                         note="请本周内答复", now=_china(2025, 10, 10))
    session.commit()
    notices = _notices(session, "agency1", item, "urge")
    assert len(notices) == 1 and notices[0].wants_email and "请本周内答复" in notices[0].message
    assert notices[0].emailed_at is None, "queued: the mail waits for the worker or the sweep"
    deliver_pending(session, FileBackend(tmp_path))
    session.refresh(notices[0])
    assert notices[0].emailed_at is not None
    assert any(b"agency1@" in m.read_bytes() for m in tmp_path.glob("*.eml"))
    last = lifecycle.history(session, item.id)[-1]
    assert last.action == "urge" and "超期 2 个工作日" in last.note


def test_supervising_needs_the_item_to_be_overdue(session):
    item = dispatched(session)
    boss = actor(session, "coordinator")
    supervision.escalate(session, item, actor=boss, level=1)  # a reminder is always allowed
    with pytest.raises(InvalidTransition, match="还没有超期"):
        supervision.escalate(session, item, actor=boss, level=2)


def test_levels_go_up_one_at_a_time(session):
    item = _late_item(session)
    boss, now = actor(session, "coordinator"), _china(2025, 10, 10)
    with pytest.raises(InvalidTransition, match="请先催办"):
        supervision.escalate(session, item, actor=boss, level=2, now=now)
    for level in (1, 2, 3):
        supervision.escalate(session, item, actor=boss, level=level, now=now)
    session.commit()
    assert supervision.level_of(session, item.id) == 3
    assert [s.level for s in supervision.steps(session, item.id)] == [1, 2, 3]
    actions = [e.action for e in lifecycle.history(session, item.id)]
    assert actions[-3:] == ["urge", "supervise", "circulate"]


def test_only_the_coordinator_escalates_and_only_open_items(session):
    item = _late_item(session)
    with pytest.raises(NotAllowed):
        supervision.escalate(session, item, actor=actor(session, "agency1"), level=1)
    done = answered(session)
    with pytest.raises(InvalidTransition):
        supervision.escalate(session, done, actor=actor(session, "coordinator"), level=1)


def test_the_duban_sheet_names_agency_and_delay_but_never_the_child(session):
    item = _late_item(session)
    boss, now = actor(session, "coordinator"), _china(2025, 10, 10)
    supervision.escalate(session, item, actor=boss, level=1, now=now)
    step = supervision.escalate(session, item, actor=boss, level=2, note="三日内报送", now=now)
    session.commit()
    text = "\n".join(t for t, _ in duban_pdf.sheet_lines(session, item, step))
    assert text.startswith("督办单") and item.tracking_code in text and "市教育局" in text
    assert "超期：2 个工作日" in text and "三日内报送" in text and "催办" in text
    assert member(session).nickname not in text
    try:
        assert duban_pdf.sheet_pdf(session, item, step).startswith(b"%PDF")
    except FontMissing:
        pytest.skip("no Chinese font on this machine")


def _ask(session, item, day=date(2025, 10, 20), reason="需要和学校一起实地查看"):
    asked = supervision.request_extension(session, item, actor=actor(session, "agency1"),
                                          reason=reason, new_date=day)
    session.commit()
    return asked


def test_an_approved_extension_moves_the_deadline_and_the_child_is_told(session):
    item = _late_item(session)
    asked = _ask(session, item)
    assert _notices(session, "coordinator", item, "extension_request")
    supervision.decide_extension(session, asked, actor=actor(session, "coordinator"),
                                 approve=True, now=_china(2025, 10, 10))
    session.commit()
    session.refresh(item)
    assert deadlines.local_day(item.sign_due) == date(2025, 10, 20) and not item.overdue
    assert deadlines.local_day(item.answer_due) > date(2025, 10, 20)
    assert _notices(session, "agency1", item, "extension_approved")
    steps = timeline.child_timeline(session, item)
    assert steps[-1].title == "部门多要了一些时间" and "2025-10-20" in steps[-1].detail


def test_a_refused_extension_needs_a_reason_and_keeps_the_deadline(session):
    item = _late_item(session)
    before = item.sign_due
    asked = _ask(session, item)
    boss = actor(session, "coordinator")
    with pytest.raises(ValueError, match="请写下原因"):
        supervision.decide_extension(session, asked, actor=boss, approve=False, answer=" ")
    supervision.decide_extension(session, asked, actor=boss, approve=False,
                                 answer="已经超期很久，请先签收")
    session.commit()
    session.refresh(item)
    assert item.sign_due == before and item.overdue
    notice = _notices(session, "agency1", item, "extension_refused")[0]
    assert "请先签收" in notice.message
    assert timeline.child_timeline(session, item)[-1].title == "部门想多要一些时间，没有同意"
    with pytest.raises(InvalidTransition, match="已经处理过"):
        supervision.decide_extension(session, asked, actor=boss, approve=True)


def test_an_extension_must_be_later_asked_once_and_by_the_lead(session):
    item = dispatched(session)
    with pytest.raises(ValueError, match="要晚于"):
        _ask(session, item, day=deadlines.local_day(item.sign_due))
    with pytest.raises(ValueError, match="为什么"):
        _ask(session, item, reason="")
    with pytest.raises(NotAllowed):
        supervision.request_extension(session, item, actor=actor(session, "agency2"),
                                      reason="x", new_date=date(2030, 1, 1))
    session.rollback()
    asked = _ask(session, item, day=date(2030, 1, 1))
    with pytest.raises(InvalidTransition, match="已经有一份"):
        _ask(session, item, day=date(2030, 2, 1))
    with pytest.raises(NotAllowed):
        supervision.decide_extension(session, asked, actor=actor(session, "agency1"),
                                     approve=True)
