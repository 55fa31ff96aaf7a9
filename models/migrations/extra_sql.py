"""Database-level rules Alembic cannot autogenerate: append-only history tables.

Revision 0001 (the first release) calls ``apply(op)``; a later revision that seals a new
table calls the statement builders for that table only. The
event, audit and safeguarding-report tables refuse UPDATE and DELETE inside the database
itself (SQLite: triggers that RAISE(ABORT); PostgreSQL: trigger functions that raise,
plus TRUNCATE refused and the rights revoked from PUBLIC), so no bug and no stolen app
session can rewrite history. The one exception is the erasure a child or guardian asks
for, or the retention job: a row in ``erasure_permit`` for a suggestion, written and
removed in the same transaction, lets its events be deleted or have their actor blanked.
"""

from __future__ import annotations

SEALED = ("audit_log", "access_log", "safeguarding_report")
MESSAGE = "append-only table: history cannot be rewritten"

_PERMIT = "EXISTS (SELECT 1 FROM erasure_permit WHERE suggestion_id = OLD.suggestion_id)"
_ONLY_ACTOR_BLANKED = (
    "NEW.id = OLD.id AND NEW.suggestion_id = OLD.suggestion_id AND NEW.action = OLD.action"
    " AND NEW.from_status IS NOT DISTINCT FROM OLD.from_status"
    " AND NEW.to_status IS NOT DISTINCT FROM OLD.to_status"
    " AND NEW.actor_kind = OLD.actor_kind AND NEW.note = OLD.note"
    " AND NEW.created_at = OLD.created_at AND NEW.actor_id IS NULL AND NEW.actor_name = ''")


def sqlite_statements(tables: list[str]) -> list[str]:
    """Triggers for SQLite (3.39+ understands IS NOT DISTINCT FROM)."""
    out = []
    for table in tables:
        for verb in ("UPDATE", "DELETE"):
            out.append(f"CREATE TRIGGER IF NOT EXISTS {table}_no_{verb.lower()} "
                       f"BEFORE {verb} ON {table} "
                       f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END")
    out.append(f"CREATE TRIGGER IF NOT EXISTS event_no_delete BEFORE DELETE ON event "
               f"WHEN NOT {_PERMIT} BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END")
    out.append(f"CREATE TRIGGER IF NOT EXISTS event_no_update BEFORE UPDATE ON event "
               f"WHEN NOT ({_PERMIT} AND {_ONLY_ACTOR_BLANKED}) "
               f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END")
    return out


def postgresql_statements(tables: list[str]) -> list[str]:
    """Trigger functions for PostgreSQL; they hold even for the table's owner."""
    out = [
        "CREATE OR REPLACE FUNCTION ts_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ "
        f"BEGIN RAISE EXCEPTION '{MESSAGE} (%)', TG_TABLE_NAME; END $$",
        "CREATE OR REPLACE FUNCTION ts_event_guard() RETURNS trigger LANGUAGE plpgsql AS $$ "
        f"BEGIN IF NOT {_PERMIT} THEN RAISE EXCEPTION '{MESSAGE} (event)'; END IF; "
        "IF TG_OP = 'DELETE' THEN RETURN OLD; END IF; "
        f"IF NOT ({_ONLY_ACTOR_BLANKED}) THEN RAISE EXCEPTION '{MESSAGE} (event)'; END IF; "
        "RETURN NEW; END $$",
    ]
    for table in tables:
        out.append(f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
                   "FOR EACH ROW EXECUTE FUNCTION ts_append_only()")
    for table in [*tables, "event"]:
        out.append(f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
                   "FOR EACH STATEMENT EXECUTE FUNCTION ts_append_only()")
        out.append(f"REVOKE UPDATE, DELETE, TRUNCATE ON {table} FROM PUBLIC")
    out.append("CREATE TRIGGER event_guard BEFORE UPDATE OR DELETE ON event "
               "FOR EACH ROW EXECUTE FUNCTION ts_event_guard()")
    return out


def statements(dialect: str, existing: set[str]) -> list[str]:
    tables = [name for name in SEALED if name in existing]
    if dialect == "postgresql":
        return postgresql_statements(tables)
    return sqlite_statements(tables)


def apply(op) -> None:
    """Run from the initial migration, after every table exists."""
    from sqlalchemy import inspect

    bind = op.get_bind()
    existing = set(inspect(bind).get_table_names())
    for statement in statements(bind.dialect.name, existing):
        op.execute(statement)
