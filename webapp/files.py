"""Where uploaded files live, and serving them only after the caller's view has checked access."""

from __future__ import annotations

from pathlib import Path

from flask import Flask, Response, abort, current_app, send_file

from models import attachments
from models.photos import photo_path

from .db import get_session


def photo_folder(app: Flask | None = None) -> Path:
    """Children's photos: PHOTO_FOLDER, or photos/ in the instance folder."""
    app = app or current_app
    return Path(app.config.get("PHOTO_FOLDER") or Path(app.instance_path) / "photos")


def attachment_folder(app: Flask | None = None) -> Path:
    """Files agencies attach to their answers, in the instance folder."""
    return Path((app or current_app).instance_path) / "attachments"


def send_attachment(suggestion_id: int, attachment_id: int):
    """Serve one file of a suggestion the caller has already been allowed to see."""
    row = get_session().get(attachments.Attachment, attachment_id)
    if row is None or row.suggestion_id != suggestion_id:
        abort(404)
    try:
        path = attachments.file_path(attachment_folder(), row)
    except FileNotFoundError:
        abort(404)
    if not path.is_file():
        abort(404)
    inline = row.content_type != "application/pdf"
    return send_file(path, mimetype=row.content_type, download_name=row.filename,
                     as_attachment=not inline)


def send_photo(name: str, allowed: set[str]):
    """Serve a stored photo, but only one of the names the caller's page may show."""
    if name not in allowed:
        abort(404)
    try:
        path = photo_path(photo_folder(), name)
    except FileNotFoundError:
        abort(404)
    if not path.exists():
        abort(404)
    return send_file(path, mimetype="image/jpeg", max_age=0)


DOCUMENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def send_document(data: bytes, kind: str, stem: str) -> Response:
    """Minutes or a visit report as a download: `kind` is pdf or docx."""
    return Response(data, mimetype=DOCUMENT_TYPES[kind], headers={
        "Content-Disposition": f'attachment; filename="{stem}.{kind}"'})
