"""Checklists 6 and 24: backups are encrypted; a restore drill passes integrity and counts."""

import os
import uuid

import pytest
from click.testing import CliRunner
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlmodel import select

from models import backup as backups
from models.people import Member

from .conftest import group

CANARY = "金丝雀七号"


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
    from webapp.cli import cli

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
