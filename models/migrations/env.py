"""Alembic environment: the schema is SQLModel's metadata for every table in models."""

from alembic import context
from sqlmodel import SQLModel

import models.all_tables  # noqa: F401  (registers every table)
from models.db import make_engine

config = context.config
target_metadata = SQLModel.metadata


def run_migrations_online() -> None:
    url = config.get_main_option("sqlalchemy.url")
    connectable = config.attributes.get("connection") or make_engine(url)
    if hasattr(connectable, "connect"):
        with connectable.connect() as connection:
            _run(connection, url)
        connectable.dispose()  # leave no pooled connection behind (PostgreSQL templates)
    else:
        _run(connectable, url)


def _run(connection, url: str) -> None:
    context.configure(connection=connection, target_metadata=target_metadata,
                      render_as_batch=url.startswith("sqlite"), compare_type=True)
    with context.begin_transaction():
        context.run_migrations()


run_migrations_online()
