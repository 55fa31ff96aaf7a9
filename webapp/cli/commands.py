"""The `tongsheng` command: serve the site, load the demo, check plans, classify, train."""

from __future__ import annotations

import importlib
from pathlib import Path

import click


class _Commands(click.Group):
    """The command group; the commands below load their module only when they run, and each
    command imports what it uses, so `tongsheng classify` never loads the web app or the
    domain's tables and `tongsheng worker` never the training code."""

    LAZY = {"classify": "training.commands:classify", "train": "training.commands:train",
            "evaluate": "training.commands:evaluate", "backup": "webapp.cli.backup:backup",
            "restore": "webapp.cli.backup:restore", "retention": "webapp.cli.retention:retention",
            "worker": "webapp.cli.worker:worker", "scheduler": "webapp.cli.worker:scheduler",
            "chat-replay": "webapp.cli.replay:chat_replay",
            "safeguarding-lead": "webapp.cli.safeguarding:safeguarding_lead",
            "api-key": "webapp.cli.api_keys:api_key",
            "agency-staff": "webapp.cli.agency_staff:agency_staff",
            "report": "webapp.cli.report:report", "places": "webapp.cli.places:places"}

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.LAZY})

    def get_command(self, ctx: click.Context, name: str):
        if name not in self.LAZY:
            return super().get_command(ctx, name)
        module, _colon, attribute = self.LAZY[name].partition(":")
        try:
            return getattr(importlib.import_module(module), attribute, None)
        except ImportError:  # an install without the training package
            return None


@click.group(cls=_Commands)
def cli() -> None:
    """TongSheng 童声: children's suggestions, routed to the agency that owns them."""


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5000, show_default=True, type=int)
@click.option("--workers", default=2, show_default=True, type=int)
def serve(host: str, port: int, workers: int) -> None:
    """Run the site with gunicorn, after creating or migrating the database."""
    from sqlmodel import Session

    from models.suggestions.intake import warm_up
    from webapp.cli.prepared import prepared_app
    from webapp.cli.safeguarding import warn_without_lead
    from webapp.cli.server import run_gunicorn
    from webapp.public.chat_render import warm_up as warm_chat

    app = prepared_app(migrate_apart=True)
    if app.config["PRELOAD_CLASSIFIER"]:
        warm_up()
        warm_chat()
    with Session(app.extensions["engine"]) as session:
        warn_without_lead(session)
    click.echo(f"童声 is running on http://{host}:{port}/ (database: "
               f"{app.config['DATABASE_URL'].split('@')[-1]})")
    run_gunicorn(app, host=host, port=port, workers=workers)


@cli.command()
def demo() -> None:
    """Load the demo city (idempotent) and print the demo logins."""
    from models.demo import load_demo
    from models.demo_office import busy_city
    from models.people.mfa import enrol_demo_staff
    from webapp.cli.prepared import prepared_app
    from webapp.db import new_session

    app = prepared_app()
    with new_session(app) as session:
        logins = load_demo(session, app.config["PRIVACY_NOTICE_VERSION"])
        busy_city(session, app.config["PRIVACY_NOTICE_VERSION"])
        enrol_demo_staff(session)
        session.commit()
    click.echo("Demo logins (staff: /signin/staff, children: /signin/child):")
    for login in logins:
        click.echo(f"  {login.role:<13} {login.username:<14} {login.secret:<22} {login.note}")
    click.echo("Staff also type a one-time code; for a demo account, in another terminal:\n"
               "  tongsheng demo-code coordinator")


@cli.command("demo-code")
@click.argument("username")
def demo_code(username: str) -> None:
    """Print the current one-time code of a demo staff account (never a real one)."""
    from sqlmodel import Session

    from models.people.mfa import demo_code as current_code
    from webapp.cli.prepared import prepared_app

    app = prepared_app()
    with Session(app.extensions["engine"]) as session:
        code = current_code(session, username)
    if code is None:
        raise click.ClickException(f"{username} is not a demo staff account")
    click.echo(code)


@cli.command()
def sweep() -> None:
    """Recompute overdue items (督办), send reminders, escalate unacknowledged cases and
    count the big cities' dashboards ahead, once (`tongsheng scheduler` puts the same job on
    the queue every few minutes)."""
    from webapp import create_app
    from webapp.jobs import sweep_now

    app = create_app()
    result = sweep_now(app.extensions["engine"], app.extensions["settings"])
    click.echo("overdue: {overdue}, no longer overdue: {cleared}, due soon: {due_soon}, "
               "safeguarding cases escalated: {escalated}, "
               "dashboard snapshots: {snapshots}".format(**result))


@cli.group()
def db() -> None:
    """Database schema commands."""


@db.command("upgrade")
def db_upgrade() -> None:
    """Create or migrate the database named by DATABASE_URL."""
    from webapp import create_app
    from webapp.db import upgrade_database, upload_folders

    app = create_app()
    upgrade_database(app.config["DATABASE_URL"], upload_folders(app))
    click.echo("database is up to date")


@cli.group(invoke_without_command=True)
@click.pass_context
def plans(ctx: click.Context) -> None:
    """List the city plans that ship with TongSheng."""
    from models.plans.plan import load_all

    if ctx.invoked_subcommand is None:
        for plan in load_all():
            click.echo(f"{plan.id}\t{plan.city}\t{plan.period}\t{plan.title}")


@plans.command("check")
def plans_check() -> None:
    """Validate every plan file: every topic routed, every agency known, no empty task."""
    from models.plans.check import check_all

    problems = check_all()
    for plan_id, found in problems.items():
        status = "ok" if not found else f"{len(found)} problem(s)"
        click.echo(f"{plan_id}: {status}")
        for problem in found:
            click.echo(f"  - {problem}")
    if any(problems.values()):
        raise SystemExit(1)


@plans.command("export")
@click.argument("plan_id")
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None,
              help="write to this file instead of the screen")
def plans_export(plan_id: str, output: str | None) -> None:
    """Write the plan in force (as edited in the browser) as a TOML file the loader reads."""
    from sqlmodel import Session

    from models.plans.plan import UnknownPlan, load_plan
    from models.plans.versions import sync, to_toml
    from webapp.cli.prepared import prepared_app

    app = prepared_app()
    with Session(app.extensions["engine"]) as session:
        sync(session)
    try:
        text = to_toml(load_plan(plan_id))
    except UnknownPlan as unknown:
        raise click.ClickException(f"no plan {plan_id}") from unknown
    if output:
        Path(output).write_text(text, encoding="utf-8")
    else:
        click.echo(text, nl=False)


if __name__ == "__main__":
    cli()
