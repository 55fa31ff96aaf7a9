"""Wrong PINs: a growing wait after a few, then a lock only the child's facilitator lifts.

A PIN has at most a million values, so guessing must stop long before that. The count
lives on the member row, not in a rate limiter's bucket: whatever the attacker adds to
the form, from however many addresses, every wrong PIN for this child counts. The right
PIN during a wait is refused too (otherwise the wait would tell a guesser nothing).
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import Session

from models.common import utcnow
from models.people.passwords import hash_secret
from models.people.tables import Member

FREE_TRIES = 3
LOCK_AFTER = 10
FIRST_WAIT = timedelta(seconds=30)


@dataclass(frozen=True)
class Barred:
    """Why a child cannot try their PIN now: a wait in seconds, or a lock."""

    seconds: int = 0
    locked: bool = False


def barred(member: Member, now: datetime | None = None) -> Barred | None:
    """The wait or lock in force for this child, or None when they may try."""
    if member.pin_locked_at is not None:
        return Barred(locked=True)
    now = now or utcnow()
    if member.pin_wait_until is not None and member.pin_wait_until > now:
        return Barred(seconds=int((member.pin_wait_until - now).total_seconds()) + 1)
    return None


def record_failure(session: Session, member: Member, now: datetime | None = None) -> None:
    """One more wrong PIN: 30 s after the third, doubling each time, locked at the tenth."""
    now = now or utcnow()
    member.pin_failures += 1
    if member.pin_failures >= LOCK_AFTER:
        member.pin_locked_at = now
    elif member.pin_failures >= FREE_TRIES:
        member.pin_wait_until = now + FIRST_WAIT * 2 ** (member.pin_failures - FREE_TRIES)
    session.add(member)
    session.flush()


def record_success(session: Session, member: Member) -> None:
    if member.pin_failures or member.pin_wait_until:
        member.pin_failures, member.pin_wait_until = 0, None
        session.add(member)
        session.flush()


def lift(session: Session, member: Member) -> None:
    """The facilitator knows the child: the lock and the count start over."""
    member.pin_failures, member.pin_wait_until, member.pin_locked_at = 0, None, None
    session.add(member)
    session.flush()


def reset_pin(session: Session, member: Member) -> str:
    """A new six-digit PIN, shown once to the facilitator; old sessions and locks end."""
    pin = f"{secrets.randbelow(10 ** 6):06d}"
    member.pin_hash = hash_secret(pin)
    member.session_version += 1
    lift(session, member)
    return pin
