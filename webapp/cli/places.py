"""`tongsheng places seed|import`: the public places of the cities' maps."""

from __future__ import annotations

from pathlib import Path

import click

from webapp.cli.safeguarding import _session


@click.group("places")
def places() -> None:
    """Put public places (schools, parks, libraries, hospitals, 儿童之家) on the cities' maps."""


@places.command("seed")
@click.option("--plan", "plan_ids", multiple=True, help="only this city (plan id); repeatable")
def seed(plan_ids: tuple[str, ...]) -> None:
    """Add the shipped list of public places (models/places/data) where a name is missing."""
    from models.places.places import seed as seed_places
    from models.plans.plan import plan_ids as shipped

    with _session() as session:
        added = seed_places(session, list(plan_ids or shipped()))
        session.commit()
    click.echo(f"{added} places added")


@places.command("import")
@click.argument("table", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--plan", "plan_id", required=True, help="the city (plan id) of the places")
def import_(table: Path, plan_id: str) -> None:
    """Add or update the places of a UTF-8 CSV (name, kind, district, lat, lng); any bad row
    is listed with its line and then nothing is stored."""
    from models.places.places import PlaceProblem, import_csv
    from models.plans.plan import plan_ids

    if plan_id not in plan_ids():
        raise click.ClickException(f"no city plan named {plan_id}")
    with _session() as session:
        try:
            stored, problems = import_csv(session, plan_id, table.read_text(encoding="utf-8"))
        except PlaceProblem as problem:
            raise click.ClickException(str(problem)) from problem
        for problem in problems:
            click.echo(f"line {problem.line}: {problem.reason}", err=True)
        if problems:
            raise click.ClickException("nothing imported")
        session.commit()
    click.echo(f"{stored} places imported")
