"""Small helpers shared by the tables."""

import os
import secrets
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

# Every city TongSheng serves keeps China Standard Time.
CHINA = timezone(timedelta(hours=8), "CST")

# No 0/O, 1/I/L: codes are read aloud and typed by children.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


def utcnow() -> datetime:
    """Aware UTC: SQLModel stores datetimes as UTC on every database."""
    return datetime.now(UTC)


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


