"""Safeguarding cases: a child who may be in danger gets a restricted case and a report trail.

A case is opened for every urgent disclosure. Only the group's facilitators and the city's
safeguarding lead (a coordinator with ``is_safeguarding_lead``) can see it; agencies never
can. It holds copies rather than links (tracking code, nickname, words), so it survives a
deletion request: the law (未成年人保护法 第十一条, 强制报告制度) wants the record kept.
Reports made are append-only rows.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import String, case, false, func
from sqlmodel import Field, Session, SQLModel, select

from .common import utcnow
from .people import Account, GroupFacilitator, Role
from .suggestion import Suggestion


class CaseStatus(StrEnum):
    OPEN = "open"
    REPORTED = "reported"
    CLOSED = "closed"


CASE_STATUS_LABELS = {CaseStatus.OPEN: "待处理", CaseStatus.REPORTED: "已报告",
                      CaseStatus.CLOSED: "已结案"}

# 强制报告: who to call, in the order a worried adult needs them.
REPORT_STEPS = [
    ("110", "公安机关（110）", "孩子正处在危险中，或疑似遭受侵害：立即报警。这是强制报告义务。"),
    ("civil_affairs", "民政部门 / 未成年人保护工作站",
     "疑似监护缺失、监护侵害，同时报告民政部门。"),
    ("education", "教育行政部门", "涉及学校或校园欺凌的，同时报告教育行政部门。"),
    ("12355", "12355 青少年服务台", "告诉孩子可以打 12355，获得心理和法律帮助。"),
]
REPORT_TARGETS = {key: label for key, label, _why in REPORT_STEPS}


class SafeguardingCase(SQLModel, table=True):
    """A restricted record of one disclosure; kept even when the child's data is deleted."""

    __tablename__ = "safeguarding_case"

    id: int | None = Field(default=None, primary_key=True)
    plan_id: str = Field(max_length=40, index=True)
    group_id: int | None = Field(default=None, index=True)
    suggestion_code: str = Field(max_length=16, unique=True)
    child_label: str = Field(default="", max_length=40)
    disclosure: str = Field(max_length=4000)
    status: CaseStatus = Field(sa_type=String(20), default=CaseStatus.OPEN)
    opened_at: datetime = Field(default_factory=utcnow)
    closed_at: datetime | None = None


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


def leads(session: Session, plan_id: str) -> list[Account]:
    """The city's safeguarding leads."""
    query = select(Account).where(Account.plan_id == plan_id, Account.is_active,
                                  Account.role == Role.COORDINATOR,
                                  Account.is_safeguarding_lead)
    return list(session.exec(query))


def open_case(session: Session, suggestion: Suggestion, child_label: str = "") -> SafeguardingCase:
    """Open the case for an urgent suggestion (once) and tell the leads at once."""
    found = session.exec(select(SafeguardingCase).where(
        SafeguardingCase.suggestion_code == suggestion.tracking_code)).first()
    if found is not None:
        return found
    case = SafeguardingCase(plan_id=suggestion.plan_id, group_id=suggestion.group_id,
                            suggestion_code=suggestion.tracking_code, child_label=child_label,
                            disclosure=suggestion.original_text)
    session.add(case)
    session.flush()
    from .notifications import notify

    for lead in leads(session, suggestion.plan_id):
        notify(session, kind="safeguarding", account=lead, email=True,
               message=(f"安全个案 #{case.id}：有孩子可能处在危险中，"
                        "请立即查看并按强制报告要求处理。"),
               dedupe=f"safeguarding:{case.id}:{lead.id}")
    session.commit()
    return case


def may_see(session: Session, account: Account, case: SafeguardingCase) -> bool:
    """The group's facilitators and the city's safeguarding lead; nobody else."""
    if account.role == Role.COORDINATOR:
        return account.is_safeguarding_lead and account.plan_id == case.plan_id
    if account.role == Role.FACILITATOR and case.group_id is not None:
        return session.exec(select(GroupFacilitator).where(
            GroupFacilitator.group_id == case.group_id,
            GroupFacilitator.account_id == account.id)).first() is not None
    return False


def _in_scope(query, account: Account):
    """The same rule as may_see, as SQL: one query however many cases the city has."""
    if account.role == Role.COORDINATOR and account.is_safeguarding_lead:
        return query.where(SafeguardingCase.plan_id == account.plan_id)
    if account.role == Role.FACILITATOR:
        mine = select(GroupFacilitator.group_id).where(GroupFacilitator.account_id == account.id)
        return query.where(SafeguardingCase.group_id.in_(mine))
    return query.where(false())


def visible_cases(account: Account):
    """The cases this account may see, as a query: open ones first, then newest first."""
    unreported = case((SafeguardingCase.status == CaseStatus.OPEN.value, 0), else_=1)
    query = select(SafeguardingCase).order_by(unreported, SafeguardingCase.id.desc())
    return _in_scope(query, account)


def count_open_cases(session: Session, account: Account) -> int:
    """Cases this account may see that nobody has reported yet: shown on every page they open."""
    query = select(func.count()).select_from(SafeguardingCase).where(
        SafeguardingCase.status == CaseStatus.OPEN)
    return session.exec(_in_scope(query, account)).one()


def get_case(session: Session, account: Account, case_id: int) -> SafeguardingCase | None:
    """The case if this account may see it; None (shown as 404) otherwise."""
    case = session.get(SafeguardingCase, case_id)
    return case if case is not None and may_see(session, account, case) else None


def reports(session: Session, case: SafeguardingCase) -> list[SafeguardingReport]:
    query = select(SafeguardingReport).where(SafeguardingReport.case_id == case.id)
    return list(session.exec(query.order_by(SafeguardingReport.id)))


def record_report(session: Session, *, case: SafeguardingCase, account: Account, target: str,
                  reference: str = "", note: str = "") -> SafeguardingReport:
    """Keep the record of a report made; the case becomes "reported"."""
    if target not in REPORT_TARGETS:
        raise ValueError("请选择向哪里报告。")
    row = SafeguardingReport(case_id=case.id, target=target, reference=reference.strip()[:80],
                             note=note.strip()[:1000], account_id=account.id)
    session.add(row)
    if case.status == CaseStatus.OPEN:
        case.status = CaseStatus.REPORTED
        session.add(case)
    session.commit()
    return row


def close_case(session: Session, *, case: SafeguardingCase) -> None:
    """Closed once the child is safe; a case with no report on record cannot be closed."""
    if not reports(session, case):
        raise ValueError("请先记录已经向哪里报告，再结案。")
    case.status = CaseStatus.CLOSED
    case.closed_at = utcnow()
    session.add(case)
    session.commit()
