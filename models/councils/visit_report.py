"""An observer visit's report, exported as Word or PDF with the group's photos."""

from __future__ import annotations

import io

from sqlmodel import Session

from models.councils.checklists import RATINGS
from models.councils.observation import Visit, checklist_of, items
from models.files.pdfdoc import render
from models.files.photos import photo_bytes
from models.i18n import N_


def title(visit: Visit) -> str:
    return (N_("%(name)s观察报告：%(place_name)s")
            % {"name": checklist_of(visit).name, "place_name": visit.place_name})


def rows(session: Session, visit: Visit) -> list[tuple[str, str, str, str | None]]:
    """(item, verdict, what was said, photo name) for every item, in checklist order."""
    found = []
    for row in items(session, visit):
        item = checklist_of(visit).item(row.item_key)
        found.append((item.label, RATINGS.get(row.rating or "", N_("未评价")),
                      row.comment or item.look_for, row.photo))
    return found


def _photo(session: Session, name: str | None) -> io.BytesIO | None:
    data = photo_bytes(session, name)
    return io.BytesIO(data) if data is not None else None


def report_docx(session: Session, visit: Visit) -> bytes:
    """The visit report as a Word document, photos included."""
    from docx import Document
    from docx.shared import Cm

    document = Document()
    document.add_heading(title(visit), level=1)
    document.add_paragraph(N_("观察日期：%(value)s") % {"value": visit.visited_on.isoformat()})
    if visit.notes:
        document.add_paragraph(visit.notes)
    for label, verdict, said, photo in rows(session, visit):
        document.add_heading(f"{label}：{verdict}", level=2)
        document.add_paragraph(said)
        picture = _photo(session, photo)
        if picture is not None:
            document.add_picture(picture, width=Cm(8))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def report_pdf(session: Session, visit: Visit) -> bytes:
    """The visit report as an A4 PDF with a Chinese font and the photos."""
    items = [(N_("观察日期：%(value)s") % {"value": visit.visited_on.isoformat()}, 11)]
    if visit.notes:
        items.append((visit.notes, 11))
    for label, verdict, said, photo in rows(session, visit):
        items += [(f"{label}：{verdict}", 13), (said, 11)]
        picture = photo_bytes(session, photo)
        if picture is not None:
            items.append((picture, 70))
    return render(title(visit), items)
