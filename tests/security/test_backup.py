"""Checklists 6 and 24: backups are encrypted; a restore drill passes integrity and counts.

Issue 10 item 11: photos, attachments and the instance secret are backed up and restored too
(issue 12: photos and attachments are rows of ``stored_file``, so the dump carries them).
"""

import json
import os
import uuid
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlmodel import select

from models.files import storage
from models.people.tables import Member
from models.privacy import backup as backups
from models.privacy import backup_files

from .conftest import group

CANARY = "金丝雀七号"
PHOTO = b"\xff\xd8 a child's photo: " + CANARY.encode() + b" \xff\xd9"
SECRET = b"the-instance-secret-signing-every-session"


def _places(root: Path) -> backup_files.Places:
    return backup_files.Places(photos=root / "photos", attachments=root / "attachments",
                               secret=root / "secret_key")


def _files(places: backup_files.Places) -> dict[str, bytes]:
    """The instance's files outside the database by archive name, read from disk."""
    found = {f"photos/{p.name}": p.read_bytes() for p in places.photos.glob("*")}
    found |= {f"attachments/{p.name}": p.read_bytes() for p in places.attachments.glob("*")}
    if places.secret.exists():
        found["secret_key"] = places.secret.read_bytes()
    return found


@pytest.fixture
def instance_files(tmp_path, session) -> backup_files.Places:
    """A photo and an agency's attachment in the database, and the instance secret on disk."""
    places = _places(tmp_path / "instance")
    places.secret.parent.mkdir(parents=True)
    places.secret.write_bytes(SECRET)
    storage.put(session, PHOTO, extension="jpg", content_type="image/jpeg")
    storage.put(session, b"%PDF-1.4 answer", extension="pdf", content_type="application/pdf")
    session.commit()
    return places


def _stored(url: str) -> list[bytes]:
    """Every stored file's bytes in the database at url."""
    engine = create_engine(url)
    with engine.connect() as connection:
        found = connection.execute(select(storage.StoredFilePart.data)).scalars().all()
    engine.dispose()
    return sorted(bytes(data) for data in found)


@pytest.fixture
def seeded(session):
    session.add(Member(group_id=group(session).id, nickname=CANARY, birth_year=2015,
                       birth_month=4, pin_hash="x"))
    session.commit()


@pytest.fixture
def empty_target(database_url, tmp_path):
    """A new, empty database of the same kind to restore into."""
    if database_url.startswith("sqlite"):
        yield f"sqlite:///{tmp_path}/restored.sqlite3"
        return
    admin = create_engine(make_url(database_url).set(database="postgres"),
                          isolation_level="AUTOCOMMIT")
    name = f"ts_restore_{uuid.uuid4().hex[:8]}"
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    yield make_url(database_url).set(database=name).render_as_string(hide_password=False)
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def test_a_canary_name_is_not_found_in_the_backup_file(app, database_url, seeded, tmp_path):
    key = backups.generate_key()
    target = tmp_path / "backup.tsb"
    backups.backup(database_url, target, key)
    raw = target.read_bytes()
    assert CANARY.encode() not in raw and b"CREATE TABLE" not in raw
    assert b"suggestion" not in raw
    _header, dump = backups.read(target, key)
    if database_url.startswith("sqlite"):
        assert CANARY.encode() in dump  # the canary was there to find: encryption hid it


def test_restore_drill_passes_integrity_and_reconciles_counts(app, database_url, seeded,
                                                             empty_target, tmp_path):
    key = backups.generate_key()
    header = backups.backup(database_url, tmp_path / "b.tsb", key)
    assert header["counts"]["member"] >= 4
    backups.restore(tmp_path / "b.tsb", empty_target, key)
    assert backups.counts(empty_target) == backups.counts(database_url) == header["counts"]
    engine = create_engine(empty_target)
    with engine.connect() as connection:
        names = connection.execute(select(Member.nickname)).scalars().all()
    engine.dispose()
    assert CANARY in names


def test_a_wrong_key_or_a_changed_byte_is_refused(app, database_url, tmp_path):
    backups.backup(database_url, tmp_path / "b.tsb", backups.generate_key())
    with pytest.raises(backups.BackupError, match="wrong key"):
        backups.read(tmp_path / "b.tsb", backups.generate_key())


def test_restore_never_overwrites_a_live_sqlite_file(app, database_url, tmp_path):
    if not database_url.startswith("sqlite"):
        pytest.skip("SQLite only")
    key = backups.generate_key()
    backups.backup(database_url, tmp_path / "b.tsb", key)
    with pytest.raises(backups.BackupError, match="exists"):
        backups.restore(tmp_path / "b.tsb", database_url, key)


def test_the_commands_back_up_and_restore(database_url, tmp_path, monkeypatch):
    from webapp.cli.commands import cli

    if not database_url.startswith("sqlite"):
        pytest.skip("the command path is the same; the drill above covers PostgreSQL")
    monkeypatch.setenv("DATABASE_URL", database_url)
    runner = CliRunner()
    refused = runner.invoke(cli, ["backup", str(tmp_path / "b.tsb")])
    assert refused.exit_code != 0 and "TONGSHENG_BACKUP_KEY" in refused.output
    monkeypatch.setenv("TONGSHENG_BACKUP_KEY", backups.generate_key())
    made = runner.invoke(cli, ["backup", str(tmp_path / "b.tsb")])
    assert made.exit_code == 0, made.output
    restored = runner.invoke(cli, ["restore", str(tmp_path / "b.tsb"), "--database-url",
                                   f"sqlite:///{tmp_path}/r.sqlite3"])
    assert restored.exit_code == 0 and "counts reconciled" in restored.output
    assert os.path.exists(tmp_path / "r.sqlite3")


def test_photos_attachments_and_the_secret_come_back_after_a_restore(
        app, database_url, empty_target, instance_files, tmp_path):
    key = backups.generate_key()
    header = backups.backup(database_url, tmp_path / "b.tsb", key, instance_files)
    assert list(header["files"]) == ["secret_key"], "photos and attachments are in the dump"
    raw = (tmp_path / "b.tsb").read_bytes()
    assert CANARY.encode() not in raw and SECRET not in raw and b"%PDF" not in raw
    elsewhere = _places(tmp_path / "new-instance")
    backups.restore(tmp_path / "b.tsb", empty_target, key, elsewhere)
    assert _stored(empty_target) == _stored(database_url) == sorted([PHOTO, b"%PDF-1.4 answer"])
    assert _files(elsewhere) == {"secret_key": SECRET}
    assert elsewhere.secret.stat().st_mode & 0o777 == 0o600


def test_a_file_that_does_not_match_its_hash_is_refused_before_anything_is_written(
        app, database_url, empty_target, instance_files, tmp_path):
    """A backup whose archive lost or changed a file is not trusted, even with the right key."""
    key = backups.generate_key()
    backups.backup(database_url, tmp_path / "b.tsb", key, instance_files)
    contents = backups.open_backup(tmp_path / "b.tsb", key)
    files = dict(contents.files)
    files["secret_key"] = b"another secret"
    payload = (json.dumps(contents.header).encode() + b"\n"
               + backup_files.pack({"database": contents.dump, **files}))
    (tmp_path / "bad.tsb").write_bytes(backups._fernet(key).encrypt(payload))
    elsewhere = _places(tmp_path / "new-instance")
    with pytest.raises(backups.BackupError, match="hashes"):
        backups.restore(tmp_path / "bad.tsb", empty_target, key, elsewhere)
    assert _files(elsewhere) == {}
    if database_url.startswith("sqlite"):
        assert not Path(make_url(empty_target).database).exists()


def test_an_older_backups_photos_go_back_to_the_folder_the_upgrade_copies_from(
        app, database_url, empty_target, tmp_path):
    """Backups taken before revision 0006 hold photos/… files; they are restored, not lost."""
    key = backups.generate_key()
    backups.backup(database_url, tmp_path / "b.tsb", key)
    contents = backups.open_backup(tmp_path / "b.tsb", key)
    old = {"photos/0123456789abcdef0123456789abcdef.jpg": PHOTO}
    header = {**contents.header, "files": {n: backup_files.sha256(d) for n, d in old.items()}}
    payload = (json.dumps(header).encode() + b"\n"
               + backup_files.pack({"database": contents.dump, **old}))
    (tmp_path / "old.tsb").write_bytes(backups._fernet(key).encrypt(payload))
    elsewhere = _places(tmp_path / "new-instance")
    backups.restore(tmp_path / "old.tsb", empty_target, key, elsewhere)
    assert _files(elsewhere) == old


def test_the_commands_carry_the_files(database_url, instance_files, tmp_path, monkeypatch):
    from webapp import create_app
    from webapp.cli import backup as backup_cli

    if not database_url.startswith("sqlite"):
        pytest.skip("the command path is the same; the drill above covers PostgreSQL")
    folder = instance_files.secret.parent

    def instance_app():
        app = create_app({"DATABASE_URL": database_url, "SECRET_KEY": "x"})
        app.instance_path = str(folder)
        return app

    monkeypatch.setattr(backup_cli, "create_app", instance_app)
    monkeypatch.setenv("TONGSHENG_BACKUP_KEY", backups.generate_key())
    made = CliRunner().invoke(backup_cli.backup, [str(tmp_path / "b.tsb")])
    assert made.exit_code == 0 and "1 files" in made.output, made.output
    instance_files.secret.unlink()
    restored = CliRunner().invoke(backup_cli.restore, [
        str(tmp_path / "b.tsb"), "--database-url", f"sqlite:///{tmp_path}/r.sqlite3"])
    assert restored.exit_code == 0 and "1 files checked" in restored.output, restored.output
    assert instance_files.secret.read_bytes() == SECRET
    assert _stored(f"sqlite:///{tmp_path}/r.sqlite3") == sorted([PHOTO, b"%PDF-1.4 answer"])
