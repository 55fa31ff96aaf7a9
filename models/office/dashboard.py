"""The coordinator's dashboard: the city's figures, the agencies ranked, and each breakdown.

Every number comes from ``figures.grouped`` (one SQL aggregate per breakdown); this module
only names the groups (an agency's name, a topic's label, a district) and orders the
agencies. The chart and the table beside it are built from the same ``Breakdown`` rows, so
they can never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from sqlmodel import Session

from classifier.topics import TOPIC_LABELS
from models.office import figures
from models.office.figures import N_, Figures, Period
from models.people.tables import GROUP_KIND_LABELS, GroupKind
from models.plans.plan import load_plan

# The breakdowns the page shows, in this order (a key of ``figures.KEYS`` each).
BREAKDOWNS = ("agency_id", "domain", "topic", "district", "group_kind", "age_band")
NO_DISTRICT = N_("市级（不分区县）")
NO_GROUP = N_("不在小组里（城市公开链接等）")
NO_TOPIC = N_("还没分类")


# The labels the domain writes itself (not the city's own names): pages translate these.
OWN_LABELS = frozenset({*figures.AGE_BAND_NAMES, figures.NO_AGE, NO_DISTRICT, NO_GROUP,
                        NO_TOPIC})


@dataclass(frozen=True)
class Breakdown:
    """The figures of one way of grouping, each row labelled for people."""

    key: str
    rows: list[Figures]


@dataclass(frozen=True)
class Dashboard:
    """What the coordinator's dashboard shows for one city and one period."""

    city: Figures
    ranking: list[Figures]
    breakdowns: list[Breakdown]


def _label(key: str, value, plan_id: str, agencies: dict[int, str]) -> str:
    """The words people read for one group's key."""
    if key == "agency_id":
        return agencies.get(value, "")
    if key == "topic":
        return TOPIC_LABELS.get(value, value) if value else NO_TOPIC
    if key == "district":
        return value or NO_DISTRICT
    if key == "group_kind":
        return GROUP_KIND_LABELS[GroupKind(value)] if value else NO_GROUP
    if key == "task_id":
        task = load_plan(plan_id).task(value) if value else None
        return f"{value} {task.title}" if task else value
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
              now: datetime | None = None, agencies: dict[int, str] | None = None,
              ) -> Breakdown:
    """One way of grouping the city's figures, each row with its label."""
    agencies = agencies if agencies is not None else figures.agency_labels(session, plan_id)
    found = figures.grouped(session, key, plan_id=plan_id, period=period, now=now)
    return Breakdown(key, [replace(f, label=_label(key, f.key, plan_id, agencies))
                           for f in found])


def build(session: Session, *, plan_id: str, period: Period,
          now: datetime | None = None) -> Dashboard:
    """The whole dashboard: the city, the agencies ranked and every breakdown."""
    agencies = figures.agency_labels(session, plan_id)
    parts = [breakdown(session, key, plan_id=plan_id, period=period, now=now,
                       agencies=agencies) for key in BREAKDOWNS]
    return Dashboard(city=figures.total(parts[0].rows, plan_id),
                     ranking=ranking(parts[0].rows), breakdowns=parts)
