"""`tongsheng backup` and `tongsheng restore`: encrypted, checked, reconciled."""

from __future__ import annotations

import click

from models import backup as backups

from . import create_app


def _key(app) -> str:
    key = app.config.get("BACKUP_KEY")
    if not key:
        raise click.ClickException(
            "set TONGSHENG_BACKUP_KEY first (keep it apart from the backups); a new key: "
            + backups.generate_key())
    return key


@click.command("backup")
@click.argument("target", type=click.Path(dir_okay=False))
def backup(target: str) -> None:
    """Write an encrypted backup of the database named by DATABASE_URL."""
    app = create_app()
    try:
        header = backups.backup(app.config["DATABASE_URL"], target, _key(app))
    except backups.BackupError as problem:
        raise click.ClickException(str(problem)) from problem
    total = sum(header["counts"].values())
    click.echo(f"backup written: {target} ({len(header['counts'])} tables, {total} rows)")


@click.command("restore")
@click.argument("source", type=click.Path(exists=True, dir_okay=False))
@click.option("--database-url", default=None,
              help="restore here (a new SQLite file or an empty PostgreSQL database)")
def restore(source: str, database_url: str | None) -> None:
    """Restore a backup, check integrity and reconcile every table's row count."""
    app = create_app()
    url = database_url or app.config["DATABASE_URL"]
    app.extensions["engine"].dispose()
    try:
        header = backups.restore(source, url, _key(app))
    except backups.BackupError as problem:
        raise click.ClickException(str(problem)) from problem
    click.echo(f"restored backup of {header['taken_at']}: integrity ok, counts reconciled")
