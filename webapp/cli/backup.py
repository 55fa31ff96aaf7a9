"""`tongsheng backup` and `tongsheng restore`: encrypted, checked, reconciled."""

from __future__ import annotations

from pathlib import Path

import click

from models.privacy import backup as backups
from webapp import create_app
from webapp.db import upload_folders


def _key(app) -> str:
    key = app.config.get("BACKUP_KEY")
    if not key:
        raise click.ClickException(
            "set TONGSHENG_BACKUP_KEY first (keep it apart from the backups); a new key: "
            + backups.generate_key())
    return key


def _places(app) -> backups.Places:
    """This instance's secret file, and the upload folders an older backup's files go to."""
    folders = upload_folders(app)
    return backups.Places(photos=folders["photos"], attachments=folders["attachments"],
                          secret=Path(app.instance_path) / "secret_key")


@click.command("backup")
@click.argument("target", type=click.Path(dir_okay=False))
def backup(target: str) -> None:
    """Write an encrypted backup of the database named by DATABASE_URL (photos and
    attachments included) and the instance secret."""
    app = create_app()
    try:
        header = backups.backup(app.config["DATABASE_URL"], target, _key(app), _places(app))
    except backups.BackupError as problem:
        raise click.ClickException(str(problem)) from problem
    total = sum(header["counts"].values())
    click.echo(f"backup written: {target} ({len(header['counts'])} tables, {total} rows, "
               f"{len(header['files'])} files)")


@click.command("restore")
@click.argument("source", type=click.Path(exists=True, dir_okay=False))
@click.option("--database-url", default=None,
              help="restore here (a new SQLite file or an empty PostgreSQL database)")
def restore(source: str, database_url: str | None) -> None:
    """Restore a backup, check integrity and reconcile every table's row count, then put
    the instance secret back (and an older backup's photos and attachments, for the next
    `tongsheng db upgrade` to copy in), each checked against its hash."""
    app = create_app()
    url = database_url or app.config["DATABASE_URL"]
    app.extensions["engine"].dispose()
    try:
        header = backups.restore(source, url, _key(app), _places(app))
    except backups.BackupError as problem:
        raise click.ClickException(str(problem)) from problem
    click.echo(f"restored backup of {header['taken_at']}: integrity ok, counts reconciled, "
               f"{len(header.get('files', {}))} files checked")
