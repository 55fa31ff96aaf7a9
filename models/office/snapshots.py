"""Dashboard snapshots: the figures of the standard periods, counted ahead by the sweep.

A city with a million suggestions takes seconds to count its dashboard, so the sweep
(``refresh``) counts, for every big city (``plans``) and each of its agencies, the periods
a page offers by name (本周, 本月, 本季度, 本年, 全部) and keeps what ``figures.several``
found as JSON, one row per (city, scope, period). A page for one of those periods
(``read``) shows the snapshot when it is younger than ``Settings.snapshot_minutes`` and was
counted for the same days; any other period, or no fresh snapshot, is counted on the spot as
before (a small city stays exact). A snapshot holds only counts per group, like the
dashboards: never a suggestion's text, and nothing a held safeguarding case could show that
the page would not.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import String, Text, UniqueConstraint, func, select
from sqlmodel import Field, Session, SQLModel

from models.common import CHINA, utcnow
from models.office import dashboard, figures, periods, rollup
from models.office.figures import Figures
from models.plans.tables import Agency
from models.settings import settings_of
from models.suggestions.tables import Suggestion

CITY = "city"
# The periods kept, by the name a page asks for them ("all": no first or last day).
PERIODS = (*periods.PRESETS, "all")


class DashboardSnapshot(SQLModel, table=True):
    """One dashboard's figures for one named period, as counted at ``computed_at``."""

    __tablename__ = "dashboard_snapshot"
    __table_args__ = (UniqueConstraint("plan_id", "scope", "period"),)

    id: int | None = Field(default=None, primary_key=True)
    plan_id: str = Field(max_length=40)
    # "city", or "agency:<id>" for one agency's own dashboard.
    scope: str = Field(sa_type=String(40))
    period: str = Field(sa_type=String(10))
    computed_at: datetime = Field(default_factory=utcnow)
    figures: str = Field(default="{}", sa_type=Text)


@dataclass(frozen=True)
class Read:
    """The dashboard a page shows, and when its figures were counted (None: just now)."""

    board: dashboard.Dashboard
    computed_at: datetime | None = None


def agency_scope(agency_id: int) -> str:
    return f"agency:{agency_id}"


def days_of(name: str, today: date) -> tuple[date | None, date | None]:
    return (None, None) if name == "all" else periods.preset(name, today)


def period_name(first: date | None, last: date | None, today: date) -> str | None:
    """The standard period these days are today, or None for any other."""
    return next((name for name in PERIODS if days_of(name, today) == (first, last)), None)


def _encode(found: dict[str, list[Figures]], first, last, today: date) -> str:
    parts = {key: [{k: v for k, v in asdict(f).items() if k != "label"} for f in rows]
             for key, rows in found.items()}
    return json.dumps({"first": first and first.isoformat(), "last": last and last.isoformat(),
                       "today": today.isoformat(), "parts": parts}, ensure_ascii=False)


def _decode(text: str) -> dict:
    kept = json.loads(text)
    kept["parts"] = {key: [Figures(**row) for row in rows]
                     for key, rows in kept["parts"].items()}
    return kept


def _upsert(session: Session, kept: dict, plan_id: str, scope: str, period: str,
            data: str, now: datetime) -> None:
    row = kept.get((scope, period))
    if row is None:
        row = DashboardSnapshot(plan_id=plan_id, scope=scope, period=period)
        session.add(row)
    row.figures, row.computed_at = data, now


def refresh(session: Session, plan_id: str, *, now: datetime | None = None,
            names: tuple[str, ...] = PERIODS) -> int:
    """Count the city's and every agency's dashboard for each named period and keep them:
    summed from the rollup when it was counted at ``now``, otherwise two queries a period
    (the city, then every agency at once). Flushes; returns the number of snapshots
    written."""
    now = now or utcnow()
    today = now.astimezone(CHINA).date()
    agencies = session.execute(select(Agency.id).where(Agency.plan_id == plan_id)).scalars()
    agencies = list(agencies)
    kept = {(row.scope, row.period): row for row in session.execute(
        select(DashboardSnapshot).where(DashboardSnapshot.plan_id == plan_id)).scalars()}
    written = 0
    summed = _from_rollup(session, plan_id, now)
    keys = (*dashboard.AGENCY_BREAKDOWNS, "step", "plan_id")
    for name in names:
        first, last = days_of(name, today)
        unit, steps, span = dashboard.trend_steps(first, last, now)
        common = {"plan_id": plan_id, "period": periods.as_period(first, last), "now": now,
                  "starts": dashboard.starts_of(steps), "trend": span}
        if summed:
            days = {"plan_id": plan_id, "first": first, "last": last, "now": now,
                    "steps": steps, "span": span}
            city = rollup.read(session, (*dashboard.BREAKDOWNS, "step", "plan_id"),
                               agency_id=None, **days)[0]
            each = {agency_id: rollup.read(session, keys, agency_id=agency_id, **days)[0]
                    for agency_id in agencies}
        else:
            city = figures.several(session, (*dashboard.BREAKDOWNS, "step", "plan_id"),
                                   **common)
            each = figures.several_per(session, keys, per="agency_id", **common)
        _upsert(session, kept, plan_id, CITY, name, _encode(city, first, last, today), now)
        for agency_id in agencies:
            found = each.get(agency_id) or {key: [] for key in keys}
            _upsert(session, kept, plan_id, agency_scope(agency_id), name,
                    _encode(found, first, last, today), now)
        written += 1 + len(agencies)
    session.flush()
    return written


def _from_rollup(session: Session, plan_id: str, now: datetime) -> bool:
    """Whether the city's rollup was counted at this very moment (the sweep counts it
    first): then every snapshot is a sum of its days, not a count of the whole history."""
    mark = session.get(rollup.DashboardRollupMark, plan_id)
    return mark is not None and mark.counted_at == now


def plans(session: Session) -> list[str]:
    """The cities the sweep counts ahead: those with at least ``Settings.snapshot_from``
    suggestions (a smaller city's page counts its own figures quickly, and exactly)."""
    smallest = settings_of(session).snapshot_from
    return list(session.execute(
        select(Suggestion.plan_id).group_by(Suggestion.plan_id)
        .having(func.count() >= smallest).order_by(Suggestion.plan_id)).scalars())


def _fresh(session: Session, plan_id: str, scope: str, first, last, now: datetime):
    """The snapshot a page may show for these days, or None."""
    today = now.astimezone(CHINA).date()
    name = period_name(first, last, today)
    if name is None:
        return None
    row = session.execute(select(DashboardSnapshot).where(
        DashboardSnapshot.plan_id == plan_id, DashboardSnapshot.scope == scope,
        DashboardSnapshot.period == name)).scalar_one_or_none()
    max_age = timedelta(minutes=settings_of(session).snapshot_minutes)
    if row is None or now - row.computed_at > max_age:
        return None
    kept = _decode(row.figures)
    if kept["today"] != today.isoformat():
        return None
    return row, kept


def read(session: Session, *, plan_id: str, first: date | None = None,
         last: date | None = None, agency_id: int | None = None,
         now: datetime | None = None) -> Read:
    """The city's (or one agency's) dashboard for these days: from a fresh snapshot when
    they are a standard period, otherwise counted now (``dashboard.build``)."""
    now = now or utcnow()
    scope = CITY if agency_id is None else agency_scope(agency_id)
    keys = dashboard.BREAKDOWNS if agency_id is None else dashboard.AGENCY_BREAKDOWNS
    found = _fresh(session, plan_id, scope, first, last, now)
    if found is None:
        unit, steps, span = dashboard.trend_steps(first, last, now)
        summed = rollup.read(session, (*keys, "step", "plan_id"), plan_id=plan_id,
                             first=first, last=last, now=now, agency_id=agency_id,
                             steps=steps, span=span)
        if summed is not None:
            return Read(dashboard.assemble(summed[0], dashboard.names(session, plan_id),
                                           keys=keys, steps=steps, unit=unit), summed[1])
        return Read(dashboard.build(
            session, plan_id=plan_id, first=first, last=last, now=now, keys=keys,
            scope=None if agency_id is None else figures.for_agency(agency_id)))
    row, kept = found
    unit, steps, _span = dashboard.trend_steps(first, last, now)
    board = dashboard.assemble(kept["parts"], dashboard.names(session, plan_id), keys=keys,
                               steps=steps, unit=unit)
    return Read(board, row.computed_at)
