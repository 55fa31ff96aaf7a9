"""The domain's ``Settings`` read once from the app's configuration by the app factory."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from flask import Flask

from models.notices import notifications
from models.settings import QUEUE_NAME, ConsentRule, DutyRule, Settings
from webapp.push import Pusher


def init_app(app: Flask) -> Settings:
    """Build this app's settings and keep them on the app (``app.extensions["settings"]``)."""
    settings = from_config(app)
    app.extensions["settings"] = settings
    return settings


def from_config(app: Flask) -> Settings:
    config = app.config
    return Settings(
        consent=ConsentRule(notice_version=config["PRIVACY_NOTICE_VERSION"],
                            consent_age=int(config["CONSENT_AGE"])),
        duty=DutyRule(ack_minutes=int(config["SAFEGUARDING_ACK_MINUTES"])),
        holidays=holidays(config.get("HOLIDAYS")),
        mail_backend=mail_backend(app),
        redis_url=config.get("REDIS_URL") or None,
        queue=config.get("RQ_QUEUE", QUEUE_NAME),
        database_url=config.get("DATABASE_URL"),
        push=Pusher(app, single_machine),
        snapshot_minutes=int(config["DASHBOARD_SNAPSHOT_MINUTES"]),
        snapshot_from=int(config["DASHBOARD_SNAPSHOT_FROM"]))


def single_machine(app: Flask) -> bool:
    """SQLite in the instance folder, not marked PRODUCTION: the demo and a one-machine site.

    Only such a site may keep its session secret in instance/secret_key; with PostgreSQL
    several nodes share the database, and a secret file per node would sign sessions the
    other nodes refuse.
    """
    url = app.config.get("DATABASE_URL") or "sqlite"
    return url.startswith("sqlite") and not app.config.get("PRODUCTION")



def holidays(value) -> frozenset[date]:
    """TONGSHENG_HOLIDAYS: the city's own days off, ISO dates separated by commas or a list."""
    if not value:
        return frozenset()
    items = value.split(",") if isinstance(value, str) else value
    return frozenset(item if isinstance(item, date) else date.fromisoformat(item.strip())
                     for item in items if str(item).strip())


def mail_backend(app: Flask):
    """log (default), file (MAIL_FOLDER or instance/mail) or smtp (MAIL_HOST)."""
    kind = app.config.get("MAIL_BACKEND", "log")
    if kind == "file":
        return notifications.FileBackend(app.config.get("MAIL_FOLDER")
                                         or Path(app.instance_path) / "mail")
    if kind == "smtp":
        return notifications.SmtpBackend(app.config["MAIL_HOST"],
                                         int(app.config.get("MAIL_PORT", 25)),
                                         app.config.get("MAIL_SENDER", "tongsheng@localhost"))
    return notifications.LogBackend()
