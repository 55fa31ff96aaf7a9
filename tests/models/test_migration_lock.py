"""Nodes restarted together after a release migrate one at a time (PostgreSQL advisory lock):
while one node holds the lock, another node's upgrade waits and changes nothing."""

from __future__ import annotations

import threading
import time

import pytest
import sqlalchemy as sa

from tests.models.test_migration_upgrade import empty_url  # noqa: F401  (fixture)
from webapp.db import MIGRATION_LOCK, upgrade_database

WAITING = sa.text("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted "
                  "AND objid = :key")


def test_a_second_node_waits_for_the_one_migrating(empty_url):  # noqa: F811
    if not empty_url.startswith("postgresql"):
        pytest.skip("SQLite is one machine: nothing to coordinate")
    engine = sa.create_engine(empty_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as first_node:
        first_node.execute(sa.text("SELECT pg_advisory_lock(:key)"), {"key": MIGRATION_LOCK})
        second_node = threading.Thread(target=upgrade_database, args=(empty_url,))
        second_node.start()
        deadline = time.monotonic() + 60
        while first_node.execute(WAITING, {"key": MIGRATION_LOCK}).scalar_one() == 0:
            assert time.monotonic() < deadline, "the second node never waited for the lock"
            time.sleep(0.1)
        assert not sa.inspect(first_node).has_table("alembic_version"), "it waited untouched"
        first_node.execute(sa.text("SELECT pg_advisory_unlock(:key)"), {"key": MIGRATION_LOCK})
    second_node.join(timeout=300)
    with engine.connect() as connection:
        assert sa.inspect(connection).has_table("stored_file"), "then it migrated"
    engine.dispose()
