"""History nobody can rewrite: auth events, authorisation failures and staff views of child text.

Both tables are append-only in the database itself (see ``migrations/extra_sql.py``).
Rows carry who, what kind, where and a short reason, never a password, a PIN or a
child's words, and never a child's id: children appear only as "child".
"""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Field, Session, SQLModel, select

from models.common import utcnow
from models.i18n import N_
from models.refusals import Invalid

ACCESS_REASONS = {
    "moderate": N_("审核这条建议"),
    "safeguarding": N_("儿童可能有危险，需要跟进"),
    "guardian_request": N_("监护人或孩子本人请求"),
    "meeting": N_("议事会会议上讨论"),
    "correction": N_("纠正分类或措辞"),
    "relay_question": N_("把部门的问题转给孩子"),
}
DETAIL_MAX = 200


class AuditLog(SQLModel, table=True):
    """Sign-ins, sign-outs, refusals and other security events, append-only."""

    __tablename__ = "audit_log"

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(max_length=40, index=True)
    actor_kind: str = Field(default="anonymous", max_length=20)
    account_id: int | None = None
    username: str = Field(default="", max_length=80)
    address: str = Field(default="", max_length=64)
    path: str = Field(default="", max_length=200)
    detail: str = Field(default="", max_length=DETAIL_MAX)
    created_at: datetime = Field(default_factory=utcnow, index=True)


class AccessLog(SQLModel, table=True):
    """One staff view of a child's unredacted words, with the reason given for it."""

    __tablename__ = "access_log"

    id: int | None = Field(default=None, primary_key=True)
    account_id: int = Field(foreign_key="account.id", index=True)
    object_kind: str = Field(max_length=20)
    object_id: int = Field(index=True)
    reason: str = Field(max_length=40)
    note: str = Field(default="", max_length=DETAIL_MAX)
    path: str = Field(default="", max_length=200)
    created_at: datetime = Field(default_factory=utcnow, index=True)


class ErasurePermit(SQLModel, table=True):
    """Opens the append-only history of one suggestion for erasure, inside one transaction."""

    __tablename__ = "erasure_permit"

    suggestion_id: int = Field(primary_key=True)


def record_event(session: Session, *, kind: str, actor_kind: str = "anonymous",
                 account_id: int | None = None, username: str = "", address: str = "",
                 path: str = "", detail: str = "") -> AuditLog:
    """Append one security event (flushed; ``webapp.security`` commits it on a session of
    its own, so a refused request still leaves its trace)."""
    row = AuditLog(kind=kind[:40], actor_kind=actor_kind[:20], account_id=account_id,
                   username=username[:80], address=address[:64], path=path[:200],
                   detail=detail[:DETAIL_MAX])
    session.add(row)
    session.flush()
    return row


def record_access(session: Session, *, account_id: int, object_kind: str, object_id: int,
                  reason: str, note: str = "", path: str = "") -> AccessLog:
    """Append one staff view of unredacted child text; the reason must be a known one."""
    if reason not in ACCESS_REASONS:
        raise Invalid("unknown access reason")
    row = AccessLog(account_id=account_id, object_kind=object_kind, object_id=object_id,
                    reason=reason, note=note[:DETAIL_MAX], path=path[:200])
    session.add(row)
    session.flush()
    return row


def access_rows(session: Session, *, object_kind: str, object_id: int) -> list[AccessLog]:
    """Who looked at this object, oldest first: for the coordinator's review."""
    query = (select(AccessLog).where(AccessLog.object_kind == object_kind,
                                     AccessLog.object_id == object_id)
             .order_by(AccessLog.id))
    return list(session.exec(query))


def recent_events(session: Session, limit: int = 200) -> list[AuditLog]:
    return list(session.exec(select(AuditLog).order_by(AuditLog.id.desc()).limit(limit)))


def known_username(session: Session, typed: str) -> str:
    """The name typed at a failed sign-in, only if it is a real account (never a stray password)."""
    from models.people.tables import Account

    name = (typed or "").strip()[:80]
    found = session.exec(select(Account.id).where(Account.username == name)).first()
    return name if found is not None else "(unknown)"
