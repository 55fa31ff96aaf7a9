"""Weekly and monthly reports for the leadership, as Excel and PDF.

A report covers the suggestions children made in one calendar week (Monday to Sunday) or
month, in the city's own time: how many, the rates (``figures``), the topics most raised,
the agencies with overdue items, and what was answered. It carries the agency text (already
masked) and answers, never a child's own words, name or group.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import func
from sqlmodel import Session, select

from classifier.topics import TOPIC_LABELS
from models.common import CHINA, utcnow
from models.office import dashboard, figures
from models.office.board import masked
from models.office.exports import add_filter, layout, local_naive, text_cells
from models.office.figures import Figures, Period
from models.people.tables import Member
from models.plans.plan import load_plan
from models.suggestions.status import STAFF_LABELS, Status
from models.suggestions.tables import DUE_WEIGHT_LABELS, Answer, Suggestion

KINDS = {"weekly": "周报", "monthly": "月报"}
RATE_NAMES = ("按期签收率", "按期办结率", "满意率", "退单率")


@dataclass(frozen=True)
class Report:
    """Everything one report says, so the Excel and the PDF say the same."""

    kind: str
    city: str
    first: date
    last: date
    by_status: list[tuple[str, int]]
    city_figures: Figures
    agencies: list[Figures]
    topics: list[tuple[str, int]]
    overdue: list[Figures]
    answered: list[tuple[str, str, str, str]]

    @property
    def title(self) -> str:
        return (f"{self.city}儿童建议{KINDS[self.kind]}"
                f"（{self.first:%Y-%m-%d} 至 {self.last:%Y-%m-%d}）")


def period_of(kind: str, day: date) -> tuple[date, date]:
    """The last whole week or month before ``day`` (its first and last days)."""
    if kind == "weekly":
        monday = day - timedelta(days=day.weekday() + 7)
        return monday, monday + timedelta(days=6)
    if kind == "monthly":
        last = day.replace(day=1) - timedelta(days=1)
        return last.replace(day=1), last
    raise ValueError(kind)


def _moment(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=CHINA)


def _rates(f: Figures) -> list[str]:
    return ["" if r.percent is None else f"{r.percent}%（{r.part}/{r.whole}）"
            for r in (f.on_time_sign, f.on_time_answer, f.satisfaction, f.return_rate)]


def build(session: Session, plan_id: str, kind: str, day: date) -> Report:
    """The report of the last whole week or month before ``day``."""
    first, last = period_of(kind, day)
    period = Period(start=_moment(first), end=_moment(last + timedelta(days=1)))
    made = (Suggestion.plan_id == plan_id, period.condition())
    by_status = [(STAFF_LABELS[Status(s)], n) for s, n in session.exec(
        select(Suggestion.status, func.count()).where(*made).group_by(Suggestion.status)
        .order_by(func.count().desc()))]
    topics = [(TOPIC_LABELS.get(t, t or "待分类"), n) for t, n in session.exec(
        select(Suggestion.topic, func.count()).where(*made).group_by(Suggestion.topic)
        .order_by(func.count().desc()).limit(5))]
    agencies = dashboard.ranking(figures.by_agency(session, plan_id=plan_id, period=period))
    answered = [(code, masked(text, name)[:200], DUE_WEIGHT_LABELS[weight],
                 masked(child, name)[:200])
                for code, text, weight, child, name in session.exec(
                    select(Suggestion.tracking_code, func.coalesce(
                        func.nullif(Suggestion.clarified_text, ""), Suggestion.redacted_text),
                        Answer.due_weight, Answer.child_text, Member.nickname)
                    .join(Answer, Answer.suggestion_id == Suggestion.id)
                    .outerjoin(Member, Member.id == Suggestion.member_id).where(*made)
                    .where(~Suggestion.urgent).order_by(Answer.created_at).limit(50))]
    return Report(kind=kind, city=load_plan(plan_id).city, first=first, last=last,
                  by_status=by_status,
                  city_figures=figures.for_plan(session, plan_id=plan_id, period=period),
                  agencies=agencies, topics=topics,
                  overdue=[f for f in agencies if f.overdue], answered=answered)


def sheets(report: Report) -> list[tuple[str, list[str], list[int], list[list]]]:
    """(sheet name, header, widths, rows) of each part, for Excel and for the PDF."""
    city = report.city_figures
    return [
        ("概况", ["项目", "数值"], [20, 40],
         [["报告", report.title], ["收到的建议", city.received],
          *[[name, value] for name, value in zip(RATE_NAMES, _rates(city), strict=True)],
          ["超期件数", city.overdue], *[[f"状态：{label}", n] for label, n in report.by_status]]),
        ("各部门", ["名次", "部门", "收到", *RATE_NAMES, "超期"], [6, 24, 8, 16, 16, 16, 16, 8],
         [[i, f.label, f.received, *_rates(f), f.overdue]
          for i, f in enumerate(report.agencies, start=1)]),
        ("主要议题", ["主题", "件数"], [20, 10], [list(t) for t in report.topics]),
        ("超期部门", ["部门", "超期件数", "按期办结率"], [24, 10, 16],
         [[f.label, f.overdue, _rates(f)[1]] for f in report.overdue]),
        ("孩子们说了什么", ["编号", "建议（已隐去个人信息）", "采纳情况", "给孩子的回复"],
         [12, 48, 10, 48], [list(a) for a in report.answered]),
    ]


def to_xlsx(report: Report) -> bytes:
    """The report as a workbook: one sheet per part, Chinese headers, filters and widths."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    for name, header, widths, rows in sheets(report):
        sheet = book.create_sheet(name)
        layout(sheet, header, widths)
        cell = text_cells(sheet)
        sheet.append([cell(h) for h in header])
        for row in rows:
            sheet.append([v if isinstance(v, int) else cell(v) for v in row])
        add_filter(sheet, len(header), len(rows))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def pdf_lines(report: Report) -> list[tuple[str, int]]:
    """(text, size) lines of the PDF, so a test can read what it says."""
    found = [(f"{report.first:%Y-%m-%d} 至 {report.last:%Y-%m-%d}，按北京时间。", 10)]
    for name, _header, _widths, rows in sheets(report):
        found.append((name, 14))
        found += [("　".join(str(v) for v in row), 10) for row in rows] or [("（无）", 10)]
        if name == "各部门":
            found.append(("排名：" + figures.RANKING.meaning, 9))
    found.append((f"生成时间：{local_naive(utcnow()):%Y-%m-%d %H:%M}", 9))
    return found


def to_pdf(report: Report) -> bytes:
    """The same report as an A4 PDF (FontMissing when the server has no Chinese font)."""
    from models.files.pdfdoc import render

    return render(report.title, pdf_lines(report))
