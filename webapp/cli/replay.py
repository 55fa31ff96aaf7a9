"""`tongsheng chat-replay`: JSON lines {"say": ...} in, one line per turn and the outcome out."""

from __future__ import annotations

import json
import os
import secrets
import sys
import tempfile

import click
from sqlmodel import Session


def _sayings(stream):
    """The child's words, one JSON object per line; a blank line is skipped."""
    for number, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        try:
            said = json.loads(line)["say"]
        except (ValueError, KeyError, TypeError) as error:
            raise click.ClickException(f'line {number}: expected {{"say": "..."}}') from error
        yield str(said)


def _app(folder: str):
    """The app on DATABASE_URL, or on a throwaway SQLite database with the plans loaded."""
    from models.plans.importer import import_all
    from webapp import create_app
    from webapp.db import upgrade_database

    config = {} if os.environ.get("DATABASE_URL") else {
        "DATABASE_URL": f"sqlite:///{folder}/replay.sqlite3",
        "SECRET_KEY": secrets.token_urlsafe(32)}  # nothing is written to instance/
    app = create_app(config)
    upgrade_database(app.config["DATABASE_URL"])
    with Session(app.extensions["engine"]) as session:
        import_all(session)
    return app


@click.command("chat-replay")
@click.option("--plan", "plan_id", default=None, help="The city plan (default: DEFAULT_PLAN).")
@click.option("--meeting", "meeting_code", default=None, help="Chat as a meeting's link.")
def chat_replay(plan_id: str | None, meeting_code: str | None) -> None:
    """Replay a conversation through the real assistant, intake and safeguarding."""
    from models.assistant.replay import ReplayProblem, replay

    with tempfile.TemporaryDirectory() as folder:
        app = _app(folder)
        with Session(app.extensions["engine"], expire_on_commit=False) as session:
            try:
                for line in replay(session, _sayings(sys.stdin),
                                   plan_id=plan_id or app.config["DEFAULT_PLAN"],
                                   meeting_code=meeting_code):
                    click.echo(json.dumps(line, ensure_ascii=False))
                session.commit()
            except ReplayProblem as problem:
                raise click.ClickException(str(problem)) from problem
        app.extensions["engine"].dispose()
