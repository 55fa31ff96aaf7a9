"""Urgent alerts: a child who may be in danger is never left waiting in a queue."""

from __future__ import annotations

from sqlmodel import Session

from .suggestion import Suggestion


def raise_urgent_alert(session: Session, suggestion: Suggestion) -> None:
    """Tell the group's facilitators and the city's coordinators at once.

    The notification layer (models/notifications.py) fills this in; until then the
    urgent flag alone puts the item on top of every queue.
    """
    from . import notifications

    notifications.urgent(session, suggestion)
