"""The 督办单: one A4 sheet per 督办/通报 step, with the item and every step before it.

It carries the agency text only (already masked), never the child's own words or name.
"""

from __future__ import annotations

from sqlmodel import Session

from models.common import utcnow
from models.files.pdfdoc import render
from models.suggestions.deadlines import local_day
from models.suggestions.supervision import LEVELS, SupervisionStep, steps
from models.suggestions.tables import Suggestion


def _day(moment) -> str:
    return f"{local_day(moment):%Y-%m-%d}" if moment else "—"


def sheet_lines(session: Session, suggestion: Suggestion,
                step: SupervisionStep) -> list[tuple[str, int]]:
    """(text, size) lines of the sheet, so a test can read what the PDF says."""
    label = LEVELS[step.level]
    found = [(f"{label}单", 18),
             (f"编号：{local_day(step.created_at):%Y}-{step.id:05d}", 11),
             (f"建议编号：{suggestion.tracking_code}", 11),
             (f"承办部门：{step.agencies or '—'}", 11),
             (f"期限：{_day(step.due)}　超期：{step.days_overdue} 个工作日", 11),
             (f"发出：{step.actor_name or '妇儿工委办'}　{_day(step.created_at)}", 11),
             ("要求", 13), (step.note or f"请收到{label}单后尽快办理并答复。", 11),
             ("建议内容（已隐去个人信息）", 13), (suggestion.agency_text, 11),
             ("督办记录", 13)]
    for earlier in steps(session, suggestion.id):
        if earlier.id <= step.id:
            found.append((f"{_day(earlier.created_at)}　{LEVELS[earlier.level]}"
                          f"　超期 {earlier.days_overdue} 个工作日"
                          + (f"　{earlier.note}" if earlier.note else ""), 11))
    found.append((f"打印时间：{_day(utcnow())}", 9))
    return found


def sheet_pdf(session: Session, suggestion: Suggestion, step: SupervisionStep) -> bytes:
    """The sheet as a PDF (FontMissing when the server has no Chinese font)."""
    lines = sheet_lines(session, suggestion, step)
    return render(lines[0][0], lines[1:])
