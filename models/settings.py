"""The site's settings as one value the caller hands to the domain, never module globals.

Whoever opens a session (the web app per request, a CLI command, a queue job) builds one
``Settings`` from its configuration and binds it to that session with ``bind``; domain
functions read it back with ``settings_of(session)``. Two apps in one process therefore
keep their own rules, and a session nobody configured (a test, a script) gets the defaults.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlmodel import Session

SETTINGS_KEY = "tongsheng_settings"
QUEUE_NAME = "tongsheng"


@dataclass(frozen=True)
class ConsentRule:
    """Which privacy notice a guardian must have agreed to, and below which age."""

    notice_version: str = "2026-11"
    consent_age: int = 14


@dataclass(frozen=True)
class DutyRule:
    """How long a safeguarding case may wait for someone to take it in hand before it escalates."""

    ack_minutes: int = 30

    @property
    def delay(self) -> timedelta:
        return timedelta(minutes=self.ack_minutes)


@dataclass(frozen=True)
class Settings:
    """Everything the domain needs to know about this site.

    ``mail_backend`` is any object with ``send(to, subject, body)`` (None: the log);
    ``holidays`` are the city's own days off on top of the national calendar;
    ``redis_url`` says whether slow work goes to the queue (otherwise the sweep sends it).
    """

    consent: ConsentRule = field(default_factory=ConsentRule)
    duty: DutyRule = field(default_factory=DutyRule)
    holidays: frozenset[date] = frozenset()
    mail_backend: object | None = None
    redis_url: str | None = None
    queue: str = QUEUE_NAME
    database_url: str | None = None
    # Web push (``webapp.push.Pusher``: ``keys()``, ``deliver(session)``,
    # ``deliver_now(settings)``); None: a script or a test without the web app, no push.
    push: object | None = None
    # Minutes the dashboards' rollup (``models/office/rollup.py``) may be shown after the
    # sweep counted it; older, the page counts its figures itself.
    snapshot_minutes: int = 15
    # The sweep keeps a rollup only of cities with at least this many suggestions.
    snapshot_from: int = 20000


DEFAULT = Settings()


def bind(session: Session, settings: Settings) -> Session:
    """Hand ``settings`` to every domain function that is given this session."""
    session.info[SETTINGS_KEY] = settings
    return session


def settings_of(session: Session | None) -> Settings:
    """The settings bound to this session, or the defaults."""
    if session is None:
        return DEFAULT
    return session.info.get(SETTINGS_KEY, DEFAULT)
