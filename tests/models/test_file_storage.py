"""Uploads live in the database (issue 12): the upgrade to revision 0006 copies the files an
instance kept on disk into ``stored_file``, and only names we generate are ever looked up."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import command

from models.db import make_engine, normalise_url
from models.files import storage
from tests.models.test_migration_upgrade import empty_url  # noqa: F401  (fixture)
from webapp.db import alembic_config, upgrade_database

PHOTO = "0123456789abcdef0123456789abcdef.jpg"
PDF = "fedcba9876543210fedcba9876543210.pdf"


def _instance(tmp_path) -> dict:
    folders = {"photos": tmp_path / "photos", "attachments": tmp_path / "attachments"}
    for folder in folders.values():
        folder.mkdir()
    (folders["photos"] / PHOTO).write_bytes(b"\xff\xd8\xff a photo")
    (folders["attachments"] / PDF).write_bytes(b"%PDF-1.4 an answer")
    (folders["photos"] / "notes.txt").write_bytes(b"not ours")
    (folders["attachments"] / (PDF + ".part")).write_bytes(b"half written")
    return folders


def _stored(url: str) -> dict[str, tuple[str, bytes]]:
    engine = make_engine(url)
    with engine.connect() as connection:
        rows = connection.execute(sa.text(
            "SELECT f.name, f.content_type, p.data FROM stored_file f "
            "JOIN stored_file_part p ON p.name = f.name"))
        found = {name: (kind, bytes(data)) for name, kind, data in rows}
    engine.dispose()
    return found


def test_the_upgrade_copies_the_instance_files_into_the_database(empty_url, tmp_path):  # noqa: F811
    command.upgrade(alembic_config(normalise_url(empty_url)), "0005")
    folders = _instance(tmp_path)
    upgrade_database(empty_url, folders)
    assert _stored(empty_url) == {PHOTO: ("image/jpeg", b"\xff\xd8\xff a photo"),
                                  PDF: ("application/pdf", b"%PDF-1.4 an answer")}
    assert (folders["photos"] / PHOTO).exists(), "the files stay until the operator checks"


def test_stored_files_are_found_only_by_names_we_generate(session):
    name = storage.put(session, b"%PDF-1.4", extension="pdf", content_type="application/pdf")
    session.commit()
    assert storage.read(session, name) == b"%PDF-1.4"
    for bad in ("../secret_key", name.upper(), name + "/", "", None):
        assert storage.get(session, bad) is None
    storage.remove(session, [name, "../secret_key"])
    session.commit()
    assert storage.get(session, name) is None


def test_a_large_file_is_kept_in_parts_and_read_back_whole(session, monkeypatch):
    monkeypatch.setattr(storage, "PART_BYTES", 10)
    chunks = [b"0123456", b"789abcdefghij", b"", b"k"]
    name = storage.put_stream(session, chunks, extension="csv", content_type="text/csv")
    session.commit()
    assert list(storage.stream(session, name)) == [b"0123456789", b"abcdefghij", b"k"]
    assert storage.get(session, name).size == 21 and storage.read(session, name) == b"".join(chunks)
