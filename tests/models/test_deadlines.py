"""Working-day deadlines from the plan, overdue flags and the sweep."""

from datetime import UTC, datetime, timedelta

from models.suggestions import deadlines, lifecycle
from models.suggestions.deadlines import add_working_days, sweep, working_days_between
from models.suggestions.status import Status
from tests.flow import accepted, actor, dispatched, new_suggestion


def _china(y, m, d, h=10):
    return datetime(y, m, d, h, tzinfo=deadlines.CHINA).astimezone(UTC)


def test_working_days_skip_the_weekend():
    friday = _china(2026, 11, 27)
    due = add_working_days(friday, 2).astimezone(deadlines.CHINA)
    assert (due.year, due.month, due.day) == (2026, 12, 1)  # Monday, Tuesday
    assert due.hour == 23


def test_holidays_are_not_working_days():
    local = frozenset({datetime(2026, 11, 30).date()})
    due = add_working_days(_china(2026, 11, 27), 1, local).astimezone(deadlines.CHINA)
    assert due.day == 1 and due.month == 12


def test_counting_working_days_between_two_times():
    assert working_days_between(_china(2026, 11, 27), _china(2026, 12, 1)) == 2


def test_dispatch_sets_the_plans_sign_and_answer_deadlines(session):
    item = dispatched(session)
    sent = lifecycle.history(session, item.id)[-1].created_at
    assert working_days_between(sent, item.sign_due) == 2  # hengyang: 2 working days to sign
    assert working_days_between(item.sign_due, item.answer_due) == 15


def test_an_urgent_item_must_be_signed_within_hours(session):
    item = new_suggestion(session, urgent=True)
    lifecycle.approve(session, item, actor=actor(session, "facilitator"))
    assert item.sign_due - item.updated_at <= timedelta(hours=2, seconds=1)


def test_signing_starts_the_answer_clock(session):
    item = accepted(session)
    assert working_days_between(lifecycle.history(session, item.id)[-1].created_at,
                                item.answer_due) == 15


def test_sweep_flags_overdue_once_and_records_an_event(session):
    item = dispatched(session)
    item.sign_due = item.sign_due - timedelta(days=30)
    session.add(item)
    session.commit()
    first = sweep(session)
    assert item.id in first.became_overdue
    session.refresh(item)
    assert item.overdue and lifecycle.history(session, item.id)[-1].action == "overdue"
    assert item.id not in sweep(session).became_overdue
    assert lifecycle.replay_status(lifecycle.history(session, item.id)) == Status.DISPATCHED


def test_signing_late_keeps_the_flag_until_answered(session):
    item = dispatched(session)
    lifecycle.accept(session, item, actor=actor(session, "agency1"))
    later = item.answer_due + timedelta(days=1)
    assert deadlines.is_overdue(item, later)
    lifecycle.answer(session, item, actor=actor(session, "agency1"), child_text="好的",
                     due_weight="already_done")
    assert not deadlines.is_overdue(item, later) and not item.overdue


def test_due_soon_is_within_a_working_day(session):
    item = dispatched(session)
    assert deadlines.due_soon(item, item.sign_due - timedelta(hours=3))
    assert not deadlines.due_soon(item, item.sign_due - timedelta(days=20))


def test_national_day_2025_is_skipped_and_its_make_up_saturday_counts():
    # Sunday 2025-09-28 is a 调休 working day; 10-01..10-08 are off; Sat 10-11 is worked.
    due = add_working_days(_china(2025, 9, 26), 1).astimezone(deadlines.CHINA)
    assert due.date() == datetime(2025, 9, 28).date()
    due = add_working_days(_china(2025, 9, 30), 1).astimezone(deadlines.CHINA)
    assert due.date() == datetime(2025, 10, 9).date()
    assert working_days_between(_china(2025, 9, 30), _china(2025, 10, 11)) == 3


def test_spring_festival_2026_is_not_counted():
    # 2026-02-14 (Saturday) is a make-up day; 02-15..02-23 are the holiday.
    assert deadlines.is_working_day(datetime(2026, 2, 14).date())
    assert not deadlines.is_working_day(datetime(2026, 2, 17).date())
    due = add_working_days(_china(2026, 2, 13), 2).astimezone(deadlines.CHINA)
    assert due.date() == datetime(2026, 2, 24).date()


def test_a_year_the_calendar_does_not_know_falls_back_to_monday_to_friday():
    assert not deadlines.calendar_knows(datetime(2031, 1, 1).date())
    due = add_working_days(_china(2031, 1, 3), 1).astimezone(deadlines.CHINA)  # a Friday
    assert due.date() == datetime(2031, 1, 6).date()
    assert deadlines.years_without_calendar(_china(2026, 3, 2), due) == [2031]
