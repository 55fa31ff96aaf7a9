"""Human corrections as labelled examples: what retraining learns from."""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import inspect
from sqlmodel import Session, select

from models.db import make_engine, sqlite_url
from models.suggestions.tables import Correction

# The same default database the web app uses when DATABASE_URL is not set.
DEFAULT_INSTANCE = Path(__file__).parent.parent.parent / "instance"


def labelled_corrections(database_url: str | None = None) -> list[tuple[str, str]]:
    """Every (text, topic) a person chose, newest label per text winning.

    Texts are the redacted copies, so personal details never enter the training data.
    An empty or not-yet-migrated database simply has no corrections.
    """
    url = database_url or os.environ.get("DATABASE_URL") or sqlite_url(DEFAULT_INSTANCE)
    engine = make_engine(url)
    try:
        if not inspect(engine).has_table(Correction.__tablename__):
            return []
        with Session(engine) as session:
            rows = session.exec(select(Correction).order_by(Correction.id)).all()
    finally:
        engine.dispose()
    latest = {row.text: row.topic for row in rows}
    return list(latest.items())
