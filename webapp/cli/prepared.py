"""The app a command works on: its database created or migrated, the shipped plans in it."""

from __future__ import annotations

import multiprocessing

import click
from flask import Flask

from models.plans.importer import import_all
from webapp import create_app
from webapp.db import new_session, upgrade_database, upload_folders


def prepared_app(*, migrate_apart: bool = False) -> Flask:
    """An app whose database exists, is migrated, and holds the shipped plans.

    ``migrate_apart`` migrates in a child process: the server's master then never holds
    Alembic, Mako and the revisions (about 13 MB in it and in every worker forked from it).
    """
    app = create_app()
    url, folders = app.config["DATABASE_URL"], upload_folders(app)
    if migrate_apart:
        child = multiprocessing.get_context("fork").Process(target=upgrade_database,
                                                            args=(url, folders))
        child.start()
        child.join()
        if child.exitcode != 0:
            raise click.ClickException("the database could not be migrated (see above)")
    else:
        upgrade_database(url, folders)
    with new_session(app) as session:
        import_all(session)
    return app
