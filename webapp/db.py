"""One engine per app, one session per request, and Alembic for the schema.

The request owns its transaction: domain functions only flush, and the view commits once
through ``commit()`` (``webapp.actions.run_step`` does it for form steps). Work that must
wait for the commit (staff e-mail, escalation timers) is handed to ``webapp.background``
right after it, never done inside the transaction or the request.
"""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from flask import Flask, current_app, g, request
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine
from sqlalchemy.pool import NullPool
from sqlmodel import Session

import models.all_tables  # noqa: F401  (an app's engine sees the whole schema)
from models.db import make_engine, normalise_url, sqlite_url
from models.settings import bind
from webapp import background

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).parent.parent / "models" / "migrations"
MIGRATION_LOCK = 0x7473_6D69  # "tsmi": the advisory lock every node takes to migrate


def init_app(app: Flask) -> None:
    """Create the engine named by DATABASE_URL (SQLite in instance/ by default)."""
    url = app.config.get("DATABASE_URL") or sqlite_url(app.instance_path)
    app.config["DATABASE_URL"] = normalise_url(url)
    app.extensions["engine"] = make_engine(app.config["DATABASE_URL"])
    app.after_request(commit_request)
    app.teardown_appcontext(close_session)
    app.before_request(_plans_in_force)


def _plans_in_force() -> None:
    """Every request reads the plans as the coordinator last saved them (on any node)."""
    if request.endpoint != "static":
        from models.plans.versions import sync

        sync(get_session())


def engine() -> Engine:
    return current_app.extensions["engine"]


def new_session(app: Flask | None = None) -> Session:
    """A session on the app's engine that carries the app's ``Settings`` to the domain;
    for requests, CLI commands and queue jobs alike (the caller owns its transaction)."""
    app = app or current_app
    return bind(Session(app.extensions["engine"], expire_on_commit=False),
                app.extensions["settings"])


def get_session() -> Session:
    """The request's session; the view commits it once through ``commit()``."""
    if "db_session" not in g:
        g.db_session = new_session()
    return g.db_session


def commit(session: Session | None = None) -> None:
    """The one commit of a request (or command): then what waited for it goes to the queue."""
    session = session or get_session()
    session.commit()
    background.after_commit(session)


def commit_request(response):
    """The request owns its transaction: what the view left pending is committed once here
    when the answer is a success or a redirect. A refusal or an error keeps nothing, except
    what its view committed on purpose before answering (a wrong PIN still counts)."""
    session = g.get("db_session")
    if session is not None:
        if response.status_code >= 400:
            session.rollback()
        else:
            commit(session)
    return response


def close_session(_exc: BaseException | None = None) -> None:
    session = g.pop("db_session", None)
    if session is not None:
        session.close()


def alembic_config(url: str) -> Config:
    """Alembic (and Mako, which it brings) is imported only by what migrates, never by a
    queue worker or a page."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def upload_folders(app: Flask) -> dict[str, Path]:
    """Where an instance kept uploads before they moved into the database (revision 0006
    copies them in; a restored older backup puts its files back here)."""
    instance = Path(app.instance_path)
    return {"photos": Path(app.config.get("PHOTO_FOLDER") or instance / "photos"),
            "attachments": instance / "attachments"}


def upgrade_database(url: str, folders: dict[str, Path] | None = None) -> None:
    """Create or migrate the database to the newest schema; ``folders`` are the instance's
    old upload folders, whose files the migration to shared storage copies in."""
    from alembic import command

    url = normalise_url(url)
    config = alembic_config(url)
    config.attributes["upload_folders"] = folders or {}
    with migration_lock(url):
        command.upgrade(config, "head")


@contextmanager
def migration_lock(url: str):
    """On PostgreSQL, one node migrates at a time: nodes restarted together after a release
    would otherwise run the same DDL at once. The others wait, then find nothing to do."""
    if not url.startswith("postgresql"):
        yield
        return
    engine = create_engine(url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": MIGRATION_LOCK})
            try:
                yield
            finally:
                connection.execute(text("SELECT pg_advisory_unlock(:key)"),
                                   {"key": MIGRATION_LOCK})
    finally:
        engine.dispose()
