"""Small helpers shared by the tables."""

import secrets
from datetime import UTC, datetime, timedelta, timezone

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
