"""Time limits counted in working days, as the plan sets them, and the overdue sweep (督办)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone

import chinese_calendar
from sqlalchemy import and_, case, func, or_
from sqlmodel import Session, select

from models.common import utcnow
from models.i18n import N_
from models.notices.notifications import deadline_near
from models.plans.plan import load_plan
from models.settings import settings_of
from models.suggestions.events import SYSTEM, record
from models.suggestions.status import Status
from models.suggestions.tables import Suggestion

CHINA = timezone(timedelta(hours=8))
# National holidays and 调休 come from ``chinese_calendar`` (the State Council's yearly
# notice); a city's own local days off come from its ``Settings.holidays``.
NO_HOLIDAYS: frozenset[date] = frozenset()
WAITING_TO_SIGN = (Status.DISPATCHED,)
WAITING_FOR_ANSWER = (Status.ACCEPTED, Status.IN_PROGRESS)


def calendar_knows(day: date) -> bool:
    """Whether the published holiday calendar covers ``day``'s year."""
    try:
        chinese_calendar.is_workday(day)
    except NotImplementedError:
        return False
    return True


def is_working_day(day: date, holidays: frozenset[date] = NO_HOLIDAYS) -> bool:
    """A working day by the national calendar (holidays off, 调休 Saturdays on), minus the
    city's own ``holidays``.

    For a year the calendar does not know yet, Monday to Friday (see ``calendar_note``).
    """
    if day in holidays:
        return False
    try:
        return chinese_calendar.is_workday(day)
    except NotImplementedError:
        return day.weekday() < 5


def years_without_calendar(*moments: datetime | None) -> list[int]:
    """Years of these deadlines that the holiday calendar does not cover yet.

    Pages show a note for them: those deadlines were counted Monday to Friday.
    """
    return sorted({_local(m).year for m in moments
                   if m is not None and not calendar_knows(_local(m).date())})


def _local(moment: datetime) -> datetime:
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return aware.astimezone(CHINA)


def _back(local: datetime, like: datetime) -> datetime:
    """Return in the same form (naive or aware UTC) as the time we were given."""
    moment = local.astimezone(UTC)
    return moment if like.tzinfo else moment.replace(tzinfo=None)


def local_day(moment: datetime) -> date:
    """The calendar day in China at that moment."""
    return _local(moment).date()


def end_of_day(day: date, like: datetime | None = None) -> datetime:
    """23:59:59 China time on ``day``, naive or aware UTC like ``like`` (naive without one)."""
    end = datetime(day.year, day.month, day.day, 23, 59, 59, tzinfo=CHINA)
    return _back(end, like or datetime(2000, 1, 1))


def add_working_days(start: datetime, days: int,
                     holidays: frozenset[date] = NO_HOLIDAYS) -> datetime:
    """The end of the ``days``-th working day after ``start``, in Chinese local time."""
    day = local_day(start)
    counted = 0
    while counted < days:
        day += timedelta(days=1)
        if is_working_day(day, holidays):
            counted += 1
    return end_of_day(day, like=start)


def working_days_between(start: datetime, end: datetime,
                         holidays: frozenset[date] = NO_HOLIDAYS) -> int:
    """Whole working days after ``start``'s day up to and including ``end``'s day."""
    first, last = _local(start).date(), _local(end).date()
    count, day = 0, first
    while day < last:
        day += timedelta(days=1)
        count += is_working_day(day, holidays)
    return count


def sign_due(plan_id: str, start: datetime, *, urgent: bool = False,
             holidays: frozenset[date] = NO_HOLIDAYS) -> datetime:
    """When the agency must have signed for (签收) the item."""
    limits = load_plan(plan_id).deadlines
    if urgent:
        return start + timedelta(hours=limits.urgent_sign_hours)
    return add_working_days(start, limits.sign_working_days, holidays)


def answer_due(plan_id: str, start: datetime,
               holidays: frozenset[date] = NO_HOLIDAYS) -> datetime:
    """When the answer is due, counted from signing (the clock starts at 签收)."""
    return add_working_days(start, load_plan(plan_id).deadlines.answer_working_days, holidays)


def set_dispatch_deadlines(suggestion: Suggestion, now: datetime,
                           holidays: frozenset[date] = NO_HOLIDAYS) -> None:
    """At dispatch: time to sign, and a provisional answer date counted from that."""
    suggestion.sign_due = sign_due(suggestion.plan_id, now, urgent=suggestion.urgent,
                                   holidays=holidays)
    suggestion.answer_due = answer_due(suggestion.plan_id, suggestion.sign_due, holidays)
    suggestion.overdue = False


def set_answer_deadline(suggestion: Suggestion, now: datetime,
                        holidays: frozenset[date] = NO_HOLIDAYS) -> None:
    """At signing: the answer clock starts."""
    suggestion.answer_due = answer_due(suggestion.plan_id, now, holidays)
    suggestion.overdue = is_overdue(suggestion, now)


def current_due(suggestion: Suggestion) -> datetime | None:
    """The deadline that matters now: signing while dispatched, answering while in hand."""
    if suggestion.status in WAITING_TO_SIGN:
        return suggestion.sign_due
    if suggestion.status in WAITING_FOR_ANSWER:
        return suggestion.answer_due
    return None


def _comparable(moment: datetime, like: datetime) -> datetime:
    if moment.tzinfo and not like.tzinfo:
        return moment.astimezone(UTC).replace(tzinfo=None)
    if like.tzinfo and not moment.tzinfo:
        return moment.replace(tzinfo=UTC)
    return moment


def is_overdue(suggestion: Suggestion, now: datetime | None = None) -> bool:
    """Past the deadline that matters now."""
    due = current_due(suggestion)
    now = now or utcnow()
    return due is not None and _comparable(now, due) > due


def due_soon(suggestion: Suggestion, now: datetime | None = None,
             holidays: frozenset[date] = NO_HOLIDAYS) -> bool:
    """Within one working day of the deadline, and not yet past it."""
    due = current_due(suggestion)
    now = now or utcnow()
    if due is None or is_overdue(suggestion, now):
        return False
    return working_days_between(_comparable(now, due), due, holidays) <= 1


@dataclass
class SweepResult:
    became_overdue: list[int]
    no_longer_overdue: list[int]
    due_soon: list[int]


def sweep(session: Session, now: datetime | None = None) -> SweepResult:
    """Recompute every open item's overdue flag, recording each change as an event."""
    now = now or utcnow()
    holidays = settings_of(session).holidays
    result = SweepResult([], [], [])
    waiting = WAITING_TO_SIGN + WAITING_FOR_ANSWER
    query = select(Suggestion).where(Suggestion.status.in_([s.value for s in waiting])
                                     | Suggestion.overdue)
    for suggestion in session.exec(query).all():
        late = is_overdue(suggestion, now)
        if late != suggestion.overdue:
            suggestion.overdue = late
            (result.became_overdue if late else result.no_longer_overdue).append(suggestion.id)
            note = N_("已超过期限，进入督办") if late else N_("已不再超期")
            record(session, suggestion, action="overdue" if late else "on_time",
                   actor=SYSTEM, note=note)
        elif due_soon(suggestion, now, holidays):
            result.due_soon.append(suggestion.id)
            deadline_near(session, suggestion)
    session.flush()
    return result


def current_due_sql():
    """``current_due`` as SQL, so lists sort by the deadline that matters in the database."""
    return case((Suggestion.status == WAITING_TO_SIGN[0].value, Suggestion.sign_due),
                (Suggestion.status.in_([s.value for s in WAITING_FOR_ANSWER]),
                 Suggestion.answer_due), else_=None)


def late_sql(now: datetime):
    """``overdue or is_overdue`` as SQL: flagged by the sweep, or past due since it ran."""
    return or_(Suggestion.overdue,
               and_(Suggestion.status == WAITING_TO_SIGN[0].value,
                    Suggestion.sign_due.is_not(None), Suggestion.sign_due < now),
               and_(Suggestion.status.in_([s.value for s in WAITING_FOR_ANSWER]),
                    Suggestion.answer_due.is_not(None), Suggestion.answer_due < now))


def overdue_items(query):
    """The coordinator's 督办 board from a scoped query: overdue, soonest deadline first."""
    due = func.coalesce(current_due_sql(), Suggestion.updated_at)
    return query.where(Suggestion.overdue).order_by(due, Suggestion.id)
