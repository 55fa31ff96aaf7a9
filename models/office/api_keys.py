"""Keys for programs that send suggestions through Open311: issued, listed, revoked.

A key is shown once, when it is issued; only its SHA-256 hash and a short prefix (so people
can tell keys apart in a list) are kept. A key is 32 random bytes, so a plain hash is
enough: nobody can guess their way back from the hash. A key may be scoped to one city
(plan); a key with no city is accepted for every city (the command line can issue one).
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime

from sqlmodel import Field, Session, SQLModel, select

from models.common import utcnow

KEY_PREFIX = "ts311_"
SHOWN_CHARS = 10  # what a list shows of a key: the prefix and four characters


class ApiClient(SQLModel, table=True):
    """A program allowed to POST requests; only a hash of its key is kept."""

    __tablename__ = "api_client"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=120)
    key_hash: str = Field(max_length=64, unique=True)
    is_active: bool = True
    created_at: datetime = Field(default_factory=utcnow)
    plan_id: str | None = Field(default=None, max_length=40)
    key_start: str = Field(default="", max_length=16)
    issued_by: str = Field(default="", max_length=120)
    revoked_at: datetime | None = None
    revoked_by: str = Field(default="", max_length=120)

    def serves(self, plan_id: str) -> bool:
        return self.plan_id is None or self.plan_id == plan_id


class KeyRefused(ValueError):
    """A key cannot be issued or revoked as asked (shown to the person who asked)."""


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def add_client(session: Session, *, name: str, key: str) -> ApiClient:
    """Register a client with a key chosen by the caller (the demo's), unless it is known."""
    found = client_for_key(session, key)
    if found is not None:
        return found
    client = ApiClient(name=name, key_hash=hash_key(key), key_start=key[:SHOWN_CHARS],
                       issued_by="demo")
    session.add(client)
    session.flush()
    return client


def issue(session: Session, *, name: str, plan_id: str | None, by: str) -> tuple[ApiClient, str]:
    """A new client and its key; the key is returned this once and never stored."""
    name = name.strip()
    if not name:
        raise KeyRefused("请写上使用这个密钥的系统或单位的名称。")
    key = KEY_PREFIX + secrets.token_urlsafe(32)
    client = ApiClient(name=name[:120], key_hash=hash_key(key), plan_id=plan_id,
                       key_start=key[:SHOWN_CHARS], issued_by=by[:120])
    session.add(client)
    session.flush()
    return client, key


def revoke(session: Session, client: ApiClient, *, by: str) -> ApiClient:
    """The key stops working at once; the row stays, so the list shows who revoked it."""
    if not client.is_active:
        raise KeyRefused("这个密钥已经停用了。")
    client.is_active, client.revoked_at, client.revoked_by = False, utcnow(), by[:120]
    session.add(client)
    session.flush()
    return client


def clients(session: Session, plan_id: str | None = None) -> list[ApiClient]:
    """Every key, newest first; with ``plan_id``, the keys of that city only."""
    query = select(ApiClient).order_by(ApiClient.created_at.desc(), ApiClient.id.desc())
    if plan_id is not None:
        query = query.where(ApiClient.plan_id == plan_id)
    return list(session.exec(query))


def find_client(session: Session, client_id: int, plan_id: str | None = None) -> ApiClient | None:
    """One key by its number; with ``plan_id``, only if it belongs to that city."""
    client = session.get(ApiClient, client_id)
    if client is None or (plan_id is not None and client.plan_id != plan_id):
        return None
    return client


def client_for_key(session: Session, key: str | None) -> ApiClient | None:
    """The active client this key belongs to, or None."""
    if not key:
        return None
    query = select(ApiClient).where(ApiClient.key_hash == hash_key(key), ApiClient.is_active)
    return session.exec(query).first()
