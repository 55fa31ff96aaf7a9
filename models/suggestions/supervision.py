"""督办 that acts: 催办, 督办 and 通报 steps, the overdue board, and 延期申请.

Each step is a row (the record a 督办单 is printed from) and an event in the suggestion's
history; the event tells the lead agency (in-app, and e-mail through the queue).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import String, func
from sqlmodel import Field, Session, SQLModel, select

from models.common import utcnow
from models.i18n import N_
from models.paging import Page, PageRequest, page
from models.plans.tables import Agency
from models.refusals import Invalid
from models.settings import settings_of
from models.suggestions.deadlines import (
    NO_HOLIDAYS,
    WAITING_FOR_ANSWER,
    WAITING_TO_SIGN,
    _comparable,
    answer_due,
    current_due,
    end_of_day,
    is_overdue,
    local_day,
    overdue_items,
    working_days_between,
)
from models.suggestions.lifecycle import record
from models.suggestions.permissions import Actor, require
from models.suggestions.status import InvalidTransition, Status
from models.suggestions.tables import AgencyRole, Assignment, Suggestion

URGE, SUPERVISE, CIRCULATE = 1, 2, 3
LEVELS = {URGE: N_("催办"), SUPERVISE: N_("督办"), CIRCULATE: N_("通报")}
LEVEL_ACTIONS = {URGE: "urge", SUPERVISE: "supervise", CIRCULATE: "circulate"}
OPEN = WAITING_TO_SIGN + WAITING_FOR_ANSWER
NOTE_LIMIT = 1000


class SupervisionStep(SQLModel, table=True):
    """One 催办/督办/通报 by the coordinator: who, when, at which level, to which agencies."""

    __tablename__ = "supervision_step"

    id: int | None = Field(default=None, primary_key=True)
    suggestion_id: int = Field(foreign_key="suggestion.id", index=True)
    level: int
    note: str = Field(default="", max_length=NOTE_LIMIT)
    agencies: str = Field(default="", max_length=500)
    due: datetime | None = None
    days_overdue: int = 0
    actor_id: int | None = Field(default=None, foreign_key="account.id")
    actor_name: str = Field(default="", max_length=120)
    created_at: datetime = Field(default_factory=utcnow)


class ExtensionState(StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    REFUSED = "refused"


class ExtensionRequest(SQLModel, table=True):
    """延期申请: the lead agency asks for a later deadline; the coordinator decides."""

    __tablename__ = "extension_request"

    id: int | None = Field(default=None, primary_key=True)
    suggestion_id: int = Field(foreign_key="suggestion.id", index=True)
    agency_id: int | None = Field(default=None, foreign_key="agency.id")
    requested_by_id: int | None = Field(default=None, foreign_key="account.id")
    reason: str = Field(max_length=NOTE_LIMIT)
    old_due: datetime | None = None
    new_due: datetime
    state: ExtensionState = Field(sa_type=String(20), default=ExtensionState.PENDING)
    answer: str = Field(default="", max_length=NOTE_LIMIT)
    decided_by_id: int | None = Field(default=None, foreign_key="account.id")
    decided_at: datetime | None = None
    created_at: datetime = Field(default_factory=utcnow)


def _text(text: str | None, missing: str) -> str:
    cleaned = (text or "").strip()
    if not cleaned:
        raise Invalid(missing)
    return cleaned[:NOTE_LIMIT]


def days_overdue(suggestion: Suggestion, now: datetime | None = None,
                 holidays: frozenset[date] = NO_HOLIDAYS) -> int:
    """Working days past the deadline that matters now (0 when not past it)."""
    due = current_due(suggestion)
    now = now or utcnow()
    if due is None or not is_overdue(suggestion, now):
        return 0
    return max(1, working_days_between(due, _comparable(now, due), holidays))


def level_of(session: Session, suggestion_id: int) -> int:
    """The highest step taken so far (0: none)."""
    query = select(func.max(SupervisionStep.level)).where(
        SupervisionStep.suggestion_id == suggestion_id)
    return session.exec(query).one() or 0


def lead_agencies(session: Session, suggestion_ids: list[int]) -> dict[int, list[str]]:
    """Each suggestion's current lead agencies by name, in one query."""
    query = (select(Assignment.suggestion_id, Agency.name)
             .join(Agency, Agency.id == Assignment.agency_id)
             .where(Assignment.suggestion_id.in_(suggestion_ids), Assignment.is_current,
                    Assignment.role == AgencyRole.LEAD.value)
             .order_by(Assignment.suggestion_id, Agency.name))
    found: dict[int, list[str]] = {}
    for suggestion_id, name in session.exec(query):
        found.setdefault(suggestion_id, []).append(name)
    return found


def _levels(session: Session, suggestion_ids: list[int]) -> dict[int, int]:
    query = (select(SupervisionStep.suggestion_id, func.max(SupervisionStep.level))
             .where(SupervisionStep.suggestion_id.in_(suggestion_ids))
             .group_by(SupervisionStep.suggestion_id))
    return dict(session.exec(query).all())


@dataclass(frozen=True)
class BoardRow:
    suggestion: Suggestion
    agencies: list[str]
    days_overdue: int
    level: int


def board(session: Session, scoped_query, wanted: PageRequest,
          now: datetime | None = None) -> Page:
    """The 督办 board, one page cut in SQL: agency, working days overdue and level per row."""
    shown = page(session, overdue_items(scoped_query), wanted)
    ids = [s.id for s in shown.items]
    agencies, levels = lead_agencies(session, ids), _levels(session, ids)
    holidays = settings_of(session).holidays
    rows = [BoardRow(s, agencies.get(s.id, []), days_overdue(s, now, holidays), levels.get(s.id, 0))
            for s in shown.items]
    return Page(items=rows, number=shown.number, size=shown.size, total=shown.total)


def escalate(session: Session, suggestion: Suggestion, *, actor: Actor, level: int,
             note: str = "", now: datetime | None = None) -> SupervisionStep:
    """催办 (any open item), 督办 or 通报 (overdue only, one level at a time).

    The step is recorded and the lead agency's staff are told, by notice and queued e-mail.
    """
    require(session, actor, suggestion, "coordinate")
    if level not in LEVELS:
        raise Invalid("请选择催办、督办或通报。")
    if Status(suggestion.status) not in OPEN:
        raise InvalidTransition(N_("这条建议不在部门手里，不需要催办。"))
    now = now or utcnow()
    late = days_overdue(suggestion, now, settings_of(session).holidays)
    if level > URGE and not late:
        raise InvalidTransition(N_("还没有超期，只能催办。"))
    reached = level_of(session, suggestion.id)
    if level > reached + 1:
        raise InvalidTransition(N_("请先%(levels)s，再%(levels2)s。")
                                % {"levels": LEVELS[reached + 1], "levels2": LEVELS[level]})
    names = lead_agencies(session, [suggestion.id]).get(suggestion.id, [])
    step = SupervisionStep(suggestion_id=suggestion.id, level=level, note=(note or "").strip()
                           [:NOTE_LIMIT], agencies="、".join(names)[:500],
                           due=current_due(suggestion), days_overdue=late, actor_id=actor.id,
                           actor_name=actor.name, created_at=now)
    session.add(step)
    words = (N_("超期 %(late)s 个工作日") % {"late": late}) if late else N_("快到期了")
    record(session, suggestion, action=LEVEL_ACTIONS[level], actor=actor,
           note=f"{LEVELS[level]}（{words}）" + (f"：{step.note}" if step.note else ""))
    return step


def steps(session: Session, suggestion_id: int) -> list[SupervisionStep]:
    query = (select(SupervisionStep).where(SupervisionStep.suggestion_id == suggestion_id)
             .order_by(SupervisionStep.id))
    return list(session.exec(query))


def pending_extension(session: Session, suggestion_id: int) -> ExtensionRequest | None:
    query = select(ExtensionRequest).where(ExtensionRequest.suggestion_id == suggestion_id,
                                           ExtensionRequest.state == ExtensionState.PENDING)
    return session.exec(query).first()


def extensions(session: Session, suggestion_id: int) -> list[ExtensionRequest]:
    query = (select(ExtensionRequest).where(ExtensionRequest.suggestion_id == suggestion_id)
             .order_by(ExtensionRequest.id))
    return list(session.exec(query))


def request_extension(session: Session, suggestion: Suggestion, *, actor: Actor, reason: str,
                      new_date: date | None) -> ExtensionRequest:
    """延期申请 by the lead agency: a reason and a new date later than the current deadline."""
    require(session, actor, suggestion, "lead")
    if Status(suggestion.status) not in OPEN:
        raise InvalidTransition(N_("这条建议已经不在办理中，不需要延期。"))
    reason = _text(reason, N_("请写下为什么需要延期。"))
    due = current_due(suggestion)
    if new_date is None:
        raise Invalid("请选择新的期限。")
    new_due = end_of_day(new_date, like=due)
    if due is not None and new_due <= due:
        raise Invalid("新的期限要晚于现在的期限。")
    if pending_extension(session, suggestion.id) is not None:
        raise InvalidTransition(N_("已经有一份延期申请在等妇儿工委办决定。"))
    asked = ExtensionRequest(suggestion_id=suggestion.id, agency_id=actor.agency_id,
                             requested_by_id=actor.id, reason=reason, old_due=due,
                             new_due=new_due)
    session.add(asked)
    record(session, suggestion, action="extension_request", actor=actor,
           note=(N_("申请延期到 %(new_date)s：%(reason)s")
                 % {"new_date": format(new_date, '%Y-%m-%d'), "reason": reason}))
    return asked


def decide_extension(session: Session, asked: ExtensionRequest, *, actor: Actor,
                     approve: bool, answer: str = "",
                     now: datetime | None = None) -> ExtensionRequest:
    """The coordinator approves (the deadline moves) or refuses (with a reason)."""
    suggestion = session.get(Suggestion, asked.suggestion_id)
    require(session, actor, suggestion, "coordinate")
    if asked.state != ExtensionState.PENDING:
        raise InvalidTransition(N_("这份延期申请已经处理过了。"))
    if approve and Status(suggestion.status) not in OPEN:
        raise InvalidTransition(N_("这条建议已经不在办理中，不需要延期。"))
    answer = (answer or "").strip()[:NOTE_LIMIT] if approve else _text(
        answer, N_("不同意延期时，请写下原因。"))
    now = now or utcnow()
    asked.state = ExtensionState.APPROVED if approve else ExtensionState.REFUSED
    asked.answer, asked.decided_by_id, asked.decided_at = answer, actor.id, now
    session.add(asked)
    new_day = f"{local_day(asked.new_due):%Y-%m-%d}"
    if approve:
        _move_deadline(suggestion, asked.new_due, now)
        note = (N_("同意延期，新的期限是 %(new_day)s")
                % {"new_day": new_day}) + (f"：{answer}" if answer else "")
    else:
        note = (N_("不同意延期到 %(new_day)s：%(answer)s") % {"new_day": new_day, "answer": answer})
    record(session, suggestion, action="extension_" + asked.state.value, actor=actor,
           note=note)
    return asked


def _move_deadline(suggestion: Suggestion, new_due: datetime, now: datetime) -> None:
    """The deadline that matters now moves; while waiting to sign, the answer date follows."""
    if Status(suggestion.status) in WAITING_TO_SIGN:
        suggestion.sign_due = new_due
        suggestion.answer_due = answer_due(suggestion.plan_id, new_due)
    else:
        suggestion.answer_due = new_due
    suggestion.overdue = is_overdue(suggestion, now)
