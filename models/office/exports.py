"""The coordinator's exports: suggestions with their status history, as CSV and Excel.

What a clerk can use: times in the city's own time (China), topics, statuses and actions in
Chinese, a child never named (the history says 小朋友), and in Excel real date cells, a
filter on every column and widths that fit.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import cache
from typing import BinaryIO

from sqlalchemy import true, tuple_
from sqlmodel import Session, select

from classifier.topics import TOPIC_LABELS
from models import paging
from models.common import CHINA, local_time, utcnow
from models.plans.plan import load_plan
from models.plans.tables import Agency
from models.refusals import Invalid
from models.suggestions.status import STAFF_LABELS, Status
from models.suggestions.tables import (
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
# Excel column widths (characters), in the order of COLUMNS.
WIDTHS = [12, 17, 10, 12, 24, 24, 18, 18, 48, 17, 17, 6, 10, 24, 24, 10, 60]
CHILD_ACTORS = ("child", "code")
# Rows per round of queries: five queries per chunk, and a chunk's rows are all that is held.
CHUNK = 2000


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
            raise Invalid("日期请用 2026-01-31 这样的格式。") from error
        status = args.get("status", "")
        if status and status not in {s.value for s in Status}:
            raise Invalid("没有这个状态。")
        agency = args.get("agency", "")
        if agency and not agency.isdigit():
            raise Invalid("请从列表里选择部门。")
        if start and end and start > end:
            raise Invalid("开始日期不能晚于结束日期。")
        return cls(start, end, args.get("domain", "").strip(), int(agency) if agency else None,
                   status)

    def check(self, session: Session, plan_id: str) -> Filters:
        """Refuse a domain or an agency that is not in this city's plan."""
        if self.domain and self.domain not in domain_names(plan_id):
            raise Invalid("本市规划里没有这个领域，请从列表里选择。")
        if self.agency_id and self.agency_id not in agency_names(session, plan_id):
            raise Invalid("本市没有这个部门，请从列表里选择。")
        return self


# Plain columns, not table objects: building an ORM object costs more than writing its row.
_SUGGESTION = (Suggestion.id, Suggestion.tracking_code, Suggestion.created_at, Suggestion.status,
               Suggestion.topic, Suggestion.domain, Suggestion.task_title,
               Suggestion.clarified_text, Suggestion.redacted_text, Suggestion.sign_due,
               Suggestion.answer_due, Suggestion.overdue)

def _moment(day: date, tz) -> datetime:
    """The start of a day in the city (China time), as a stored UTC time."""
    return datetime.combine(day, time.min, tzinfo=CHINA).astimezone(tz)


def _query(plan_id: str, filters: Filters, tz, readable=None):
    query = select(*_SUGGESTION).where(Suggestion.plan_id == plan_id,
                                       true() if readable is None else readable)
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
    return query


def domain_names(plan_id: str) -> list[str]:
    """The plan's domains as suggestions store them (the plan's own words)."""
    return [domain.name for domain in load_plan(plan_id).domains]


def agency_names(session: Session, plan_id: str) -> dict[int, str]:
    query = select(Agency.id, Agency.name).where(Agency.plan_id == plan_id)
    return {agency_id: name for agency_id, name in session.exec(query).all()}


def _chunks(session: Session, query, size: int):
    """The query's suggestions a chunk at a time, by keyset on (created_at, id).

    Yields each chunk's rows and a query of the chunk's ids, which the related rows are
    fetched by (a subquery, never one bind parameter per id).
    """
    after = None
    while True:
        chunk = query
        if after is not None:
            # A row value, so the database walks the (plan_id, created_at, id) index.
            chunk = chunk.where(tuple_(Suggestion.created_at, Suggestion.id) > tuple_(*after))
        chunk = chunk.order_by(Suggestion.created_at, Suggestion.id).limit(size)
        items = session.connection().execute(chunk).all()
        if not items:
            return
        yield items, chunk.with_only_columns(Suggestion.id)
        after = (items[-1].created_at, items[-1].id)


_RELATED = {
    "events": (Event, (Event.action, Event.from_status, Event.to_status, Event.actor_name,
                       Event.actor_kind, Event.note, Event.created_at)),
    "answers": (Answer, (Answer.due_weight, Answer.reason, Answer.next_step)),
    "ratings": (Rating, (Rating.value,)),
    "assigned": (Assignment, (Assignment.agency_id, Assignment.role, Assignment.is_current)),
}


def _related(session: Session, name: str, ids) -> dict[int, list]:
    model, columns = _RELATED[name]
    found = defaultdict(list)
    query = (select(model.suggestion_id, *columns).where(model.suggestion_id.in_(ids))
             .order_by(model.id))
    # Plain rows through the connection: no ORM bookkeeping for a hundred thousand events.
    for row in session.connection().execute(query).all():
        found[row.suggestion_id].append(row)
    return found


def local_naive(value: datetime | None) -> datetime | None:
    """A stored UTC time as the city's clock shows it, without a zone (Excel has none)."""
    return local_time(value).replace(tzinfo=None) if value else None


def _when(value: datetime | None) -> str:
    """2026-01-31 08:05 in China time (isoformat is several times faster than strftime)."""
    return value.isoformat(" ", "minutes")[:16] if value else ""


def _history(events: list) -> str:
    """One line per step, in Chinese; a child is 小朋友, never their nickname."""
    labels, actions = _status_labels(), _action_labels()
    lines = []
    for e in events:
        move = "" if e.from_status == e.to_status else \
            f" {labels[e.from_status]}→{labels[e.to_status]}"
        note = f"：{e.note}" if e.note else ""
        who = "小朋友" if e.actor_kind in CHILD_ACTORS else e.actor_name
        lines.append(f"{_when(local_time(e.created_at))} {actions.get(e.action, e.action)}"
                     f"{move}（{who}）{note}")
    return "\n".join(lines)


@cache
def _status_labels() -> dict[str, str]:
    """Each status's staff label by its stored value (a lookup per event, not an Enum)."""
    return {status.value: STAFF_LABELS[status] for status in Status}


@cache
def _action_labels() -> dict[str, str]:
    from models.suggestions.timeline import ACTION_LABELS

    return dict(ACTION_LABELS)


def _row(s, names: dict[int, str], related: dict[str, dict]) -> list:
    current = [a for a in related["assigned"][s.id] if a.is_current]
    leads = "、".join(names[a.agency_id] for a in current if a.role == AgencyRole.LEAD)
    partners = "、".join(names[a.agency_id] for a in current if a.role == AgencyRole.PARTNER)
    answers, ratings = related["answers"][s.id], related["ratings"][s.id]
    answer = answers[-1] if answers else None
    rating = ratings[-1] if ratings else None
    return [
        s.tracking_code, local_naive(s.created_at), _status_labels()[s.status],
        TOPIC_LABELS.get(s.topic, s.topic or ""),
        s.domain, s.task_title, leads, partners, s.clarified_text or s.redacted_text,
        local_naive(s.sign_due), local_naive(s.answer_due), "是" if s.overdue else "",
        DUE_WEIGHT_LABELS[answer.due_weight] if answer else "",
        answer.reason if answer else "", answer.next_step if answer else "",
        RATING_LABELS[rating.value] if rating else "", _history(related["events"][s.id])]


def count(session: Session, plan_id: str, filters: Filters, readable=None) -> int:
    """How many rows an export will have (for the progress bar)."""
    return paging.count(session, _query(plan_id, filters, utcnow().tzinfo, readable))


def row_batches(session: Session, plan_id: str, filters: Filters, readable=None,
                chunk: int | None = None) -> Iterator[list[list[str]]]:
    """One row per suggestion, with its whole history in the last column, a chunk at a time.

    Only a chunk's rows are ever held (as plain columns), so memory stays flat however many
    suggestions the city has. ``readable`` is the reader's rule for held suggestions
    (``models.safety.held.readable_condition``): a disclosure never leaves in a file.
    """
    names = agency_names(session, plan_id)
    query = _query(plan_id, filters, utcnow().tzinfo, readable)
    for items, ids in _chunks(session, query, chunk or CHUNK):
        related = {name: _related(session, name, ids) for name in _RELATED}
        yield [_row(s, names, related) for s in items]


def rows(session: Session, plan_id: str, filters: Filters) -> list[list[str]]:
    """Every row at once: for small exports and tests."""
    return [row for batch in row_batches(session, plan_id, filters) for row in batch]


# A cell a spreadsheet would read as a formula (or as DDE): =, +, -, @ in any width
# (NFKC folds ＝＋－＠ and the small forms onto them), or a tab, CR or LF before them.
_FORMULA_STARTS = frozenset("=+-@")
_CONTROL_STARTS = frozenset("\t\r\n")


def formula_like(value: str) -> bool:
    """True if a spreadsheet could take this text for a formula."""
    head = value.lstrip(" \u3000")[:1]
    return bool(head) and (value[:1] in _CONTROL_STARTS or _formula_head(head))


@cache
def _formula_head(head: str) -> bool:
    """One character's verdict, kept: a few thousand distinct first characters in a city."""
    return unicodedata.normalize("NFKC", head) in _FORMULA_STARTS


def csv_cell(value) -> str:
    """CSV has no types: a formula-like cell gets a leading ' so Excel shows it as text;
    a time is written as the city reads it, 2026-01-31 08:05."""
    if isinstance(value, datetime):
        return _when(value)
    value = "" if value is None else str(value)
    return "'" + value if formula_like(value) else value


def csv_stream(batches: Iterable[list[list[str]]],
               header: list[str] = COLUMNS) -> Iterator[bytes]:
    """UTF-8 with a BOM (so Excel opens the Chinese correctly), one chunk of rows at a time."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    yield ("\ufeff" + out.getvalue()).encode("utf-8")
    for batch in batches:
        out.seek(0)
        out.truncate()
        writer.writerows([[csv_cell(cell) for cell in row] for row in batch])
        yield out.getvalue().encode("utf-8")


def to_csv(data: list[list[str]]) -> bytes:
    return b"".join(csv_stream([data]))


def text_cells(sheet):
    """A maker of string cells for this sheet: Excel shows the text as written and never
    evaluates it."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    def text_cell(value):
        if isinstance(value, datetime):
            cell = WriteOnlyCell(sheet, value=value)
            cell.number_format = "yyyy-mm-dd hh:mm"
            return cell
        cell = WriteOnlyCell(sheet, value=ILLEGAL_CHARACTERS_RE.sub("", "" if value is None
                                                                    else str(value)))
        cell.data_type = "s"
        return cell
    return text_cell


def layout(sheet, header: list[str], widths: list[int]) -> None:
    """Widths and a frozen header, set before the first row (write-only mode asks for it)."""
    from openpyxl.utils import get_column_letter

    sheet.freeze_panes = "A2"
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width


def add_filter(sheet, columns: int, rows: int) -> None:
    """A filter button on every column of the header (written when the sheet is saved)."""
    from openpyxl.utils import get_column_letter

    sheet.auto_filter.ref = f"A1:{get_column_letter(columns)}{max(rows, 1) + 1}"


def write_xlsx(batches: Iterable[list[list[str]]], target: BinaryIO | str,
               progress: Callable[[int], None] | None = None, *, header: list[str] = COLUMNS,
               widths: list[int] = WIDTHS, title: str = "儿童建议") -> None:
    """Excel in openpyxl's write-only mode: rows go to disk as they come, memory stays flat.
    (openpyxl, with NumPy and Pillow, loads here: a process that never writes Excel, such as
    a queue worker sending mail, never maps them.)"""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet(title[:31])
    layout(sheet, header, widths)
    text_cell = text_cells(sheet)
    sheet.append([text_cell(name) for name in header])
    done = 0
    for batch in batches:
        for row in batch:
            sheet.append([text_cell(cell) for cell in row])
        done += len(batch)
        if progress:
            progress(done)
    add_filter(sheet, len(header), done)
    book.save(target)


def table_xlsx(header: list[str], rows: list[list[str]], title: str) -> bytes:
    """A small table (a dashboard's figures) as Excel, with the same widths, frozen header
    and filter as the exports."""
    out = io.BytesIO()
    widths = [28] + [14] * (len(header) - 1)
    write_xlsx([rows], out, header=header, widths=widths, title=title)
    return out.getvalue()


def to_xlsx(data: list[list[str]]) -> bytes:
    out = io.BytesIO()
    write_xlsx([data], out)
    return out.getvalue()
