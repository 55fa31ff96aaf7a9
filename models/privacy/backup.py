"""Encrypted backups and restores: SQLite through VACUUM INTO, PostgreSQL through pg_dump.

A backup file is one Fernet token (AES-128-CBC + HMAC-SHA256) over a JSON header (dialect,
time, row counts per table, the SHA-256 of every file) and a tar archive of the dump (which
holds the children's photos and the agencies' attachments) and the instance secret, so
nothing in it is readable without the key (TONGSHENG_BACKUP_KEY, kept apart from the
backups). SQLite is never copied as a live file: VACUUM INTO writes a consistent snapshot,
checked with PRAGMA integrity_check before it is encrypted. A restore checks every file
against its hash before it writes anything, and again on disk after.
"""

from __future__ import annotations

import json
import sqlite3

# pg_dump / pg_restore run with a fixed argument list and no shell.
import subprocess  # nosec B404
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote, urlencode

from cryptography.fernet import Fernet, InvalidToken
from sqlalchemy import MetaData, create_engine, func, select
from sqlalchemy.engine import make_url

from models.common import write_durably
from models.db import normalise_url
from models.privacy.backup_files import (
    BackupError,
    Places,
    gather_files,
    known_name,
    pack,
    restore_files,
    sha256,
    unpack,
)

FORMAT = "tongsheng-backup/2"
DATABASE_ONLY = "tongsheng-backup/1"  # older backups: the dump alone, still restorable
DATABASE = "database"


@dataclass(frozen=True)
class Contents:
    """A decrypted backup: its header, the database dump and the files by archive name."""

    header: dict
    dump: bytes
    files: dict[str, bytes]


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
    """The address as libpq reads it. Its query (options=-c …) is percent-encoded: SQLAlchemy
    writes a space as '+', which libpq would pass on to the server as a plus sign."""
    parsed = make_url(normalise_url(url))
    address = parsed.set(drivername="postgresql", query={}).render_as_string(hide_password=False)
    if not parsed.query:
        return address
    return address + "?" + urlencode(parsed.query, doseq=True, quote_via=quote)


def _dump_postgresql(url: str) -> bytes:
    result = subprocess.run(["pg_dump", "--format=custom", "--no-owner", "--dbname", _libpq(url)],
                            capture_output=True, check=False, timeout=600)  # nosec B603 B607
    if result.returncode != 0:
        raise BackupError("pg_dump failed: " + result.stderr.decode(errors="replace")[:300])
    return result.stdout


def backup(url: str, target: str | Path, key: str | bytes,
           places: Places | None = None) -> dict:
    """Write an encrypted, integrity-checked backup of the database and the instance's
    files (photos, attachments, secret); returns its header."""
    url = normalise_url(url)
    dialect = "sqlite" if url.startswith("sqlite") else "postgresql"
    dump = _dump_sqlite(url) if dialect == "sqlite" else _dump_postgresql(url)
    files = gather_files(places)
    header = {"format": FORMAT, "dialect": dialect, "counts": counts(url),
              "taken_at": datetime.now(UTC).isoformat(),
              "files": {name: sha256(data) for name, data in files.items()}}
    payload = json.dumps(header).encode() + b"\n" + pack({DATABASE: dump, **files})
    write_durably(Path(target), _fernet(key).encrypt(payload))
    return header


def open_backup(source: str | Path, key: str | bytes) -> Contents:
    """Decrypt a backup and check every file against its recorded hash; a wrong key, a
    changed byte, a missing, extra or altered file is refused."""
    try:
        payload = _fernet(key).decrypt(Path(source).read_bytes())
    except InvalidToken as error:
        raise BackupError("wrong key, or the backup file was changed") from error
    head, _sep, body = payload.partition(b"\n")
    header = json.loads(head)
    if header.get("format") == DATABASE_ONLY:
        return Contents(header, body, {})
    if header.get("format") != FORMAT:
        raise BackupError("not a TongSheng backup")
    members = unpack(body)
    dump = members.pop(DATABASE, None)
    found = {name: sha256(data) for name, data in members.items()}
    if dump is None or found != header.get("files") or not all(map(known_name, members)):
        raise BackupError("the files in the backup do not match its list of hashes")
    return Contents(header, dump, members)


def read(source: str | Path, key: str | bytes) -> tuple[dict, bytes]:
    """Decrypt and split a backup into its header and database dump."""
    contents = open_backup(source, key)
    return contents.header, contents.dump


def restore(source: str | Path, url: str, key: str | bytes,
            places: Places | None = None) -> dict:
    """Restore into the database at url (a new SQLite file, or an empty PostgreSQL database),
    check integrity and that every table has the row count the backup recorded, then put
    the files back into ``places`` (when given)."""
    contents = open_backup(source, key)
    header, dump = contents.header, contents.dump
    if places is None and contents.files:
        raise BackupError("this backup holds files: say where they go back")
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
    if places is not None:
        restore_files(contents.files, places)
    return header
