"""Any web node serves any stored file (issue 12): a node with its own, empty instance
folder serves what another node stored, because files live in the database."""

from __future__ import annotations

import io

from flask import Flask
from sqlmodel import select

from models.files.attachments import Attachment
from tests.flow import accepted
from webapp import create_app

PDF = b"%PDF-1.4\n% the answer, in full\n%%EOF\n"
SHARED = ("TESTING", "SECRET_KEY", "DATABASE_URL", "SESSION_COOKIE_SECURE",
          "RATELIMIT_STORAGE_URI", "PRIVACY_NOTICE_VERSION", "STAFF_TOTP_REQUIRED")


def another_node(app: Flask, client, folder):
    """A second app on the same database, with its own instance folder, signed in with the
    first client's session cookie (the secret is the same on every node)."""
    other = create_app({key: app.config[key] for key in SHARED})
    other.instance_path = str(folder)
    elsewhere = other.test_client()
    elsewhere.set_cookie("session", client.get_cookie("session").value)
    return other, elsewhere


def test_an_attachment_uploaded_on_one_node_is_served_by_another(app, client, auth, session,
                                                                 tmp_path):
    item = accepted(session)
    auth.staff("agency1")
    client.post(f"/agency/items/{item.id}/attach", content_type="multipart/form-data",
                data={"attachment": (io.BytesIO(PDF), "答复.pdf")})
    row = session.exec(select(Attachment).where(Attachment.suggestion_id == item.id)).one()
    other, elsewhere = another_node(app, client, tmp_path / "another-node")
    served = elsewhere.get(f"/agency/items/{item.id}/files/{row.id}")
    assert served.status_code == 200 and served.data == PDF
    assert not (tmp_path / "another-node").exists(), "nothing was read from a folder"
    other.extensions["engine"].dispose()
