"""The app a command works on: its database created or migrated, the shipped plans in it."""

from __future__ import annotations

from flask import Flask

from models.plans.importer import import_all
from webapp import create_app
from webapp.db import new_session, upgrade_database, upload_folders


def prepared_app() -> Flask:
    """An app whose database exists, is migrated, and holds the shipped plans."""
    app = create_app()
    upgrade_database(app.config["DATABASE_URL"], upload_folders(app))
    with new_session(app) as session:
        import_all(session)
    return app
