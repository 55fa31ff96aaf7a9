"""Files an agency attaches to its answer: PDF, JPEG or PNG, checked by content, kept private."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

from sqlmodel import Field, Session, SQLModel, select

from models.common import utcnow
from models.files import storage
from models.i18n import N_
from models.refusals import Invalid
from models.suggestions.lifecycle import Actor, record
from models.suggestions.permissions import require

MAX_BYTES = 5 * 1024 * 1024
KINDS = {b"%PDF-": ("application/pdf", "pdf"), b"\xff\xd8\xff": ("image/jpeg", "jpg"),
         b"\x89PNG\r\n\x1a\n": ("image/png", "png")}
_STORED = re.compile(r"^[0-9a-f]{32}\.(pdf|jpg|png)$")


class AttachmentRejected(Invalid):
    """A file we do not keep, with a reason staff can act on."""


class Attachment(SQLModel, table=True):
    """A file on a suggestion; served only through a permission-checked route."""

    id: int | None = Field(default=None, primary_key=True)
    suggestion_id: int = Field(foreign_key="suggestion.id", index=True)
    account_id: int = Field(foreign_key="account.id")
    filename: str = Field(max_length=200)
    stored_name: str = Field(max_length=60, unique=True)
    content_type: str = Field(max_length=40)
    size: int
    created_at: datetime = Field(default_factory=utcnow)


def sniff(data: bytes) -> tuple[str, str]:
    """The content type and extension from the first bytes; the name a browser sent is ignored."""
    for magic, kind in KINDS.items():
        if data.startswith(magic):
            return kind
    raise AttachmentRejected(N_("只能上传 PDF、JPG 或 PNG 文件。"))


def _clean_name(filename: str, extension: str) -> str:
    stem = re.sub(r"[^\w\u4e00-\u9fff.-]+", "_", Path(filename or "").stem)[:80] or N_("附件")
    return f"{stem}.{extension}"


def attach(session: Session, suggestion, *, actor: Actor, filename: str,
           data: bytes) -> Attachment:
    """Keep a file from the agency holding the suggestion, and note it in the history."""
    require(session, actor, suggestion, "assigned")
    if not data:
        raise AttachmentRejected(N_("文件是空的。"))
    if len(data) > MAX_BYTES:
        raise AttachmentRejected(N_("文件太大了，请小于 5MB。"))
    content_type, extension = sniff(data)
    stored = storage.put(session, data, extension=extension, content_type=content_type)
    row = Attachment(suggestion_id=suggestion.id, account_id=actor.id,
                     filename=_clean_name(filename, extension), stored_name=stored,
                     content_type=content_type, size=len(data))
    session.add(row)
    record(session, suggestion, action="attach", actor=actor, note=row.filename)
    return row


def for_suggestion(session: Session, suggestion_id: int) -> list[Attachment]:
    query = select(Attachment).where(Attachment.suggestion_id == suggestion_id)
    return list(session.exec(query.order_by(Attachment.id)))


def file_data(session: Session, row: Attachment) -> bytes | None:
    """The attachment's bytes; None when missing or named in a way we never generate."""
    if not _STORED.match(row.stored_name):
        return None
    return storage.read(session, row.stored_name)
