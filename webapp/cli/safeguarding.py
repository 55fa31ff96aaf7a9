"""`tongsheng safeguarding-lead add|list|remove`: who is on duty for children in danger."""

from __future__ import annotations

import click
from sqlmodel import Session, select

from webapp.cli.prepared import prepared_app
from webapp.db import new_session


def _session():
    return new_session(prepared_app())


def _account(session: Session, username: str):
    from models.people.tables import Account

    found = session.exec(select(Account).where(Account.username == username)).first()
    if found is None:
        raise click.ClickException(f"no account named {username}")
    return found


@click.group("safeguarding-lead")
def safeguarding_lead() -> None:
    """Name, list and remove each city's safeguarding leads (安全负责人)."""


@safeguarding_lead.command("add")
@click.argument("username")
def add(username: str) -> None:
    """Name USERNAME (a coordinator or facilitator) a lead of their city, last on the list."""
    from models.safety.duty import LeadProblem, add_lead

    with _session() as session:
        account = _account(session, username)
        try:
            add_lead(session, account, by="tongsheng safeguarding-lead add")
        except LeadProblem as problem:
            raise click.ClickException(str(problem)) from problem
        session.commit()
        click.echo(f"{username} is a safeguarding lead of {account.plan_id}")


@safeguarding_lead.command("remove")
@click.argument("username")
def remove(username: str) -> None:
    """USERNAME is no longer a safeguarding lead."""
    from models.safety.duty import LeadProblem, remove_lead

    with _session() as session:
        try:
            remove_lead(session, _account(session, username),
                        by="tongsheng safeguarding-lead remove")
        except LeadProblem as problem:
            raise click.ClickException(str(problem)) from problem
        session.commit()
        click.echo(f"{username} is no longer a safeguarding lead")
        warn_without_lead(session)


@safeguarding_lead.command("list")
def list_() -> None:
    """Every city's leads in the order they are called."""
    from models.plans.plan import plan_ids
    from models.safety.safeguarding import leads

    with _session() as session:
        for plan_id in plan_ids():
            for number, lead in enumerate(leads(session, plan_id), start=1):
                click.echo(f"{plan_id}\t{number}\t{lead.username}\t{lead.display_name}")
        warn_without_lead(session)


def warn_without_lead(session: Session) -> None:
    """Say loudly on stderr which cities in use have nobody on duty."""
    from models.safety.duty import cities_without_lead

    for plan_id in cities_without_lead(session):
        click.secho(f"WARNING: {plan_id} has no safeguarding lead: a child in danger reaches "
                    f"every coordinator of the city until one is named "
                    f"(tongsheng safeguarding-lead add USERNAME)", fg="red", bold=True, err=True)
