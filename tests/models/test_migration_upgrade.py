"""A running city's database upgrades from the first release to head and keeps its data.

The database is built at revision 0001 (the first release), one row is written into every
table through plain SQL (the models of today may have columns 0001 lacks), then Alembic
upgrades it to head. Every row must still be there with the values it had, and the
upgraded schema must match the models exactly (``alembic check``'s comparison).
"""

from __future__ import annotations

import datetime as dt
import os
import uuid

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy.engine import make_url
from sqlmodel import SQLModel

import models.all_tables  # noqa: F401  (registers every table)
from models.db import make_engine, normalise_url
from webapp.db import alembic_config

FIRST_RELEASE = "0001"
SKIPPED_TABLES = {"alembic_version"}


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_url(request, tmp_path):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'city.sqlite3'}"
        return
    base = os.environ.get("TEST_DATABASE_URL")
    if not base:
        pytest.skip("TEST_DATABASE_URL is not set: PostgreSQL tests skipped")
    url = make_url(normalise_url(base))
    name = f"ts_upgrade_{uuid.uuid4().hex[:10]}"
    admin = sa.create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
    yield url.set(database=name).render_as_string(hide_password=False)
    with admin.connect() as connection:
        connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def _value(column: sa.Column, parents: dict[str, int]):
    """A value of the column's type; foreign keys point at the row written for the parent."""
    for key in column.foreign_keys:
        parent = key.column.table.name
        return parents[parent] if parent in parents and parent != column.table.name else None
    kind = column.type
    if isinstance(kind, sa.Boolean):
        return False
    if isinstance(kind, (sa.Integer, sa.Numeric, sa.Float)):
        return 1
    if isinstance(kind, sa.DateTime):
        return dt.datetime(2026, 11, 1, 8, 30)
    if isinstance(kind, sa.Date):
        return dt.date(2026, 11, 1)
    if isinstance(kind, sa.JSON):
        return {"kept": True}
    if isinstance(kind, sa.LargeBinary):
        return b"kept"
    length = getattr(kind, "length", None) or 16
    return f"k{column.name}"[:length]


def _generated_key(table: sa.Table) -> str | None:
    """The database numbers a lone integer primary key itself."""
    keys = list(table.primary_key.columns)
    if len(keys) == 1 and isinstance(keys[0].type, sa.Integer) and not keys[0].foreign_keys:
        return keys[0].name
    return None


def _fill_every_table(connection) -> dict[str, dict]:
    metadata = sa.MetaData()
    metadata.reflect(connection)
    written: dict[str, dict] = {}
    parents: dict[str, int] = {}
    for table in metadata.sorted_tables:
        if table.name in SKIPPED_TABLES:
            continue
        generated = _generated_key(table)
        row = {column.name: _value(column, parents) for column in table.columns
               if column.name != generated}
        result = connection.execute(table.insert().values(**row))
        if result.inserted_primary_key and result.inserted_primary_key[0] is not None:
            parents[table.name] = result.inserted_primary_key[0]
        written[table.name] = row
    return written


def test_first_release_upgrades_to_head_keeping_every_row(empty_url):
    config = alembic_config(normalise_url(empty_url))
    command.upgrade(config, FIRST_RELEASE)
    engine = make_engine(empty_url)
    with engine.begin() as connection:
        written = _fill_every_table(connection)
    assert len(written) > 30, "the first release has a row in every table"

    command.upgrade(config, "head")

    metadata = sa.MetaData()
    with engine.connect() as connection:
        metadata.reflect(connection)
        for name, row in written.items():
            table = metadata.tables[name]
            kept = connection.execute(sa.select(*[table.c[key] for key in row] or
                                                [sa.func.count()]).select_from(table)).all()
            assert len(kept) == 1, f"{name}: the row did not survive the upgrade"
            for key, value in row.items():
                stored = kept[0]._mapping[key]
                if isinstance(value, dt.datetime):
                    stored = stored.replace(tzinfo=None)
                assert stored == value, f"{name}.{key} changed in the upgrade"
        context = MigrationContext.configure(connection, opts={"compare_type": False})
        drift = compare_metadata(context, SQLModel.metadata)
    engine.dispose()
    assert drift == [], "the upgraded schema differs from the models (alembic check)"
