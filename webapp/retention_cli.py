"""`tongsheng retention`: anonymise old closed suggestions and delete abandoned chats."""

from __future__ import annotations

import click
from sqlmodel import Session

from models import retention as jobs

from . import create_app
from .files import photo_folder


@click.command("retention")
@click.option("--months", type=int, default=None,
              help="anonymise closed suggestions older than this (default RETENTION_MONTHS)")
def retention(months: int | None) -> None:
    """Run the retention job once (schedule it nightly)."""
    app = create_app()
    folder = photo_folder(app)
    with Session(app.extensions["engine"], expire_on_commit=False) as session:
        done = jobs.run(session, months=months or app.config["RETENTION_MONTHS"],
                        photo_folder=folder)
    click.echo(f"anonymised {done['anonymised']} closed suggestions, "
               f"deleted {done['chats_deleted']} abandoned chats")
