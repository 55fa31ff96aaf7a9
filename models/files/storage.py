"""Uploaded and generated files, kept in the database.

Children's photos, agencies' attachments and finished exports live in ``stored_file`` (the
name, type and size) and ``stored_file_part`` (the bytes, in parts of at most 1 MB), so
every web node serves them, a backup of the database holds them, and retention and erasure
delete them in the same transaction as the rows that name them. Parts keep memory flat: a
city-wide export is written and downloaded one part at a time.

A stored file has a generated name (32 hex digits and an extension) and nothing else that
came with the upload; a name we did not generate is never looked up.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Iterable, Iterator
from datetime import datetime

from sqlalchemy import Column, LargeBinary, delete, insert, select, update
from sqlmodel import Field, Session, SQLModel

from models.common import utcnow

NAME = re.compile(r"^[0-9a-f]{32}\.(jpg|png|pdf|csv|xlsx)$")
PART_BYTES = 1024 * 1024


class StoredFile(SQLModel, table=True):
    """One file under its generated name; its bytes are the parts, in order."""

    __tablename__ = "stored_file"

    name: str = Field(primary_key=True, max_length=60)
    content_type: str = Field(max_length=100)
    size: int = 0
    created_at: datetime = Field(default_factory=utcnow)


class StoredFilePart(SQLModel, table=True):
    """Up to PART_BYTES of a stored file."""

    __tablename__ = "stored_file_part"

    name: str = Field(foreign_key="stored_file.name", primary_key=True, max_length=60)
    seq: int = Field(primary_key=True)
    data: bytes = Field(sa_column=Column(LargeBinary, nullable=False))


def valid_name(name: str | None) -> bool:
    return bool(NAME.match(name or ""))


def put(session: Session, data: bytes, *, extension: str, content_type: str) -> str:
    """Add a file under a fresh random name (committed with the caller's transaction)."""
    return put_stream(session, [data], extension=extension, content_type=content_type)


def put_stream(session: Session, chunks: Iterable[bytes], *, extension: str,
               content_type: str) -> str:
    """Add a file from chunks of any size, holding at most one part in memory."""
    name = f"{secrets.token_hex(16)}.{extension}"
    if not valid_name(name):
        raise ValueError(f"not a stored file kind: {extension}")
    session.add(StoredFile(name=name, content_type=content_type))
    session.flush()
    size = 0
    for seq, part in enumerate(_parts(chunks)):
        session.execute(insert(StoredFilePart).values(name=name, seq=seq, data=part))
        size += len(part)
    session.execute(update(StoredFile).where(StoredFile.name == name).values(size=size))
    return name


def _parts(chunks: Iterable[bytes]) -> Iterator[bytes]:
    buffer = bytearray()
    for chunk in chunks:
        buffer += chunk
        while len(buffer) >= PART_BYTES:
            yield bytes(buffer[:PART_BYTES])
            del buffer[:PART_BYTES]
    if buffer:
        yield bytes(buffer)


def get(session: Session, name: str | None) -> StoredFile | None:
    """The stored file's name, type and size; None for a missing file or a name we never
    generate."""
    if not valid_name(name):
        return None
    return session.get(StoredFile, name)


def read(session: Session, name: str | None) -> bytes | None:
    """A whole (small) file's bytes: photos and attachments."""
    if get(session, name) is None:
        return None
    return b"".join(stream(session, name))


def stream(session: Session, name: str) -> Iterator[bytes]:
    """The file's parts in order, one query and one part in memory at a time."""
    seq = 0
    while True:
        part = session.execute(select(StoredFilePart.data).where(
            StoredFilePart.name == name, StoredFilePart.seq == seq)).scalar_one_or_none()
        if part is None:
            return
        yield bytes(part)
        seq += 1


def remove(session: Session, names) -> None:
    """Delete these files with the caller's transaction; unknown names are ignored."""
    names = [name for name in names if valid_name(name)]
    if names:
        session.execute(delete(StoredFilePart).where(StoredFilePart.name.in_(names)))
        session.execute(delete(StoredFile).where(StoredFile.name.in_(names)))
