"""The coordinator's exports: suggestions with their status history, as CSV and Excel."""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from openpyxl import Workbook
from sqlmodel import Session, select

from .agency import Agency
from .common import CHINA
from .plan import load_plan
from .status import STAFF_LABELS, Status
from .suggestion import (
    DUE_WEIGHT_LABELS,
    RATING_LABELS,
    AgencyRole,
    Answer,
    Assignment,
    Event,
    Rating,
    Suggestion,
)

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
COLUMNS = ["编号", "提交时间", "状态", "主题", "领域", "任务", "牵头部门", "配合部门", "内容",
           "签收期限", "答复期限", "超期", "采纳情况", "原因", "下一步", "评价", "经过"]


@dataclass(frozen=True)
class Filters:
    """What the coordinator asked for; every field optional."""

    date_from: date | None = None
    date_to: date | None = None
    domain: str = ""
    agency_id: int | None = None
    status: str = ""

    @classmethod
    def from_args(cls, args) -> Filters:
        """Read query parameters, refusing bad ones with a message staff can act on."""
        try:
            start = date.fromisoformat(args["from"]) if args.get("from") else None
            end = date.fromisoformat(args["to"]) if args.get("to") else None
        except ValueError as error:
            raise ValueError("日期请用 2026-01-31 这样的格式。") from error
        status = args.get("status", "")
        if status and status not in {s.value for s in Status}:
            raise ValueError("没有这个状态。")
        agency = args.get("agency", "")
        if agency and not agency.isdigit():
            raise ValueError("请从列表里选择部门。")
        if start and end and start > end:
            raise ValueError("开始日期不能晚于结束日期。")
        return cls(start, end, args.get("domain", "").strip(), int(agency) if agency else None,
                   status)

    def check(self, session: Session, plan_id: str) -> Filters:
        """Refuse a domain or an agency that is not in this city's plan."""
        if self.domain and self.domain not in domain_names(plan_id):
            raise ValueError("本市规划里没有这个领域，请从列表里选择。")
        if self.agency_id and self.agency_id not in agency_names(session, plan_id):
            raise ValueError("本市没有这个部门，请从列表里选择。")
        return self


def _moment(day: date, tz) -> datetime:
    """The start of a day in the city (China time), as a stored UTC time."""
    return datetime.combine(day, time.min, tzinfo=CHINA).astimezone(tz)


def _query(plan_id: str, filters: Filters, tz):
    query = select(Suggestion).where(Suggestion.plan_id == plan_id)
    if filters.date_from:
        query = query.where(Suggestion.created_at >= _moment(filters.date_from, tz))
    if filters.date_to:
        end = _moment(filters.date_to + timedelta(days=1), tz)
        query = query.where(Suggestion.created_at < end)
    if filters.domain:
        query = query.where(Suggestion.domain == filters.domain)
    if filters.status:
        query = query.where(Suggestion.status == filters.status)
    if filters.agency_id:
        routed = select(Assignment.suggestion_id).where(Assignment.agency_id == filters.agency_id)
        query = query.where(Suggestion.id.in_(routed))
    return query.order_by(Suggestion.created_at)


def domain_names(plan_id: str) -> list[str]:
    """The plan's domains as suggestions store them (the plan's own words)."""
    return [domain.name for domain in load_plan(plan_id).domains]


def agency_names(session: Session, plan_id: str) -> dict[int, str]:
    query = select(Agency.id, Agency.name).where(Agency.plan_id == plan_id)
    return {agency_id: name for agency_id, name in session.exec(query).all()}


def _grouped(session: Session, model, ids: list[int]) -> dict[int, list]:
    found = defaultdict(list)
    if ids:
        for row in session.exec(select(model).where(model.suggestion_id.in_(ids))
                                .order_by(model.id)):
            found[row.suggestion_id].append(row)
    return found


def _when(value: datetime | None) -> str:
    return f"{value:%Y-%m-%d %H:%M}" if value else ""


def _history(events: list[Event]) -> str:
    lines = []
    for e in events:
        move = "" if e.from_status == e.to_status else \
            f" {STAFF_LABELS[Status(e.from_status)]}→{STAFF_LABELS[Status(e.to_status)]}"
        note = f"：{e.note}" if e.note else ""
        lines.append(f"{_when(e.created_at)} {e.action}{move}（{e.actor_name}）{note}")
    return "\n".join(lines)


def rows(session: Session, plan_id: str, filters: Filters) -> list[list[str]]:
    """One row per suggestion, with every event of its history in the last column."""
    from .common import utcnow

    items = list(session.exec(_query(plan_id, filters, utcnow().tzinfo)))
    ids = [s.id for s in items]
    names = agency_names(session, plan_id)
    events, answers = _grouped(session, Event, ids), _grouped(session, Answer, ids)
    ratings, assigned = _grouped(session, Rating, ids), _grouped(session, Assignment, ids)
    out = []
    for s in items:
        current = [a for a in assigned[s.id] if a.is_current]
        leads = "、".join(names[a.agency_id] for a in current if a.role == AgencyRole.LEAD)
        partners = "、".join(names[a.agency_id] for a in current if a.role == AgencyRole.PARTNER)
        answer = answers[s.id][-1] if answers[s.id] else None
        rating = ratings[s.id][-1] if ratings[s.id] else None
        out.append([
            s.tracking_code, _when(s.created_at), STAFF_LABELS[Status(s.status)], s.topic or "",
            s.domain, s.task_title, leads, partners, s.agency_text, _when(s.sign_due),
            _when(s.answer_due), "是" if s.overdue else "",
            DUE_WEIGHT_LABELS[answer.due_weight] if answer else "",
            answer.reason if answer else "", answer.next_step if answer else "",
            RATING_LABELS[rating.value] if rating else "", _history(events[s.id])])
    return out


def _safe(value: str) -> str:
    """Cells that start like a formula are written as text, so a spreadsheet never runs them."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def to_csv(data: list[list[str]]) -> bytes:
    """UTF-8 with a BOM, so Excel opens the Chinese correctly."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    writer.writerows([[_safe(cell) for cell in row] for row in data])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def to_xlsx(data: list[list[str]]) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "儿童建议"
    sheet.append(COLUMNS)
    for row in data:
        sheet.append([_safe(cell) for cell in row])
    sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
