"""Small helpers shared by the tables."""

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

# Every city TongSheng serves keeps China Standard Time.
CHINA = timezone(timedelta(hours=8), "CST")

# No 0/O, 1/I/L: codes are read aloud and typed by children.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


# Zero except while the demo city tells a story as it happened some days ago (``days_ago``).
_TOLD_AGO: ContextVar[timedelta] = ContextVar("told_ago", default=timedelta(0))


def utcnow() -> datetime:
    """Aware UTC: SQLModel stores datetimes as UTC on every database."""
    return datetime.now(UTC) - _TOLD_AGO.get()


@contextmanager
def days_ago(days: int) -> Iterator[None]:
    """For loading the demo city only: inside, every time written (events, answers,
    deadlines) is that many days back, so the demo has a history spread over months.
    A context variable, so no other thread or request is affected."""
    token = _TOLD_AGO.set(timedelta(days=days))
    try:
        yield
    finally:
        _TOLD_AGO.reset(token)


def new_code(length: int = 8) -> str:
    """A random code a child can copy: invite codes, tracking codes, meeting codes."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(length))


def local_time(moment: datetime) -> datetime:
    """A stored time as people in the city read it; naive values are taken as UTC."""
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return aware.astimezone(CHINA)


def write_durably(path: Path, data: bytes) -> None:
    """Write through a temporary file and fsync, so a crash never leaves half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".part")
    with open(temporary, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    temporary.replace(path)


