"""Uploaded and generated files, kept as rows in the database.

Children's photos, agencies' attachments and generated files live in ``stored_file``, so
every web node serves them, a backup of the database holds them, and retention and
erasure delete them in the same transaction as the rows that name them. The sizes suit
this: photos are re-encoded to at most 2048 px and attachments are capped at 5 MB.

A stored file has a generated name (32 hex digits and an extension) and nothing else that
came with the upload; a name we did not generate is never looked up.
"""

from __future__ import annotations

import re
import secrets
from datetime import datetime

from sqlalchemy import Column, LargeBinary, delete
from sqlmodel import Field, Session, SQLModel

from .common import utcnow

NAME = re.compile(r"^[0-9a-f]{32}\.(jpg|png|pdf|csv|xlsx)$")


class StoredFile(SQLModel, table=True):
    """One file's bytes under its generated name."""

    __tablename__ = "stored_file"

    name: str = Field(primary_key=True, max_length=60)
    content_type: str = Field(max_length=100)
    size: int
    data: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    created_at: datetime = Field(default_factory=utcnow)


def valid_name(name: str | None) -> bool:
    return bool(NAME.match(name or ""))


def put(session: Session, data: bytes, *, extension: str, content_type: str) -> str:
    """Add a file under a fresh random name (committed with the caller's transaction)."""
    name = f"{secrets.token_hex(16)}.{extension}"
    if not valid_name(name):
        raise ValueError(f"not a stored file kind: {extension}")
    session.add(StoredFile(name=name, content_type=content_type, size=len(data), data=data))
    return name


def get(session: Session, name: str | None) -> StoredFile | None:
    """The stored file, or None for a missing file or a name we never generate."""
    if not valid_name(name):
        return None
    return session.get(StoredFile, name)


def remove(session: Session, names) -> None:
    """Delete these files with the caller's transaction; unknown names are ignored."""
    names = [name for name in names if valid_name(name)]
    if names:
        session.execute(delete(StoredFile).where(StoredFile.name.in_(names)))
