"""The dashboards' per-day rollup: any period of a big city as a sum over days.

The sweep (``refresh``) keeps, for every big city, the figures of its rows (one suggestion
sent to one lead agency, the unit ``figures`` counts) per day the children made them, per
agency and per value of each breakdown (table ``dashboard_day``), all counted at one moment
(``DashboardRollupMark.counted_at``). A page for any period (``read``) sums its days: the
same figures ``figures.several`` would count at that moment (the longest lateness is the
largest of the days'), shown with "数据更新于 HH:MM" like a snapshot, while the rollup is
younger than ``Settings.snapshot_minutes``.

Kept current incrementally: a row whose suggestion waits (分派待签收, 已签收, 办理中) grows
later by the minute, so each run counts again every day that has one (the last weeks); any
other row changes only with an event (签收, 退单, answers, ratings, reassignment,
reopening), so each run counts again the days of the suggestions with an event after the
mark (``event_id``). What changes a row without an event (a topic corrected, a child's data
erased or anonymised) marks its days (``mark_days``, table ``dashboard_recount``) and the
next run counts them again. A group's district or kind is read through the group kept, so a
renamed district shows at once. The whole count the sweep makes once a day (``built_on``)
remains the backstop.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy import (
    Index,
    Integer,
    String,
    and_,
    case,
    cast,
    func,
    literal,
    select,
    union_all,
)
from sqlalchemy import delete as sql_delete
from sqlalchemy.orm import aliased
from sqlmodel import Field, Session, SQLModel

from models.common import CHINA, utcnow
from models.office import figures, periods
from models.office.figures import Figures, Period
from models.office.sqltime import china_day
from models.people.tables import Group
from models.settings import settings_of
from models.suggestions.deadlines import WAITING_FOR_ANSWER, WAITING_TO_SIGN
from models.suggestions.tables import DueWeight, Event, Suggestion

# The statuses whose rows grow later by the minute: their days are counted on every run.
WAITING = tuple(s.value for s in (*WAITING_TO_SIGN, *WAITING_FOR_ANSWER))
# The breakdowns kept by value ("" keeps each agency's whole day: the totals, the agencies
# and the trend). District and group kind are read through the group kept.
PARTS = ("", "domain", "task_id", "topic", "group_id", "age_band")
THROUGH_GROUP = {"district": "district", "group_kind": "kind"}
# An event this recent may belong to a transaction not yet committed when the sweep reads:
# the mark stays below it, so the next run counts its day again.
SETTLE = timedelta(minutes=1)
SUMMED = ("received", "signed", "signed_on_time", "waiting_to_sign_late", "returned",
          "answered", "answered_on_time", "waiting_for_answer_late", "rated", "content",
          "overdue")


class DashboardDay(SQLModel, table=True):
    """One agency's rows made on one day, by one breakdown's value."""

    __tablename__ = "dashboard_day"
    __table_args__ = (Index("ix_dashboard_day_plan", "plan_id", "part", "day"),
                      Index("ix_dashboard_day_agency", "agency_id", "part", "day"))

    id: int | None = Field(default=None, primary_key=True)
    plan_id: str = Field(max_length=40)
    day: date
    agency_id: int
    part: str = Field(sa_type=String(12))
    key: str | None = Field(default=None, sa_type=String(200))
    received: int = 0
    signed: int = 0
    signed_on_time: int = 0
    waiting_to_sign_late: int = 0
    returned: int = 0
    answered: int = 0
    answered_on_time: int = 0
    waiting_for_answer_late: int = 0
    rated: int = 0
    content: int = 0
    overdue: int = 0
    overdue_days: float = 0.0
    overdue_days_max: float = 0.0
    weight_adopted: int = 0
    weight_partly: int = 0
    weight_not_adopted: int = 0
    weight_already_done: int = 0


class DashboardRollupMark(SQLModel, table=True):
    """How far a city's rollup has counted: every event up to ``event_id``, at
    ``counted_at``; ``built_on`` the (China) day of its last whole count."""

    __tablename__ = "dashboard_rollup_mark"

    plan_id: str = Field(primary_key=True, max_length=40)
    event_id: int = 0
    counted_at: datetime = Field(default_factory=utcnow)
    built_on: date | None = None


class DashboardRecount(SQLModel, table=True):
    """A day of a city whose rows changed without an event: the next run counts it again."""

    __tablename__ = "dashboard_recount"

    id: int | None = Field(default=None, primary_key=True)
    plan_id: str = Field(max_length=40, index=True)
    day: date


WEIGHTS = tuple(f"weight_{w.value}" for w in DueWeight)
CHUNK = 1000  # ids per statement, well below any database's limit on bound parameters


def mark_days(session: Session, suggestion_ids: list[int]) -> None:
    """The days (of making) of these suggestions are counted again by the next run: for a
    change that writes no event. Call it before the rows are deleted; only cities whose
    rollup is kept are marked."""
    ids = sorted(set(suggestion_ids))
    for start in range(0, len(ids), CHUNK):
        query = (select(Suggestion.plan_id, china_day(Suggestion.created_at)).distinct()
                 .where(Suggestion.id.in_(ids[start:start + CHUNK]),
                        Suggestion.plan_id.in_(select(DashboardRollupMark.plan_id))))
        session.execute(DashboardRecount.__table__.insert().from_select(["plan_id", "day"],
                                                                          query))


def _marked(session: Session, plan_id: str) -> list[tuple[int, date]]:
    return [(row.id, _as_date(row.day)) for row in session.execute(
        select(DashboardRecount.id, DashboardRecount.day)
        .where(DashboardRecount.plan_id == plan_id))]


def _unmark(session: Session, ids: list[int]) -> None:
    """Only the marks read: one a change commits while the sweep counts waits for the next."""
    for start in range(0, len(ids), CHUNK):
        session.execute(sql_delete(DashboardRecount).where(
            DashboardRecount.id.in_(ids[start:start + CHUNK])))


def _count_days(session: Session, plan_id: str, first: date | None, last: date | None,
                now: datetime) -> None:
    """Replace the rollup's rows of the days [first, last] (None: every day) by a count."""
    where = [DashboardDay.plan_id == plan_id]
    if first is not None:
        where += [DashboardDay.day >= first, DashboardDay.day <= last]
    session.execute(sql_delete(DashboardDay).where(*where))
    rows = figures._rows(plan_id, None, periods.as_period(first, last))
    measures = figures._measures(rows, now)
    kept = {name: measures[name] for name in (*SUMMED, "overdue_days", "overdue_days_max",
                                              *WEIGHTS)}
    day = china_day(rows.c.created_at)
    for part in PARTS:
        value = cast(rows.c[part], String) if part else literal("")
        query = (select(literal(plan_id), day, rows.c.agency_id, literal(part), value,
                        *kept.values())
                 .group_by(day, rows.c.agency_id, *([rows.c[part]] if part else [])))
        session.execute(DashboardDay.__table__.insert().from_select(
            ["plan_id", "day", "agency_id", "part", "key", *kept], query))


def _day_runs(days: list[date]) -> list[tuple[date, date]]:
    """Consecutive days as (first, last) runs: one count each."""
    runs: list[list[date]] = []
    for day in sorted(days):
        if runs and day == runs[-1][1] + timedelta(days=1):
            runs[-1][1] = day
        else:
            runs.append([day, day])
    return [(a, b) for a, b in runs]


def changed_days(session: Session, plan_id: str, after: int) -> list[date]:
    """The days (of making) of the city's suggestions with an event after ``after``."""
    return sorted(session.execute(
        select(china_day(Suggestion.created_at)).distinct()
        .where(Suggestion.id.in_(select(Event.suggestion_id).where(Event.id > after)),
               Suggestion.plan_id == plan_id)).scalars())


def _as_date(value) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


def waiting_days(session: Session, plan_id: str) -> list[date]:
    """The days (of making) of the city's suggestions that wait (``ix_suggestion_open``)."""
    return sorted(session.execute(
        select(china_day(Suggestion.created_at)).distinct()
        .where(Suggestion.plan_id == plan_id, Suggestion.status.in_(WAITING))).scalars())


def refresh(session: Session, plan_id: str, *, now: datetime | None = None) -> int:
    """Bring the city's rollup up to ``now``: every day once a (China) day, otherwise the
    days with a waiting suggestion, an event since the mark, or marked (``mark_days``).
    Flushes; returns the days counted (-1: all)."""
    now = now or utcnow()
    mark = session.get(DashboardRollupMark, plan_id)
    marked = _marked(session, plan_id)
    upto = session.execute(select(func.max(Event.id)).where(
        Event.created_at < now - SETTLE)).scalar() or 0
    today = now.astimezone(CHINA).date()
    if mark is None or mark.built_on != today:
        _count_days(session, plan_id, None, None, now)
        mark = mark or DashboardRollupMark(plan_id=plan_id)
        mark.built_on, counted = today, -1
    else:
        days = {_as_date(d) for d in (*changed_days(session, plan_id, mark.event_id),
                                      *waiting_days(session, plan_id))}
        days |= {day for _id, day in marked}
        for first, last in _day_runs(list(days)):
            _count_days(session, plan_id, first, last, now)
        counted = len(days)
    _unmark(session, [mark_id for mark_id, _day in marked])
    mark.event_id = max(upto, mark.event_id if counted >= 0 else 0)
    mark.counted_at = now
    session.add(mark)
    session.flush()
    return counted


def _step_of_day(day_column, steps: list[periods.Step]):
    if len(steps) < 2:
        return literal(0)
    return case(*[(day_column < step.first, n) for n, step in enumerate(steps[1:])],
                else_=len(steps) - 1)


def _sums():
    columns = [func.coalesce(func.sum(getattr(DashboardDay, n)), 0).label(n)
               for n in (*SUMMED, "overdue_days", *WEIGHTS)]
    return [*columns, func.coalesce(func.max(DashboardDay.overdue_days_max), 0.0)
            .label("overdue_days_max")]


def _kept(session: Session, keys, *, plan_id: str, first: date | None, last: date | None,
          agency_id: int | None, steps, span: tuple[date, date]):
    """The rollup's sums of the period's days, one branch of a ``UNION ALL`` per key."""
    where = [DashboardDay.plan_id == plan_id]
    if first is not None:
        where.append(DashboardDay.day >= first)
    if last is not None:
        where.append(DashboardDay.day <= last)
    if agency_id is not None:
        where.append(DashboardDay.agency_id == agency_id)
    whole = and_(*where, DashboardDay.part == "")
    group = aliased(Group)
    branches = []
    for key in keys:
        if key in ("plan_id", "agency_id", "step"):
            value = {"plan_id": literal(plan_id), "agency_id": cast(DashboardDay.agency_id,
                                                                    String),
                     "step": cast(_step_of_day(DashboardDay.day, steps), String)}[key]
            extra = ([DashboardDay.day >= span[0], DashboardDay.day <= span[1]]
                     if key == "step" else [])
            query = select(literal(key).label("part"), value.label("key"), *_sums()).where(
                whole, *extra)
            branches.append(query if key == "plan_id" else query.group_by(value))
        elif key in THROUGH_GROUP:
            value = func.coalesce(getattr(group, THROUGH_GROUP[key]), "")
            branches.append(
                select(literal(key).label("part"), value.label("key"), *_sums())
                .select_from(DashboardDay)
                .outerjoin(group, group.id == cast(DashboardDay.key, Integer))
                .where(*where, DashboardDay.part == "group_id").group_by(value))
        else:
            branches.append(select(literal(key).label("part"), DashboardDay.key.label("key"),
                                   *_sums()).where(*where, DashboardDay.part == key)
                            .group_by(DashboardDay.key))
    found: dict[str, list[Figures]] = {key: [] for key in keys}
    for row in session.execute(union_all(*branches)):
        values = dict(row._mapping)
        part = values.pop("part")
        key = values["key"]
        values["key"] = int(key) if part in figures.WHOLE_KEYS and key is not None else key
        found[part].append(figures._figures(values))
    return found


def read(session: Session, keys: tuple[str, ...], *, plan_id: str, first: date | None,
         last: date | None, now: datetime, agency_id: int | None, steps, span: Period,
         ) -> tuple[dict[str, list[Figures]], datetime] | None:
    """What ``figures.several`` found for these keys and days when the rollup was counted,
    and when that was; None when the city has no rollup younger than the site allows."""
    mark = session.get(DashboardRollupMark, plan_id)
    max_age = timedelta(minutes=settings_of(session).snapshot_minutes)
    if mark is None or now - mark.counted_at > max_age:
        return None
    span_days = (span.start.astimezone(CHINA).date(),
                 (span.end - timedelta(days=1)).astimezone(CHINA).date())
    found = _kept(session, keys, plan_id=plan_id, first=first, last=last,
                  agency_id=agency_id, steps=steps, span=span_days)
    for key, rows in found.items():
        rows.sort(key=(lambda f: f.key) if key == "step" else
                  (lambda f: (-f.received, f.key is None, f.key or "")))
    if found.get("plan_id") and not found["plan_id"][0].received:
        found["plan_id"] = []
    return found, mark.counted_at
