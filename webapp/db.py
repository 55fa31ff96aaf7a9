"""One engine per app, one session per request, and Alembic for the schema."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from flask import Flask, current_app, g
from sqlalchemy.engine import Engine
from sqlmodel import Session

from models.db import make_engine, normalise_url, sqlite_url

MIGRATIONS = Path(__file__).parent.parent / "models" / "migrations"


def init_app(app: Flask) -> None:
    """Create the engine named by DATABASE_URL (SQLite in instance/ by default)."""
    url = app.config.get("DATABASE_URL") or sqlite_url(app.instance_path)
    app.config["DATABASE_URL"] = normalise_url(url)
    app.extensions["engine"] = make_engine(app.config["DATABASE_URL"])
    app.teardown_appcontext(close_session)


def engine() -> Engine:
    return current_app.extensions["engine"]


def get_session() -> Session:
    """The request's session; views commit explicitly through domain calls."""
    if "db_session" not in g:
        g.db_session = Session(engine(), expire_on_commit=False)
    return g.db_session


def close_session(_exc: BaseException | None = None) -> None:
    session = g.pop("db_session", None)
    if session is not None:
        session.close()


def alembic_config(url: str) -> Config:
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
    config = alembic_config(normalise_url(url))
    config.attributes["upload_folders"] = folders or {}
    command.upgrade(config, "head")
