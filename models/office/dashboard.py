"""The coordinator's dashboard: the city's figures, the agencies ranked, and each breakdown.

Every number comes from ``figures.several`` (one SQL query for every breakdown, the trend
and the total; ``figures.grouped`` for one breakdown alone); this module
only names the groups (an agency's name, a topic's label, a district) and orders the
agencies. The chart and the table beside it are built from the same ``Breakdown`` rows, so
they can never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime

from sqlalchemy import select
from sqlmodel import Session

from classifier.topics import TOPIC_LABELS
from models.common import CHINA, utcnow
from models.office import figures, group_figures, periods
from models.office.figures import N_, Figures, Period
from models.office.group_figures import GroupFigures
from models.people.tables import GROUP_KIND_LABELS, Account, Group, GroupKind, Role
from models.plans.plan import load_plan
from models.plans.tables import Agency

# The breakdowns each dashboard shows, in this order (a key of ``figures.KEYS`` each).
BREAKDOWNS = ("agency_id", "domain", "task_id", "topic", "district", "group_id", "group_kind",
              "age_band")
AGENCY_BREAKDOWNS = ("domain", "task_id", "district", "age_band")
FACILITATOR_BREAKDOWNS = ("group_id", "age_band")
NO_DISTRICT = N_("市级（不分区县）")
NO_GROUP = N_("不在小组里（城市公开链接等）")
NO_TOPIC = N_("还没分类")
NO_DOMAIN = N_("方案没有写领域")
NO_TASK = N_("方案没有写任务")


# The labels the domain writes itself (not the city's own names): pages translate these.
OWN_LABELS = frozenset({*figures.AGE_BAND_NAMES, figures.NO_AGE, NO_DISTRICT, NO_GROUP,
                        NO_TOPIC, NO_DOMAIN, NO_TASK})


@dataclass(frozen=True)
class Breakdown:
    """The figures of one way of grouping, each row labelled for people."""

    key: str
    rows: list[Figures]


@dataclass(frozen=True)
class Dashboard:
    """What a dashboard shows for one period: the totals, the agencies ranked (the
    coordinator's only), each breakdown, and the trend by week or month."""

    city: Figures
    ranking: list[Figures]
    breakdowns: list[Breakdown]
    trend: Breakdown = field(default_factory=lambda: Breakdown("step", []))
    unit: str = "month"


@dataclass(frozen=True)
class Names:
    """The names a key's value is shown with: agencies and groups of the city."""

    agencies: dict[int, str]
    groups: dict[int, str]
    plan_id: str


def names(session: Session, plan_id: str) -> Names:
    groups = dict(session.execute(select(Group.id, Group.name).where(
        Group.plan_id == plan_id)).all())
    return Names(figures.agency_labels(session, plan_id), groups, plan_id)


def _label(key: str, value, known: Names) -> str:
    """The words people read for one group's key."""
    if key == "agency_id":
        return known.agencies.get(value, "")
    if key == "group_id":
        return known.groups.get(value, "") if value else NO_GROUP
    if key == "topic":
        return TOPIC_LABELS.get(value, value) if value else NO_TOPIC
    if key == "district":
        return value or NO_DISTRICT
    if key == "group_kind":
        return GROUP_KIND_LABELS[GroupKind(value)] if value else NO_GROUP
    if key == "task_id":
        task = load_plan(known.plan_id).task(value) if value else None
        return f"{value} {task.title}" if task else value or NO_TASK
    if key == "domain":
        return value or NO_DOMAIN
    return str(value or "")


def translated(board: Dashboard, translate) -> Dashboard:
    """The dashboard with the domain's own labels in the reader's language."""
    def rows(found: list[Figures]) -> list[Figures]:
        return [replace(f, label=translate(f.label)) if f.label in OWN_LABELS else f
                for f in found]
    return replace(board, ranking=rows(board.ranking),
                   breakdowns=[replace(b, rows=rows(b.rows)) for b in board.breakdowns])


def rank_key(found: Figures) -> tuple:
    """按期办结率, then 满意率, then 按期签收率, highest first; a rate not yet known sorts last."""
    def rate(ratio) -> float:
        return -1.0 if ratio.value is None else ratio.value
    return (-rate(found.on_time_answer), -rate(found.satisfaction), -rate(found.on_time_sign),
            found.return_rate.value or 0.0, found.label)


def ranking(found: list[Figures]) -> list[Figures]:
    """The agencies in rank order (see ``figures.RANKING`` for the words on the page)."""
    return sorted(found, key=rank_key)


def breakdown(session: Session, key: str, *, plan_id: str, period: Period,
              now: datetime | None = None, known: Names | None = None, scope=None,
              ) -> Breakdown:
    """One way of grouping the city's (or one agency's) figures, each row with its label."""
    known = known or names(session, plan_id)
    found = figures.grouped(session, key, plan_id=plan_id, period=period, now=now, scope=scope)
    return Breakdown(key, [replace(f, label=_label(key, f.key, known)) for f in found])


def _today(now: datetime | None) -> date:
    return (now or utcnow()).astimezone(CHINA).date()


def trend_steps(first: date | None, last: date | None, now: datetime | None = None,
                ) -> tuple[str, list[periods.Step], Period]:
    """The trend's unit, steps and the period it covers (an open start: the last months)."""
    last = last or _today(now)
    unit, steps = periods.steps(first, last)
    return unit, steps, periods.as_period(first or steps[0].first, last)


def _filled(found: list, steps: list[periods.Step], empty) -> list:
    """One row per step in time order, an empty one where nothing was made that step."""
    by_step = {int(f.key): f for f in found}
    return [replace(by_step.get(n) or empty(n), label=step.label)
            for n, step in enumerate(steps)]


def starts_of(steps: list[periods.Step]) -> list[datetime]:
    return [periods.moment(step.first) for step in steps]


def build(session: Session, *, plan_id: str, first: date | None = None,
          last: date | None = None, now: datetime | None = None, scope=None,
          keys: tuple[str, ...] = BREAKDOWNS) -> Dashboard:
    """A whole dashboard: the totals, every breakdown of ``keys`` and the trend; with
    ``agency_id`` among the keys, the agencies ranked. ``scope`` narrows it to one agency
    (``figures.for_agency``). Three queries (the names, then every figure in one), whatever
    the history."""
    unit, steps, span = trend_steps(first, last, now)
    found = figures.several(session, (*keys, "step", "plan_id"), plan_id=plan_id,
                            period=periods.as_period(first, last), now=now, scope=scope,
                            starts=starts_of(steps), trend=span)
    return assemble(found, names(session, plan_id), keys=keys, steps=steps, unit=unit)


def assemble(found: dict[str, list[Figures]], known: Names, *, keys: tuple[str, ...],
             steps: list[periods.Step], unit: str) -> Dashboard:
    """The dashboard of the figures ``figures.several`` found (now or kept in a snapshot),
    each group named as the city names it today."""
    parts = [Breakdown(key, [replace(f, label=_label(key, f.key, known)) for f in found[key]])
             for key in keys]
    zero = {w.value: 0 for w in figures.DueWeight}
    trend_rows = _filled(found["step"], steps, lambda n: Figures(key=n, adoption=dict(zero)))
    total = (found["plan_id"][0] if found["plan_id"]
             else Figures(key=known.plan_id, adoption=dict(zero)))
    ranked = ranking(parts[0].rows) if keys and keys[0] == "agency_id" else []
    return Dashboard(city=total, ranking=ranked, breakdowns=parts,
                     trend=Breakdown("step", trend_rows), unit=unit)


def build_for_groups(session: Session, group_ids: list[int], *, plan_id: str,
                     first: date | None = None, last: date | None = None,
                     now: datetime | None = None) -> Dashboard:
    """A facilitator's dashboard: their groups' children's suggestions, by group, age band
    and week or month (``group_figures``)."""
    period = periods.as_period(first, last)
    known = names(session, plan_id)
    parts = [Breakdown(key, [replace(f, label=_label(key, f.key, known)) for f in
                             group_figures.grouped(session, key, group_ids, period=period)])
             for key in FACILITATOR_BREAKDOWNS]
    unit, steps, span = trend_steps(first, last, now)
    found = group_figures.grouped(session, "step", group_ids, period=span,
                                  starts=starts_of(steps))
    zero = {w.value: 0 for w in figures.DueWeight}
    rows = _filled(found, steps, lambda n: GroupFigures(key=n, adoption=dict(zero)))
    return Dashboard(city=group_figures.total(session, group_ids, period=period), ranking=[],
                     breakdowns=parts, trend=Breakdown("step", rows), unit=unit)


def viewable_agency(session: Session, account: Account, agency_id: int) -> Agency | None:
    """The agency whose dashboard this person may open: the coordinator any of their city's,
    agency staff their own; None for anyone else."""
    agency = session.get(Agency, agency_id)
    if agency is None or agency.plan_id != account.plan_id:
        return None
    if account.role == Role.COORDINATOR or account.agency_id == agency_id:
        return agency
    return None


def viewable_facilitator(session: Session, account: Account, account_id: int,
                         ) -> Account | None:
    """The facilitator whose dashboard this person may open: the coordinator any of their
    city's, a facilitator only their own."""
    found = session.get(Account, account_id)
    if found is None or found.role != Role.FACILITATOR or found.plan_id != account.plan_id:
        return None
    return found if account.role == Role.COORDINATOR or account.id == account_id else None
