"""`tongsheng retention`: anonymise suggestions past the period and delete abandoned chats."""

from __future__ import annotations

import click

from models.privacy import retention as jobs
from webapp import create_app
from webapp.db import new_session


@click.command("retention")
@click.option("--months", type=int, default=None,
              help="anonymise suggestions unchanged for this long, whatever their status "
                   "(default RETENTION_MONTHS)")
def retention(months: int | None) -> None:
    """Run the retention job once (schedule it nightly)."""
    app = create_app()
    with new_session(app) as session:
        done = jobs.run(session, months=months or app.config["RETENTION_MONTHS"])
        session.commit()
    per_status = ", ".join(f"{status} {n}" for status, n in done["per_status"].items())
    click.echo(f"anonymised {done['anonymised']} suggestions ({per_status or 'none due'}); "
               f"kept {done['kept_for_safeguarding']} linked for an open safeguarding case; "
               f"deleted {done['chats_deleted']} abandoned chats")
