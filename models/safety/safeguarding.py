"""Safeguarding cases: a child who may be in danger gets a restricted case and a report trail.

A case belongs to a conversation (a chat, a child in a meeting, a visit, a form, a rating, a
report), not to one message: once it is open, everything the child says afterwards in that
conversation is added to it instead of becoming a suggestion. Only the group's facilitators,
the city's safeguarding leads and (while the city has no lead, or once the case has been
escalated) the city's coordinators can see it; agencies never can. It holds copies rather
than links (source code, nickname, words), so it survives a deletion request: the law
(未成年人保护法 第十一条, 强制报告制度) wants the record kept. Reports made and the case's
history are append-only rows.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import JSON, Column, String, false, func, or_
from sqlalchemy import case as sql_case
from sqlmodel import Field, Session, SQLModel, select

from models.common import new_code, utcnow
from models.i18n import N_, data_of, stored
from models.notices.notifications import coordinators, facilitators, notify
from models.people.tables import Account, GroupFacilitator, Role
from models.refusals import Conflict, Invalid
from models.settings import settings_of
from models.suggestions.tables import Suggestion


class CaseStatus(StrEnum):
    OPEN = "open"
    REPORTED = "reported"
    CLOSED = "closed"


CASE_STATUS_LABELS = {CaseStatus.OPEN: N_("待处理"), CaseStatus.REPORTED: N_("已报告"),
                      CaseStatus.CLOSED: N_("已结案")}

# 强制报告: who to call, in the order a worried adult needs them.
REPORT_STEPS = [
    ("110", N_("公安机关（110）"),
     N_("孩子正处在危险中，或疑似遭受侵害：立即报警。这是强制报告义务。")),
    ("civil_affairs", N_("民政部门 / 未成年人保护工作站"),
     N_("疑似监护缺失、监护侵害，同时报告民政部门。")),
    ("education", N_("教育行政部门"), N_("涉及学校或校园欺凌的，同时报告教育行政部门。")),
    ("12355", N_("12355 青少年服务台"), N_("告诉孩子可以打 12355，获得心理和法律帮助。")),
]
REPORT_TARGETS = {key: label for key, label, _why in REPORT_STEPS}

# What a case's history holds: the child's words, an adult's words to the child, and steps.
CHILD, STAFF, STEP = "child", "staff", "step"
STAFF_ROLES = (Role.COORDINATOR, Role.FACILITATOR)


def _case_code() -> str:
    """Short enough for a child to copy, long enough not to be guessed (31^6 ≈ 9×10^8)."""
    return new_code(6)


class SafeguardingCase(SQLModel, table=True):
    """A restricted record of one conversation with a child who may be in danger."""

    __tablename__ = "safeguarding_case"

    id: int | None = Field(default=None, primary_key=True)
    plan_id: str = Field(max_length=40, index=True)
    group_id: int | None = Field(default=None, index=True)
    # The record that opened the case: a suggestion's tracking code or a report's ticket.
    suggestion_code: str = Field(max_length=16, unique=True)
    child_label: str = Field(default="", max_length=40)
    disclosure: str = Field(max_length=4000)
    status: CaseStatus = Field(sa_type=String(20), default=CaseStatus.OPEN)
    opened_at: datetime = Field(default_factory=utcnow)
    closed_at: datetime | None = None
    # The code the child is shown, to come back to the conversation on any device.
    code: str | None = Field(default_factory=_case_code, max_length=12, unique=True, index=True)
    # Which conversation the case is: "chat:<id>", "meeting:<id>:<member>", "visit:…", …
    thread: str = Field(default="", max_length=120, index=True)
    channel: str = Field(default="", max_length=20)
    # The chat where the child keeps talking and the lead can write back.
    conversation_id: str | None = Field(default=None, max_length=32)
    acknowledged_at: datetime | None = None
    acknowledged_by_id: int | None = None
    escalation_level: int = 0
    # When the case escalates if nobody has acknowledged it by then.
    due_at: datetime | None = Field(default=None, index=True)


class SafeguardingReport(SQLModel, table=True):
    """A report made to an authority (append-only): to whom, when, the receipt number."""

    __tablename__ = "safeguarding_report"

    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="safeguarding_case.id", index=True)
    target: str = Field(max_length=20)
    reference: str = Field(default="", max_length=80)
    note: str = Field(default="", max_length=1000)
    account_id: int = Field(foreign_key="account.id")
    reported_at: datetime = Field(default_factory=utcnow)


class SafeguardingEntry(SQLModel, table=True):
    """The case's history (append-only): every word either way and every step taken."""

    __tablename__ = "safeguarding_entry"

    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="safeguarding_case.id", index=True)
    kind: str = Field(max_length=20)
    channel: str = Field(default="", max_length=20)
    text: str = Field(max_length=4000)
    # A step the platform wrote: its message, so the case reads in each adult's language.
    text_data: dict | None = Field(default=None, sa_column=Column(JSON, nullable=True))
    account_id: int | None = Field(default=None, foreign_key="account.id")
    suggestion_id: int | None = None
    created_at: datetime = Field(default_factory=utcnow)

    @property
    def shown(self) -> str:
        """A platform step in the reader's language; what a person said as they said it."""
        return stored(self.text, self.text_data)


class HeldForSafeguarding(Conflict):
    """A suggestion of a safeguarding case goes nowhere until the lead decides."""


def is_flagged(text: str) -> bool:
    """The classifier's safeguarding check on one text (rules, pinyin, then the model)."""
    from classifier.safeguard import is_urgent

    return bool(text and text.strip()) and is_urgent(text).urgent


def leads(session: Session, plan_id: str) -> list[Account]:
    """The city's safeguarding leads, in the order they are called."""
    query = (select(Account).where(Account.plan_id == plan_id, Account.is_active,
                                   Account.role.in_(STAFF_ROLES), Account.is_safeguarding_lead)
             .order_by(Account.safeguarding_lead_since, Account.id))
    return list(session.exec(query))


def has_lead(session: Session, plan_id: str) -> bool:
    return bool(leads(session, plan_id))


def add_entry(session: Session, case: SafeguardingCase, kind: str, text: str, *,
              channel: str = "", account: Account | None = None,
              suggestion_id: int | None = None, at: datetime | None = None) -> SafeguardingEntry:
    """Append one line to the case's history (flushed, committed by the caller)."""
    entry = SafeguardingEntry(case_id=case.id, kind=kind, channel=channel, text=text[:4000],
                              text_data=data_of(text),
                              account_id=account.id if account else None,
                              suggestion_id=suggestion_id, created_at=at or utcnow())
    session.add(entry)
    session.flush()
    return entry


def hear(session: Session, case: SafeguardingCase, text: str, *, channel: str) -> None:
    """The child said more in the same conversation: it joins the case, nothing else."""
    add_entry(session, case, CHILD, text, channel=channel)


def history(session: Session, case: SafeguardingCase) -> list[SafeguardingEntry]:
    query = select(SafeguardingEntry).where(SafeguardingEntry.case_id == case.id)
    return list(session.exec(query.order_by(SafeguardingEntry.id)))


def child_words(session: Session, case: SafeguardingCase) -> list[str]:
    """Everything the child said that the case holds, oldest first."""
    return [e.text for e in history(session, case) if e.kind == CHILD]


def case_for_thread(session: Session, thread: str | None) -> SafeguardingCase | None:
    """The case this conversation already is, unless it has been closed."""
    if not thread:
        return None
    query = (select(SafeguardingCase)
             .where(SafeguardingCase.thread == thread,
                    SafeguardingCase.status != CaseStatus.CLOSED)
             .order_by(SafeguardingCase.id.desc()))
    return session.exec(query).first()


def case_by_code(session: Session, code: str) -> SafeguardingCase | None:
    """A case the child can still come back to, by the code the chat showed."""
    code = (code or "").strip().upper()
    if not code:
        return None
    query = select(SafeguardingCase).where(SafeguardingCase.code == code,
                                           SafeguardingCase.status != CaseStatus.CLOSED)
    return session.exec(query).first()


def open_case(session: Session, *, plan_id: str, text: str, source: str, thread: str,
              channel: str, group_id: int | None = None, child_label: str = "",
              suggestion: Suggestion | None = None) -> SafeguardingCase:
    """Open the case and alert the people on duty, in the caller's transaction.

    Not committed here: the suggestion (if any) and its case are written together.
    """
    if suggestion is not None and suggestion.case_id is not None:
        return session.get(SafeguardingCase, suggestion.case_id)
    case = SafeguardingCase(plan_id=plan_id, group_id=group_id, suggestion_code=source,
                            child_label=child_label, disclosure=text[:4000], thread=thread,
                            channel=channel)
    session.add(case)
    session.flush()
    hear(session, case, text, channel=channel)
    if suggestion is not None:
        suggestion.case_id = case.id
        session.add(suggestion)
    alert_opened(session, case)
    return case


def screen(session: Session, *, text: str, thread: str, channel: str, plan_id: str,
           source: str, group_id: int | None = None,
           child_label: str = "") -> SafeguardingCase | None:
    """Words that are not a suggestion (a rating comment, a visit note, a report).

    They join the conversation's open case, or open one when flagged; not committed.
    """
    case = case_for_thread(session, thread)
    if case is not None:
        hear(session, case, text, channel=channel)
        return case
    if not is_flagged(text):
        return None
    return open_case(session, plan_id=plan_id, text=text, source=source, thread=thread,
                     channel=channel, group_id=group_id, child_label=child_label)


def open_for_suggestion(session: Session, suggestion: Suggestion, *, thread: str | None,
                        channel: str, child_label: str = "") -> SafeguardingCase:
    """The case of an urgent suggestion; its conversation defaults to the suggestion itself."""
    return open_case(session, plan_id=suggestion.plan_id, text=suggestion.original_text,
                     source=suggestion.tracking_code,
                     thread=thread or f"{channel}:{suggestion.tracking_code}", channel=channel,
                     group_id=suggestion.group_id, child_label=child_label,
                     suggestion=suggestion)


def _released(session: Session, suggestion: Suggestion) -> bool:
    query = select(SafeguardingEntry.id).where(
        SafeguardingEntry.case_id == suggestion.case_id, SafeguardingEntry.kind == STEP,
        SafeguardingEntry.suggestion_id == suggestion.id, SafeguardingEntry.channel == "release")
    return session.exec(query).first() is not None


def dispatchable(session: Session, suggestion: Suggestion) -> bool:
    """Not part of a case, or the lead has decided it may go to an agency."""
    return suggestion.case_id is None or _released(session, suggestion)


def check_not_held(session: Session, suggestion: Suggestion) -> None:
    if not dispatchable(session, suggestion):
        raise HeldForSafeguarding(N_("这条建议属于一个安全个案，要等安全负责人决定以后才能派单。"))


def publishable(suggestion: Suggestion) -> bool:
    """Nothing urgent and nothing from a safeguarding case is ever offered for publication."""
    return bool(suggestion.consent_to_publish) and not suggestion.urgent \
        and suggestion.case_id is None


def is_lead_for(session: Session, account: Account, plan_id: str) -> bool:
    """The city's lead, or any coordinator while the city has none."""
    if account.plan_id != plan_id or account.role not in STAFF_ROLES:
        return False
    if account.is_safeguarding_lead:
        return True
    return account.role == Role.COORDINATOR and not has_lead(session, plan_id)


def release(session: Session, *, case: SafeguardingCase, suggestion: Suggestion,
            account: Account) -> None:
    """The lead decides that a suggestion of the case may be handled as a normal one."""
    if suggestion.case_id != case.id:
        raise Invalid("这条建议不属于这个个案。")
    if not is_lead_for(session, account, case.plan_id):
        raise HeldForSafeguarding(N_("只有安全负责人可以决定把个案里的建议交给部门。"))
    released = N_("%(display_name)s 决定建议 %(tracking_code)s 可以按普通建议处理") % {
        "display_name": account.display_name, "tracking_code": suggestion.tracking_code}
    add_entry(session, case, STEP, released, channel="release", account=account,
              suggestion_id=suggestion.id)
    session.flush()


def suggestions_of(session: Session, case: SafeguardingCase) -> list[Suggestion]:
    query = select(Suggestion).where(Suggestion.case_id == case.id).order_by(Suggestion.id)
    return list(session.exec(query))


def may_see(session: Session, account: Account, case: SafeguardingCase) -> bool:
    """The group's facilitators, the city's leads, and its coordinators when it must reach them."""
    if account.plan_id != case.plan_id or account.role not in STAFF_ROLES:
        return False
    if account.is_safeguarding_lead:
        return True
    if account.role == Role.COORDINATOR:
        return case.escalation_level > 0 or not has_lead(session, case.plan_id)
    return case.group_id is not None and session.exec(select(GroupFacilitator).where(
        GroupFacilitator.group_id == case.group_id,
        GroupFacilitator.account_id == account.id)).first() is not None


def _in_scope(session: Session, query, account: Account):
    """The same rule as may_see, as SQL: one query however many cases the city has."""
    if account.role not in STAFF_ROLES:
        return query.where(false())
    city = SafeguardingCase.plan_id == account.plan_id
    if account.is_safeguarding_lead:
        return query.where(city)
    if account.role == Role.COORDINATOR:
        if not has_lead(session, account.plan_id):
            return query.where(city)
        return query.where(city, SafeguardingCase.escalation_level > 0)
    mine = select(GroupFacilitator.group_id).where(GroupFacilitator.account_id == account.id)
    return query.where(city, SafeguardingCase.group_id.in_(mine))


def visible_cases(session: Session, account: Account):
    """The cases this account may see, as a query: open ones first, then newest first."""
    unreported = sql_case((SafeguardingCase.status == CaseStatus.OPEN.value, 0), else_=1)
    query = select(SafeguardingCase).order_by(unreported, SafeguardingCase.id.desc())
    return _in_scope(session, query, account)


def open_board(session: Session, account: Account) -> list[SafeguardingCase]:
    """The cases still open, the oldest first: the ones waiting longest come first."""
    query = (select(SafeguardingCase)
             .where(or_(SafeguardingCase.status == CaseStatus.OPEN,
                        SafeguardingCase.status == CaseStatus.REPORTED))
             .order_by(SafeguardingCase.opened_at))
    return list(session.exec(_in_scope(session, query, account)))


def count_open_cases(session: Session, account: Account) -> int:
    """Cases this account may see that nobody has reported yet: shown on their own pages."""
    query = select(func.count()).select_from(SafeguardingCase).where(
        SafeguardingCase.status == CaseStatus.OPEN)
    return session.exec(_in_scope(session, query, account)).one()


def get_case(session: Session, account: Account, case_id: int) -> SafeguardingCase | None:
    """The case if this account may see it; None (shown as 404) otherwise."""
    case = session.get(SafeguardingCase, case_id)
    return case if case is not None and may_see(session, account, case) else None


def reports(session: Session, case: SafeguardingCase) -> list[SafeguardingReport]:
    query = select(SafeguardingReport).where(SafeguardingReport.case_id == case.id)
    return list(session.exec(query.order_by(SafeguardingReport.id)))


def record_report(session: Session, *, case: SafeguardingCase, account: Account, target: str,
                  reference: str = "", note: str = "") -> SafeguardingReport:
    """Keep the record of a report made; the case becomes "reported" (and is taken in hand)."""
    if target not in REPORT_TARGETS:
        raise Invalid("请选择向哪里报告。")
    row = SafeguardingReport(case_id=case.id, target=target, reference=reference.strip()[:80],
                             note=note.strip()[:1000], account_id=account.id)
    session.add(row)
    take_in_hand(session, case, account)
    add_entry(session, case, STEP, (N_("%(display_name)s 记录了报告：%(report_targets)s")
                                    % {"display_name": account.display_name,
                                       "report_targets": REPORT_TARGETS[target]}),
              account=account)
    if case.status == CaseStatus.OPEN:
        case.status = CaseStatus.REPORTED
        session.add(case)
    session.flush()
    return row


def close_case(session: Session, *, case: SafeguardingCase,
               account: Account | None = None) -> None:
    """Closed once the child is safe; a case with no report on record cannot be closed."""
    if not reports(session, case):
        raise Invalid("请先记录已经向哪里报告，再结案。")
    case.status = CaseStatus.CLOSED
    case.closed_at = utcnow()
    case.due_at = None
    session.add(case)
    add_entry(session, case, STEP, (N_("%(value)s 结案")
                                    % {"value": account.display_name if account else N_('童声')}),
              account=account)
    session.flush()


# The first alert and taking a case in hand; escalation lives in ``models.safety.duty``.
CASES_OPENED = "tongsheng_cases_opened"


def _tell(session: Session, case: SafeguardingCase, people: list[Account], level: int,
          message: str) -> list[Account]:
    told = {}
    for person in people:
        if person.id in told:
            continue
        notify(session, kind="safeguarding", account=person, email=True, message=message,
               dedupe=f"safeguarding:{case.id}:{level}:{person.id}")
        told[person.id] = person
    return list(told.values())


def first_responders(session: Session, case: SafeguardingCase) -> list[Account]:
    """The group's facilitators and the first lead; every coordinator while there is no lead."""
    on_duty = leads(session, case.plan_id)[:1] or coordinators(session, case.plan_id)
    return facilitators(session, case.group_id) + on_duty


def alert_opened(session: Session, case: SafeguardingCase, now: datetime | None = None) -> None:
    """Tell the people on duty (queued e-mail) and start the clock."""
    now = now or utcnow()
    told = _tell(session, case, first_responders(session, case), 0,
                 (N_("安全个案 #%(id)s：有孩子可能处在危险中，请立即查看并按强制报告要求处理。")
                  % {"id": case.id}))
    case.due_at = now + settings_of(session).duty.delay
    session.add(case)
    add_entry(session, case, STEP, N_("已通知：%(names)s") % {"names": _names(told)}, at=now)
    session.info.setdefault(CASES_OPENED, []).append(case.id)


def _names(people: list[Account]) -> str:
    return "、".join(p.display_name for p in people) or "（没有人可以通知）"


def take_in_hand(session: Session, case: SafeguardingCase, account: Account,
                 now: datetime | None = None) -> bool:
    """Someone who may see the case says "我来处理": the escalation stops (the caller commits)."""
    if case.acknowledged_at is not None:
        return False
    now = now or utcnow()
    case.acknowledged_at, case.acknowledged_by_id, case.due_at = now, account.id, None
    session.add(case)
    add_entry(session, case, STEP, f"{account.display_name} 确认接手", account=account, at=now)
    return True
