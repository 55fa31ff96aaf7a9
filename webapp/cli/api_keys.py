"""`tongsheng api-key issue|list|revoke`: keys for programs that post through Open311."""

from __future__ import annotations

import click

from webapp.cli.safeguarding import _session


@click.group("api-key")
def api_key() -> None:
    """Issue, list and revoke Open311 API keys (only a hash of each key is stored)."""


@api_key.command("issue")
@click.argument("name")
@click.option("--city", "plan_id", default=None,
              help="the only city (plan id) the key may post to; without it, every city")
def issue(name: str, plan_id: str | None) -> None:
    """Issue a key for the program NAME and print it, this one time."""
    from models.office.api_keys import KeyRefused
    from models.office.api_keys import issue as issue_key
    from models.plans.plan import UnknownPlan, load_plan

    if plan_id is not None:
        try:
            load_plan(plan_id)
        except UnknownPlan as error:
            raise click.ClickException(f"no city plan named {plan_id}") from error
    with _session() as session:
        try:
            client, key = issue_key(session, name=name, plan_id=plan_id,
                                    by="tongsheng api-key issue")
            session.commit()
        except KeyRefused as refusal:
            raise click.ClickException(str(refusal)) from refusal
        click.echo(f"key {client.id} for {client.name} ({client.plan_id or 'every city'}):")
        click.echo(key)
        click.echo("Give it to them safely: it is shown only now and cannot be found again.",
                   err=True)


@api_key.command("list")
def list_() -> None:
    """Every key: number, city, start of the key, state, name."""
    from models.office.api_keys import clients

    with _session() as session:
        for client in clients(session):
            state = "active" if client.is_active else f"revoked by {client.revoked_by}"
            click.echo(f"{client.id}\t{client.plan_id or '*'}\t{client.key_start}…\t{state}"
                       f"\t{client.name}")


@api_key.command("revoke")
@click.argument("number", type=int)
def revoke(number: int) -> None:
    """Revoke key NUMBER (see `list`): it stops working at once."""
    from models.office.api_keys import KeyRefused, find_client
    from models.office.api_keys import revoke as revoke_key

    with _session() as session:
        client = find_client(session, number)
        if client is None:
            raise click.ClickException(f"no key number {number}")
        try:
            revoke_key(session, client, by="tongsheng api-key revoke")
            session.commit()
        except KeyRefused as refusal:
            raise click.ClickException(str(refusal)) from refusal
        click.echo(f"key {number} ({client.name}) is revoked")
