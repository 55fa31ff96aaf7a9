"""Serving stored files (photos, attachments, documents), only after the caller's view has
checked access. The files themselves live in the database (``models.files.storage``)."""

from __future__ import annotations

import io

from flask import Response, abort, send_file

from models.files import attachments
from models.files.photos import photo_bytes
from webapp.db import get_session


def send_attachment(suggestion_id: int, attachment_id: int):
    """Serve one file of a suggestion the caller has already been allowed to see."""
    session = get_session()
    row = session.get(attachments.Attachment, attachment_id)
    if row is None or row.suggestion_id != suggestion_id:
        abort(404)
    data = attachments.file_data(session, row)
    if data is None:
        abort(404)
    inline = row.content_type != "application/pdf"
    return send_file(io.BytesIO(data), mimetype=row.content_type, download_name=row.filename,
                     as_attachment=not inline, max_age=0)


def send_photo(name: str, allowed: set[str]):
    """Serve a stored photo, but only one of the names the caller's page may show."""
    if name not in allowed:
        abort(404)
    data = photo_bytes(get_session(), name)
    if data is None:
        abort(404)
    return send_file(io.BytesIO(data), mimetype="image/jpeg", max_age=0)


DOCUMENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def send_document(data: bytes, kind: str, stem: str) -> Response:
    """Minutes or a visit report as a download: `kind` is pdf or docx."""
    return Response(data, mimetype=DOCUMENT_TYPES[kind], headers={
        "Content-Disposition": f'attachment; filename="{stem}.{kind}"'})
