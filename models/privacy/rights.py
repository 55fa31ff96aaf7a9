"""A child's (or guardian's) rights: see and export their own data, and delete it for good.

Both walk the schema instead of a hand-kept list, so a table another module adds later is
covered: every row that points at the child (or at one of their suggestions) through a
foreign key is exported or deleted, with the photos and files it names. Safeguarding
cases and the security logs are kept (the law requires them; they hold no link to the
child's id). The append-only history of the child's suggestions is opened for erasure by
an ``erasure_permit`` row that lives only inside this transaction.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime

from sqlalchemy import Table, delete, insert, select, update
from sqlmodel import Session, SQLModel

from models.files import storage
from models.office.rollup import mark_days
from models.people.tables import Member
from models.privacy.audit import ErasurePermit
from models.suggestions.tables import Event, Suggestion

KEEP = {"safeguarding_case", "safeguarding_report", "audit_log", "access_log",
        "erasure_permit", "report"}
DETACH = {"suggestion", "visit_item"}  # rows owned by others: the link is cut, the row stays
SECRET_COLUMNS = {"pin_hash", "password_hash", "session_version", "totp_secret",
                  "idempotency_key", "body_hash", "device_hash", "dedupe_key", "owner_key_hash",
                  "totp_last_step"}
CHILD_ACTORS = ("child", "member")


def _tables() -> list[Table]:
    return [table for table in SQLModel.metadata.sorted_tables if table.name not in KEEP]


def _refs(table: Table, parent: str):
    return [fk.parent for fk in table.foreign_keys if fk.column.table.name == parent]


def _plan(session: Session, member: Member) -> tuple[dict, list]:
    """Rows to delete (table → primary-key tuples) and links to cut (table, column, ids)."""
    own = session.execute(select(Suggestion.id).where(Suggestion.member_id == member.id))
    doomed: dict[str, set] = defaultdict(set, {"member": {(member.id,)},
                                               "suggestion": {(i,) for i in own.scalars()}})
    cut, queue = [], ["member", "suggestion"]
    while queue:
        parent = queue.pop()
        ids = {key[0] for key in doomed[parent]}
        for table in _tables():
            for column in _refs(table, parent):
                if table.name in DETACH:
                    if not (table.name == "suggestion" and parent == "member"):
                        cut.append((table, column, ids))
                    continue
                keys = list(table.primary_key.columns)
                found = {tuple(row) for row in session.execute(
                    select(*keys).where(column.in_(ids)))}
                fresh = found - doomed[table.name]
                if fresh:
                    doomed[table.name] |= fresh
                    queue.append(table.name)
    return doomed, cut


def _rows(session: Session, table: Table, keys: set) -> list[dict]:
    columns = list(table.primary_key.columns)
    if not keys:
        return []
    if len(columns) == 1:
        query = select(table).where(columns[0].in_([key[0] for key in keys]))
        return [dict(row._mapping) for row in session.execute(query)]
    out = []
    for key in keys:
        query = select(table).where(*[c == v for c, v in zip(columns, key, strict=True)])
        out += [dict(row._mapping) for row in session.execute(query)]
    return out


def _plain(value):
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def export(session: Session, member: Member) -> dict:
    """Everything stored about this child, table by table, without secrets or other people."""
    doomed, _cut = _plan(session, member)
    out = {}
    for table in _tables():
        rows = _rows(session, table, doomed.get(table.name, set()))
        others = [c.name for c in _refs(table, "member")]
        rows = [row for row in rows if all(row[c] in (None, member.id) for c in others)]
        if rows:
            out[table.name] = [{k: _plain(v) for k, v in row.items() if k not in SECRET_COLUMNS}
                               for row in rows]
    return {"format": "tongsheng-export/1", "nickname": member.nickname, "tables": out}


def _files(session: Session, doomed: dict) -> list[tuple[str, str]]:
    """(kind, name) of every photo or file the doomed rows name."""
    found = []
    for table in _tables():
        for row in _rows(session, table, doomed.get(table.name, set())):
            if row.get("photo"):
                found.append(("photo", row["photo"]))
            if row.get("stored_name"):
                found.append(("file", row["stored_name"]))
            if isinstance(row.get("state"), dict) and row["state"].get("photo"):
                found.append(("photo", row["state"]["photo"]))
    return found


def erase(session: Session, member: Member) -> dict[str, int]:
    """Delete the child, their rows everywhere, their photos and the agencies' copies."""
    doomed, cut = _plan(session, member)
    files = _files(session, doomed)
    own = [key[0] for key in doomed["suggestion"]]
    acted = set(session.execute(select(Event.suggestion_id).where(
        Event.actor_kind.in_(CHILD_ACTORS), Event.actor_id == member.id)).scalars())
    opened = sorted(set(own) | acted)
    mark_days(session, own)  # the dashboards' rollup counts their days again, without them
    if opened:
        session.execute(insert(ErasurePermit), [{"suggestion_id": i} for i in opened])
    session.execute(update(Event).where(Event.actor_kind.in_(CHILD_ACTORS),
                                        Event.actor_id == member.id)
                    .values(actor_id=None, actor_name=""))
    for table, column, ids in cut:
        session.execute(update(table).where(column.in_(ids)).values({column.name: None}))
    counts = {}
    for table in reversed(_tables()):
        keys = doomed.get(table.name, set())
        if keys:
            columns = list(table.primary_key.columns)
            for key in keys:
                session.execute(delete(table).where(
                    *[c == v for c, v in zip(columns, key, strict=True)]))
            counts[table.name] = len(keys)
    session.execute(delete(ErasurePermit))
    storage.remove(session, [name for _kind, name in files])
    session.flush()
    return counts
