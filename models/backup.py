"""Encrypted backups and restores: SQLite through VACUUM INTO, PostgreSQL through pg_dump.

A backup file is one Fernet token (AES-128-CBC + HMAC-SHA256) over a JSON header (dialect,
time, row counts per table) and the dump, so nothing in it is readable without the key
(TONGSHENG_BACKUP_KEY). SQLite is never copied as a live file: VACUUM INTO writes a
consistent snapshot, checked with PRAGMA integrity_check before it is encrypted.
"""

from __future__ import annotations

import json
import sqlite3

# pg_dump / pg_restore run with a fixed argument list and no shell.
import subprocess  # nosec B404
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken
from sqlalchemy import MetaData, create_engine, func, select
from sqlalchemy.engine import make_url

from .common import write_durably
from .db import normalise_url

FORMAT = "tongsheng-backup/1"


class BackupError(RuntimeError):
    """A backup or restore that must not be trusted, with the reason."""


def generate_key() -> str:
    return Fernet.generate_key().decode()


def _fernet(key: str | bytes) -> Fernet:
    try:
        return Fernet(key)
    except (ValueError, TypeError) as error:
        raise BackupError("TONGSHENG_BACKUP_KEY is not a valid Fernet key") from error


def counts(url: str) -> dict[str, int]:
    """Rows per table: what a restore drill reconciles."""
    engine = create_engine(normalise_url(url))
    try:
        meta = MetaData()
        meta.reflect(engine)
        with engine.connect() as connection:
            return {name: connection.execute(select(func.count()).select_from(table)).scalar_one()
                    for name, table in sorted(meta.tables.items())}
    finally:
        engine.dispose()


def _sqlite_path(url: str) -> Path:
    return Path(make_url(url).database)


def _integrity(path: Path) -> None:
    with sqlite3.connect(path) as connection:
        result = connection.execute("PRAGMA integrity_check").fetchone()[0]
    if result != "ok":
        raise BackupError(f"integrity_check failed: {result}")


def _dump_sqlite(url: str) -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        snapshot = Path(folder) / "snapshot.sqlite3"
        with sqlite3.connect(_sqlite_path(url)) as source:
            source.execute("VACUUM INTO ?", (str(snapshot),))
        _integrity(snapshot)
        return snapshot.read_bytes()


def _libpq(url: str) -> str:
    return make_url(normalise_url(url)).set(drivername="postgresql").render_as_string(
        hide_password=False)


def _dump_postgresql(url: str) -> bytes:
    result = subprocess.run(["pg_dump", "--format=custom", "--no-owner", "--dbname", _libpq(url)],
                            capture_output=True, check=False, timeout=600)  # nosec B603 B607
    if result.returncode != 0:
        raise BackupError("pg_dump failed: " + result.stderr.decode(errors="replace")[:300])
    return result.stdout


def backup(url: str, target: str | Path, key: str | bytes) -> dict:
    """Write an encrypted, integrity-checked backup; returns its header."""
    url = normalise_url(url)
    dialect = "sqlite" if url.startswith("sqlite") else "postgresql"
    dump = _dump_sqlite(url) if dialect == "sqlite" else _dump_postgresql(url)
    header = {"format": FORMAT, "dialect": dialect, "counts": counts(url),
              "taken_at": datetime.now(UTC).isoformat()}
    payload = json.dumps(header).encode() + b"\n" + dump
    write_durably(Path(target), _fernet(key).encrypt(payload))
    return header


def read(source: str | Path, key: str | bytes) -> tuple[dict, bytes]:
    """Decrypt and split a backup; a wrong key or a changed byte is refused."""
    try:
        payload = _fernet(key).decrypt(Path(source).read_bytes())
    except InvalidToken as error:
        raise BackupError("wrong key, or the backup file was changed") from error
    head, _sep, dump = payload.partition(b"\n")
    header = json.loads(head)
    if header.get("format") != FORMAT:
        raise BackupError("not a TongSheng backup")
    return header, dump


def restore(source: str | Path, url: str, key: str | bytes) -> dict:
    """Restore into the database at url (a new SQLite file, or an empty PostgreSQL database),
    then check integrity and that every table has the row count the backup recorded."""
    header, dump = read(source, key)
    url = normalise_url(url)
    if header["dialect"] == "sqlite":
        target = _sqlite_path(url)
        if target.exists():
            raise BackupError(f"{target} exists: restore into a new file, then swap it in")
        write_durably(target, dump)
        _integrity(target)
    else:
        result = subprocess.run(["pg_restore", "--no-owner", "--exit-on-error", "--dbname",
                                 _libpq(url)], input=dump, capture_output=True, check=False,
                                timeout=600)  # nosec B603 B607
        if result.returncode != 0:
            raise BackupError("pg_restore failed: " + result.stderr.decode(errors="replace")[:300])
    found = counts(url)
    if found != header["counts"]:
        raise BackupError("row counts differ from the backup")
    return header
