"""Reports and complaints from any page: a ticket the coordinator must answer.

未成年人保护法 第七十八条 requires that such reports are received and answered.
"""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Field, Session, SQLModel, select

from models.common import new_code, utcnow
from models.i18n import N_
from models.refusals import Invalid
from models.safety.safeguarding import case_for_thread, screen

REPORT_KINDS = {
    "bullying": N_("有人欺负我或别人"),
    "harmful": N_("看到不好的内容"),
    "privacy": N_("我的信息被别人看到了 / 想删除我的信息"),
    "security": N_("发现网站的安全问题"),
    "other": N_("其他问题或投诉"),
}


def _ticket_code() -> str:
    return "R-" + new_code(6)


class Report(SQLModel, table=True):
    """A complaint or report; no account id is kept, only the kind of person who sent it."""

    id: int | None = Field(default=None, primary_key=True)
    ticket: str = Field(default_factory=_ticket_code, unique=True, max_length=12)
    plan_id: str = Field(default="", max_length=40)
    kind: str = Field(max_length=20)
    message: str = Field(max_length=2000)
    page: str = Field(default="", max_length=200)
    reporter_kind: str = Field(default="anonymous", max_length=20)
    is_closed: bool = False
    created_at: datetime = Field(default_factory=utcnow, index=True)


def file_report(session: Session, *, kind: str, message: str, page: str = "",
                reporter_kind: str = "anonymous", plan_id: str = "") -> Report:
    """Store a report and return its ticket; one that may mean a child is in danger opens a
    safeguarding case in the same transaction."""
    if kind not in REPORT_KINDS:
        raise Invalid("请选择是什么问题。")
    if not message.strip():
        raise Invalid("请写一写发生了什么。")
    row = Report(kind=kind, message=message.strip()[:2000], page=page[:200],
                 reporter_kind=reporter_kind, plan_id=plan_id)
    session.add(row)
    session.flush()
    screen(session, text=row.message, thread=f"report:{row.ticket}", channel="report",
           plan_id=plan_id, source=row.ticket)
    session.flush()
    return row


def case_of(session: Session, report: Report):
    """The safeguarding case a report opened, if its words may mean a child is in danger."""
    return case_for_thread(session, f"report:{report.ticket}")


def open_reports(session: Session, plan_id: str) -> list[Report]:
    query = select(Report).where(Report.is_closed.is_(False),
                                 (Report.plan_id == plan_id) | (Report.plan_id == ""))
    return list(session.exec(query.order_by(Report.id.desc())))
