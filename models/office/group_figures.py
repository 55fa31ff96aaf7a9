"""A facilitator's figures: what the children of their groups suggested and what became of
it, by group, age band and week or month, computed by the database (one grouped query per
breakdown, whatever the number of suggestions).

The unit counted is one suggestion (not one per agency, as in ``figures``): the children's
side of the story. A period is, as everywhere, the time the children made them.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime

from sqlalchemy import and_, case, exists, func, literal, select
from sqlmodel import Session

from models.i18n import N_
from models.office.figures import (
    ADOPTION,
    CONTENT,
    Definition,
    Period,
    Ratio,
    _age_band,
    _count,
)
from models.office.sqltime import step_of
from models.people.consent import ConsentHold
from models.people.tables import Account, Group, GroupFacilitator, Member
from models.suggestions.status import Status
from models.suggestions.tables import Answer, Assignment, DueWeight, Rating, Suggestion

MADE = Definition(N_("孩子们提的建议"), N_(
    "这段时间里小组的孩子们提出的建议，不管后来送没送出去。"))
CONSENT_WAITING = Definition(N_("等监护人同意"), N_(
    "孩子的监护人还没有同意，现在先等着、不能送出的建议。"))
IN_REVIEW = Definition(N_("等辅导员看"), N_(
    "还没送到部门、在小组里等辅导员审核或者等孩子回答问题的建议（等监护人同意的不算在里面）。"))
SENT = Definition(N_("送到部门的"), N_("已经派给至少一个部门的建议。"))
ANSWERED = Definition(N_("部门答复了的"), N_(
    "部门已经答复孩子的建议；“答复率”是它占送到部门的建议的比例。"))
GROUP_SATISFACTION = Definition(N_("满意率"), N_(
    "孩子评价“满意”或“基本满意”的建议，占部门答复过、孩子也评价过的建议的比例。"
    "一条建议评价过几次，以最后一次为准。"))
DEFINITIONS = (MADE, CONSENT_WAITING, IN_REVIEW, SENT, ANSWERED, GROUP_SATISFACTION, ADOPTION)
KEYS = ("group_id", "age_band", "step", "all")
REVIEWING = (Status.SUBMITTED, Status.IN_REVIEW, Status.WAITING_FOR_CHILD)


@dataclass(frozen=True)
class GroupFigures:
    """One group's (or age band's, or week's) figures over a period."""

    key: object
    made: int = 0
    consent_waiting: int = 0
    in_review: int = 0
    sent: int = 0
    answered: int = 0
    rated: int = 0
    content: int = 0
    adoption: dict[str, int] = field(default_factory=dict)
    label: str = ""

    @property
    def answer_rate(self) -> Ratio:
        return Ratio(self.answered, self.sent)

    @property
    def satisfaction(self) -> Ratio:
        return Ratio(self.content, self.rated)


def facilitator_groups(session: Session, account_id: int) -> dict[int, str]:
    """The groups this facilitator runs, by id, with their names."""
    query = (select(Group.id, Group.name).join(GroupFacilitator,
                                               GroupFacilitator.group_id == Group.id)
             .where(GroupFacilitator.account_id == account_id).order_by(Group.name))
    return dict(session.execute(query).all())


def facilitators(session: Session, plan_id: str) -> list[tuple[int, str]]:
    """(account id, name) of the city's facilitators who run a group: the coordinator's list."""
    query = (select(Account.id, Account.display_name).where(exists().where(
        GroupFacilitator.account_id == Account.id, GroupFacilitator.group_id == Group.id,
        Group.plan_id == plan_id)).order_by(Account.display_name))
    return [tuple(row) for row in session.execute(query)]


def _rows(group_ids: list[int], period: Period, starts: list[datetime] | None):
    def latest(column, table):
        return (select(column).where(table.suggestion_id == Suggestion.id)
                .order_by(table.id.desc()).limit(1).correlate(Suggestion).scalar_subquery())
    held = exists().where(ConsentHold.suggestion_id == Suggestion.id)
    return (
        select(Suggestion.group_id.label("group_id"), _age_band().label("age_band"),
               step_of(Suggestion.created_at, starts or []).label("step"),
               literal(1).label("all"),
               case((held, 1), else_=0).label("held"),
               Suggestion.status.label("status"),
               case((exists().where(Assignment.suggestion_id == Suggestion.id), 1),
                    else_=0).label("sent"),
               latest(Answer.due_weight, Answer).label("weight"),
               latest(Rating.value, Rating).label("rating"))
        .select_from(Suggestion).outerjoin(Member, Member.id == Suggestion.member_id)
        .where(Suggestion.group_id.in_(group_ids or [-1]), period.condition())
        .subquery())


def _measures(rows) -> dict:
    answered = rows.c.weight.is_not(None)
    rated = and_(answered, rows.c.rating.is_not(None))
    measures = {
        "made": func.count(),
        "consent_waiting": func.coalesce(func.sum(rows.c.held), 0),
        "in_review": _count(and_(rows.c.held == 0, rows.c.sent == 0,
                                 rows.c.status.in_([s.value for s in REVIEWING]))),
        "sent": func.coalesce(func.sum(rows.c.sent), 0),
        "answered": _count(answered),
        "rated": _count(rated),
        "content": _count(and_(rated, rows.c.rating.in_([v.value for v in CONTENT]))),
    }
    for weight in DueWeight:
        measures[f"weight_{weight.value}"] = _count(rows.c.weight == weight.value)
    return measures


def grouped(session: Session, key: str, group_ids: list[int], *,
            period: Period | None = None,
            starts: list[datetime] | None = None) -> list[GroupFigures]:
    """Figures per ``key`` (one of ``KEYS``) over these groups; steps in time order, the
    rest busiest first."""
    if key not in KEYS:
        raise ValueError(key)
    rows = _rows(group_ids, period or Period(), starts)
    measures = _measures(rows)
    order = (rows.c[key],) if key == "step" else (func.count().desc(), rows.c[key])
    query = (select(rows.c[key].label("key"), *(m.label(n) for n, m in measures.items()))
             .group_by(rows.c[key]).order_by(*order))
    return [_figures(row) for row in session.execute(query)]


def _figures(row) -> GroupFigures:
    values = dict(row._mapping)
    adoption = {w.value: int(values.pop(f"weight_{w.value}")) for w in DueWeight}
    return GroupFigures(adoption=adoption, **{k: v if k == "key" else int(v)
                                              for k, v in values.items()})


def total(session: Session, group_ids: list[int], *,
          period: Period | None = None) -> GroupFigures:
    """All the groups together."""
    found = grouped(session, "all", group_ids, period=period)
    return replace(found[0], key=None) if found else GroupFigures(
        key=None, adoption={w.value: 0 for w in DueWeight})
