"""How agencies handle children's suggestions, in numbers computed by the database.

The unit counted is one suggestion sent to one lead agency (主办): a suggestion with two
lead agencies counts once for each. A period is the time the children made their
suggestions, so a figure for "this year" follows this year's suggestions to where they are
now. Times are the history's own: 签收 and 退单 are events written by the agency's staff,
answers and ratings are their rows; the deadlines are the ones the plan set on the
suggestion (``models/suggestions/deadlines.py``).

Each rate's definition is written once, below, and the pages show these very words
(``N_`` from models.i18n marks them for translation without importing Flask).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime

from sqlalchemy import String, and_, case, cast, exists, func, literal, select, true, union_all
from sqlalchemy.orm import aliased
from sqlmodel import Session

from models.common import utcnow
from models.i18n import N_
from models.office.sqltime import days_between, moment, step_of
from models.people.consent import AGE_BANDS
from models.people.tables import Account, Group, Member, Role
from models.plans.tables import Agency
from models.suggestions.deadlines import WAITING_FOR_ANSWER, WAITING_TO_SIGN
from models.suggestions.tables import (
    AgencyRole,
    Answer,
    Assignment,
    DueWeight,
    Event,
    Rating,
    RatingValue,
    Suggestion,
)


@dataclass(frozen=True)
class Definition:
    """A figure's name and what exactly it counts, in the words the page shows."""

    name: str
    meaning: str


RECEIVED = Definition(N_("收到的建议"), N_(
    "这段时间里孩子们提出、派给这个部门牵头办理的建议。两个部门一起牵头的建议，每个部门各算一件。"))
ON_TIME_SIGN = Definition(N_("按期签收率"), N_(
    "在签收期限内签收的建议，占“已经签收的建议 + 过了签收期限还没签收的建议”的比例。"
    "退回的建议不算在里面，另算退单率。"))
ON_TIME_ANSWER = Definition(N_("按期办结率"), N_(
    "在答复期限内第一次答复孩子的建议，占“已经答复的建议 + 过了答复期限还没答复的建议”的比例。"))
SATISFACTION = Definition(N_("满意率"), N_(
    "孩子评价“满意”或“基本满意”的建议，占孩子评价过的、这个部门答复过的建议的比例。"
    "一条建议评价过几次，以最后一次为准。"))
RETURN_RATE = Definition(N_("退单率"), N_(
    "部门说“不归我们管”退回的建议，占收到的建议的比例。"))
OVERDUE = Definition(N_("超期件数"), N_(
    "过了签收期限才签收、过了答复期限才答复，或者现在已经过了期限还没办的建议。"))
OVERDUE_DAYS = Definition(N_("超期天数"), N_(
    "每件超期的建议晚了多少天（按日历天算，签收和答复哪个晚得多算哪个；还没办的算到现在），"
    "这里写平均每件晚几天和最晚的一件晚几天。"))
RANKING = Definition(N_("部门排名"), N_(
    "先比按期办结率，一样时比满意率，再比按期签收率，都一样时退单率低的在前。"
    "还没有可算的率（比如还没有答复到期的建议）的排在后面。"))
ADOPTION = Definition(N_("采纳情况"), N_(
    "部门最后一次答复里写的对孩子建议的采纳情况：采纳、部分采纳、暂不采纳、已经在做。"))

DEFINITIONS = (RECEIVED, ON_TIME_SIGN, ON_TIME_ANSWER, SATISFACTION, RETURN_RATE, OVERDUE,
               ADOPTION)
AGENCY_DEFINITIONS = (*DEFINITIONS, OVERDUE_DAYS)
STAFF_DEFINITIONS = (*AGENCY_DEFINITIONS, RANKING)
CONTENT = (RatingValue.SATISFIED, RatingValue.MOSTLY)


@dataclass(frozen=True)
class Period:
    """When the children made the suggestions counted: [start, end), either end open."""

    start: datetime | None = None
    end: datetime | None = None

    def condition(self, column=None):
        column = Suggestion.created_at if column is None else column
        parts = []
        if self.start is not None:
            parts.append(column >= self.start)
        if self.end is not None:
            parts.append(column < self.end)
        return and_(true(), *parts)


@dataclass(frozen=True)
class Ratio:
    """A rate kept as its two counts, so a page can show "3/4" and a test can check both."""

    part: int
    whole: int

    @property
    def value(self) -> float | None:
        """The share, or None when there is nothing to count yet (shown as "暂无")."""
        return self.part / self.whole if self.whole else None

    @property
    def percent(self) -> int | None:
        return None if self.value is None else round(self.value * 100)


@dataclass(frozen=True)
class Figures:
    """One agency's (or domain's, or city's) figures over a period."""

    key: object
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
    adoption: dict[str, int] = field(default_factory=dict)
    label: str = ""

    @property
    def on_time_sign(self) -> Ratio:
        return Ratio(self.signed_on_time, self.signed + self.waiting_to_sign_late)

    @property
    def on_time_answer(self) -> Ratio:
        return Ratio(self.answered_on_time, self.answered + self.waiting_for_answer_late)

    @property
    def satisfaction(self) -> Ratio:
        return Ratio(self.content, self.rated)

    @property
    def return_rate(self) -> Ratio:
        return Ratio(self.returned, self.received)

    @property
    def days_late(self) -> tuple[float, float] | None:
        """(average, longest) days late of the overdue items, one decimal; None if none."""
        if not self.overdue:
            return None
        return round(self.overdue_days / self.overdue, 1), round(self.overdue_days_max, 1)


# The ways a page may group the figures, each a column of ``_rows``.
KEYS = ("agency_id", "domain", "topic", "task_id", "district", "group_kind", "group_id",
        "age_band", "plan_id", "step")
# The age bands' names, marked here so the staff pages can show them in either language.
AGE_BAND_NAMES = (N_("7 岁以下"), N_("7–9 岁"), N_("10–12 岁"), N_("13–15 岁"),
                  N_("16 岁及以上"))
NO_AGE = N_("不知道年龄")


def _age_band():
    """The child's age band when they made the suggestion, from birth year and month only.

    Whole months between birth and the suggestion, compared with each band's lower bound in
    months, so no database has to divide or round; a suggestion with no member (a form on
    the city's public link, Open311) has no band.
    """
    made = (func.extract("year", Suggestion.created_at) * 12
            + func.extract("month", Suggestion.created_at))
    months = made - (Member.birth_year * 12 + Member.birth_month)
    bands = [(months < high * 12, label) for _low, high, label in AGE_BANDS]
    return case((Member.id.is_(None), NO_AGE), *bands, else_=AGE_BANDS[-1][2])


def _acts(ids):
    """Per (suggestion, agency): the first 签收 by one of the agency's own staff, and 1 when
    its staff returned the suggestion (退单): one grouped pass over those events."""
    return (select(Event.suggestion_id.label("suggestion_id"),
                   Account.agency_id.label("agency_id"),
                   func.min(case((Event.action == "accept", Event.created_at))).label("signed_at"),
                   func.max(case((Event.action == "return", 1), else_=0)).label("returned"))
            .join(Account, Account.id == Event.actor_id)
            .where(Event.action.in_(("accept", "return")),
                   Event.actor_kind == Role.AGENCY_STAFF.value, Event.suggestion_id.in_(ids))
            .group_by(Event.suggestion_id, Account.agency_id).subquery("acts"))


def _answered(ids):
    """Per (suggestion, agency): its first answer's time and its latest answer's id."""
    return (select(Answer.suggestion_id.label("suggestion_id"),
                   Answer.agency_id.label("agency_id"),
                   func.min(Answer.created_at).label("answered_at"),
                   func.max(Answer.id).label("last_id"))
            .where(Answer.suggestion_id.in_(ids))
            .group_by(Answer.suggestion_id, Answer.agency_id).subquery("answered"))


def _rated(ids):
    """Per suggestion: its latest rating's id."""
    return (select(Rating.suggestion_id.label("suggestion_id"),
                   func.max(Rating.id).label("last_id"))
            .where(Rating.suggestion_id.in_(ids))
            .group_by(Rating.suggestion_id).subquery("rated"))


def _rows(plan_id: str, scope, period: Period, starts: list[datetime] | None = None):
    """One row per (suggestion, lead agency) with the times and outcomes the figures use;
    ``starts`` are the first moments of a trend's steps (the ``step`` column).

    Set-based: the agencies' acts, answers and ratings are each grouped once over the plan's
    suggestions of the period and joined, never looked up again row by row.
    """
    made = aliased(Suggestion)
    ids = select(made.id).where(made.plan_id == plan_id, period.condition(made.created_at))
    acts, answered, rated = _acts(ids), _answered(ids), _rated(ids)
    last_answer, last_rating = aliased(Answer), aliased(Rating)

    def same(found):
        return and_(found.c.suggestion_id == Assignment.suggestion_id,
                    found.c.agency_id == Assignment.agency_id)
    query = (
        select(Assignment.agency_id.label("agency_id"), Suggestion.domain.label("domain"),
               Suggestion.plan_id.label("plan_id"), Suggestion.status.label("status"),
               func.coalesce(Suggestion.topic, "").label("topic"),
               Suggestion.task_id.label("task_id"),
               func.coalesce(Group.district, "").label("district"),
               func.coalesce(Group.kind, "").label("group_kind"),
               func.coalesce(Suggestion.group_id, 0).label("group_id"),
               _age_band().label("age_band"),
               step_of(Suggestion.created_at, starts or []).label("step"),
               Suggestion.created_at.label("created_at"),
               Suggestion.sign_due.label("sign_due"), Suggestion.answer_due.label("answer_due"),
               Assignment.is_current.label("current"),
               acts.c.signed_at.label("signed_at"),
               func.coalesce(acts.c.returned, 0).label("returned"),
               answered.c.answered_at.label("answered_at"),
               last_answer.due_weight.label("weight"), last_rating.value.label("rating"))
        .select_from(Assignment).join(Suggestion, Suggestion.id == Assignment.suggestion_id)
        .outerjoin(Group, Group.id == Suggestion.group_id)
        .outerjoin(Member, Member.id == Suggestion.member_id)
        .outerjoin(acts, same(acts)).outerjoin(answered, same(answered))
        # Each latest row found by its suggestion and id together: an index probe per row
        # (``ix_answer_latest``, ``ix_rating_latest``), not a pass over every answer.
        .outerjoin(last_answer, and_(last_answer.suggestion_id == Assignment.suggestion_id,
                                     last_answer.id == answered.c.last_id))
        .outerjoin(rated, rated.c.suggestion_id == Suggestion.id)
        .outerjoin(last_rating, and_(last_rating.suggestion_id == Suggestion.id,
                                     last_rating.id == rated.c.last_id))
        .where(Assignment.role == AgencyRole.LEAD.value, Suggestion.plan_id == plan_id,
               period.condition()))
    if scope is not None:
        query = query.where(scope)
    # Materialized on PostgreSQL: the rows are made once however many measures read them.
    return (query.cte("figure_rows").prefix_with("MATERIALIZED", dialect="postgresql")
            .prefix_with("MATERIALIZED", dialect="sqlite"))


def _count(condition):
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def _days_late(rows, now: datetime, lateness: list) -> object:
    """How many days the row is late: the larger of its sign and answer lateness, each
    counted to the act, or to ``now`` while it waits (NULL when it is not late)."""
    def days(condition, done, due):
        return case((condition, days_between(done if done is not None else moment(now), due)),
                    else_=None)
    sign = func.coalesce(days(*lateness[0]), days(*lateness[1]))
    answer = func.coalesce(days(*lateness[2]), days(*lateness[3]))
    return case((answer.is_(None), sign), (sign.is_(None), answer), (answer > sign, answer),
                else_=sign)


def _measures(rows, now: datetime) -> dict:
    """Every count of ``Figures`` as one SQL aggregate over the rows."""
    waiting_sign = and_(rows.c.current, rows.c.signed_at.is_(None),
                        rows.c.status.in_([s.value for s in WAITING_TO_SIGN]),
                        rows.c.sign_due < now)
    waiting_answer = and_(rows.c.current, rows.c.answered_at.is_(None),
                          rows.c.status.in_([s.value for s in WAITING_FOR_ANSWER]),
                          rows.c.answer_due < now)
    signed_late = rows.c.signed_at > rows.c.sign_due
    answered_late = rows.c.answered_at > rows.c.answer_due
    rated = and_(rows.c.answered_at.is_not(None), rows.c.rating.is_not(None))
    measures = {
        "received": func.count(),
        "signed": func.count(rows.c.signed_at),
        "signed_on_time": _count(rows.c.signed_at <= rows.c.sign_due),
        "waiting_to_sign_late": _count(waiting_sign),
        "returned": func.coalesce(func.sum(rows.c.returned), 0),
        "answered": func.count(rows.c.answered_at),
        "answered_on_time": _count(rows.c.answered_at <= rows.c.answer_due),
        "waiting_for_answer_late": _count(waiting_answer),
        "rated": _count(rated),
        "content": _count(and_(rated, rows.c.rating.in_([v.value for v in CONTENT]))),
        "overdue": _count(signed_late | answered_late | waiting_sign | waiting_answer),
    }
    late = _days_late(rows, now, [(signed_late, rows.c.signed_at, rows.c.sign_due),
                                  (waiting_sign, None, rows.c.sign_due),
                                  (answered_late, rows.c.answered_at, rows.c.answer_due),
                                  (waiting_answer, None, rows.c.answer_due)])
    measures["overdue_days"] = func.coalesce(func.sum(late), 0.0)
    measures["overdue_days_max"] = func.coalesce(func.max(late), 0.0)
    for weight in DueWeight:
        measures[f"weight_{weight.value}"] = _count(rows.c.weight == weight.value)
    return measures


def _figures(row) -> Figures:
    values = dict(row) if isinstance(row, dict) else dict(row._mapping)
    adoption = {w.value: int(values.pop(f"weight_{w.value}")) for w in DueWeight}
    floats = {"overdue_days", "overdue_days_max"}
    return Figures(adoption=adoption, **{
        k: v if k == "key" else float(v) if k in floats else int(v) for k, v in values.items()})


def grouped(session: Session, key: str, *, plan_id: str, period: Period = Period(),
            scope=None, now: datetime | None = None,
            starts: list[datetime] | None = None) -> list[Figures]:
    """Figures per ``key`` (one of ``KEYS``) of one plan, busiest first (a trend's steps,
    ``key="step"`` with their ``starts``, in time order).

    ``scope`` narrows the suggestions counted: the public pages pass
    ``publication.public_condition()`` so a figure never counts what may not be public, an
    agency's dashboard ``for_agency(id)``, a facilitator's ``in_groups(ids)``.
    """
    if key not in KEYS:
        raise ValueError(key)
    rows = _rows(plan_id, scope, period, starts)
    measures = _measures(rows, now or utcnow())
    order = (rows.c.step,) if key == "step" else (func.count().desc(), rows.c[key])
    query = (select(rows.c[key].label("key"), *(m.label(n) for n, m in measures.items()))
             .group_by(rows.c[key]).order_by(*order))
    return [_figures(row) for row in session.execute(query)]


# The keys whose values are whole numbers (``several`` reads every key back as text).
WHOLE_KEYS = ("agency_id", "group_id", "step")


def several(session: Session, keys: tuple[str, ...], *, plan_id: str,
            period: Period = Period(), scope=None, now: datetime | None = None,
            starts: list[datetime] | None = None,
            trend: Period | None = None) -> dict[str, list[Figures]]:
    """``grouped`` for several keys at once, in one query: the rows are made once and each
    key's groups are one branch of a ``UNION ALL`` over them. The ``step`` branch (a trend)
    counts only the rows of ``trend``, a part of ``period``."""
    return several_per(session, keys, plan_id=plan_id, period=period, scope=scope, now=now,
                       starts=starts, trend=trend).get(None) or {key: [] for key in keys}


def several_per(session: Session, keys: tuple[str, ...], *, plan_id: str,
                period: Period = Period(), scope=None, now: datetime | None = None,
                starts: list[datetime] | None = None, trend: Period | None = None,
                per: str | None = None) -> dict[object, dict[str, list[Figures]]]:
    """``several`` for each value of ``per`` at once (``per="agency_id"``: every agency's
    own figures, the same as ``several`` with ``scope=for_agency(id)``, in one query), by
    that value; with no ``per``, the one result is under None."""
    for key in (*keys, *([per] if per else [])):
        if key not in KEYS:
            raise ValueError(key)
    rows = _rows(plan_id, scope, period, starts)
    measures = _measures(rows, now or utcnow())
    owner = rows.c[per] if per else literal(None)
    branches = [
        select(literal(key).label("part"), cast(rows.c[key], String).label("key"),
               owner.label("owner"), *(m.label(n) for n, m in measures.items()))
        .where(trend.condition(rows.c.created_at) if key == "step" and trend else true())
        .group_by(*([owner] if per else []), rows.c[key]) for key in keys]
    found: dict[object, dict[str, list[Figures]]] = {}
    for row in session.execute(union_all(*branches)):
        values = dict(row._mapping)
        part, key, who = values.pop("part"), values["key"], values.pop("owner")
        values["key"] = int(key) if part in WHOLE_KEYS and key is not None else key
        found.setdefault(who, {k: [] for k in keys})[part].append(_figures(values))
    for each in found.values():
        for key, rows_found in each.items():
            rows_found.sort(key=(lambda f: f.key) if key == "step" else
                            (lambda f: (-f.received, f.key is None, f.key or "")))
    return found


def total(found: list[Figures], key: object) -> Figures:
    """The figures of all the groups together: every measure is a count of rows, and each
    row is in one group, so the sums are the whole city's figures (one query saved)."""
    counted = [name for name in Figures.__dataclass_fields__
               if name not in ("key", "adoption", "label")]
    sums = {name: sum(getattr(f, name) for f in found) for name in counted}
    adoption = {w.value: sum(f.adoption.get(w.value, 0) for f in found) for w in DueWeight}
    return Figures(key=key, adoption=adoption, **sums)


def agency_labels(session: Session, plan_id: str) -> dict[int, str]:
    """Every agency of the plan by id: the labels of the figures per agency."""
    return dict(session.execute(select(Agency.id, Agency.name).where(
        Agency.plan_id == plan_id)).all())


def by_agency(session: Session, *, plan_id: str, period: Period = Period(), scope=None,
              now: datetime | None = None) -> list[Figures]:
    """Each agency that led any suggestion of the period, with its name as the label."""
    found = grouped(session, "agency_id", plan_id=plan_id, period=period, scope=scope, now=now)
    names = agency_labels(session, plan_id)
    return [replace(f, label=names.get(f.key, "")) for f in found]


def for_plan(session: Session, *, plan_id: str, period: Period = Period(), scope=None,
             now: datetime | None = None) -> Figures:
    """The whole city's figures: every lead assignment of the plan together."""
    found = grouped(session, "plan_id", plan_id=plan_id, period=period, scope=scope, now=now)
    return found[0] if found else Figures(key=plan_id, adoption={w.value: 0 for w in DueWeight})


def agencies_led(session: Session, plan_id: str, scope=None) -> list[tuple[int, str]]:
    """(id, name) of the agencies that lead any suggestion in scope, for a filter list."""
    query = (select(Agency.id, Agency.name).where(Agency.plan_id == plan_id, exists().where(
        Assignment.agency_id == Agency.id, Assignment.role == AgencyRole.LEAD.value,
        Assignment.suggestion_id == Suggestion.id, true() if scope is None else scope))
        .order_by(Agency.name))
    return [tuple(row) for row in session.execute(query)]


def for_agency(agency_id: int):
    """The scope of one agency's own dashboard: what it led."""
    return Assignment.agency_id == agency_id


def in_groups(group_ids: list[int]):
    """The scope of a facilitator's dashboard: what their groups' children suggested."""
    return Suggestion.group_id.in_(group_ids or [-1])
