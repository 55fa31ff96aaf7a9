"""`tongsheng report weekly|monthly`: the leadership's report as Excel or PDF."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click
from sqlmodel import Session


@click.command("report")
@click.argument("kind", type=click.Choice(["weekly", "monthly"]))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="a .xlsx or .pdf file")
@click.option("--plan", "plan_id", default=None, help="the city's plan id (default: the site's)")
@click.option("--date", "day", default=None,
              help="report the last whole week or month before this day (default: today)")
def report(kind: str, output: Path, plan_id: str | None, day: str | None) -> None:
    """Write the last whole week's or month's report (volumes, rates, top issues, overdue
    agencies, what was answered) in China time."""
    from models.common import CHINA, utcnow
    from models.files.pdfdoc import FontMissing
    from models.office import reports
    from webapp.cli.prepared import prepared_app

    if output.suffix not in (".xlsx", ".pdf"):
        raise click.ClickException("the output must end in .xlsx or .pdf")
    try:
        when = date.fromisoformat(day) if day else utcnow().astimezone(CHINA).date()
    except ValueError as bad:
        raise click.ClickException("--date looks like 2026-01-31") from bad
    app = prepared_app()
    with Session(app.extensions["engine"]) as session:
        found = reports.build(session, plan_id or app.config["DEFAULT_PLAN"], kind, when)
    try:
        data = reports.to_xlsx(found) if output.suffix == ".xlsx" else reports.to_pdf(found)
    except FontMissing as problem:
        raise click.ClickException(str(problem)) from problem
    output.write_bytes(data)
    click.echo(f"{found.title} → {output}")
