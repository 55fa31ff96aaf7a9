"""A suggestion's history: one append-only event per step, and moving its status.

``record`` is the one writer of events (the status move is a conditional UPDATE, so two
people clicking at once cannot both win); every notice follows from it. It sits below the
moves (``lifecycle``, ``handling``, ``moderation``), which all call it and nothing else here.
"""

from __future__ import annotations

from datetime import datetime
from functools import cache

from sqlalchemy import insert, update
from sqlalchemy.orm import make_transient_to_detached
from sqlalchemy.orm.attributes import set_committed_value
from sqlmodel import Session, select

from models.common import utcnow
from models.i18n import data_of
from models.notices.notifications import on_event
from models.suggestions.permissions import Actor
from models.suggestions.status import InvalidTransition, Status, check_move
from models.suggestions.tables import Event, Suggestion

SYSTEM = Actor(kind="system", name="童声")


def record(session: Session, suggestion: Suggestion, *, action: str, actor: Actor,
           to_status: Status | None = None, note: str = "", at: datetime | None = None) -> Event:
    """Append one event and, when a status is given, move the suggestion to it.

    The move is a conditional UPDATE, so two people clicking at once cannot both win.
    ``at``: the suggestion was just written with that time, so only the event is written.
    """
    from_status = Status(suggestion.status)
    now = at or utcnow()
    if to_status is not None:
        check_move(from_status, to_status)
        session.flush()
        moved = session.execute(
            update(Suggestion)
            .where(Suggestion.id == suggestion.id, Suggestion.status == from_status.value)
            .values(status=to_status.value, updated_at=now)
            .execution_options(synchronize_session=False))
        if moved.rowcount != 1:
            raise InvalidTransition("这条建议刚刚被别人处理过了，请刷新页面再看。")
        set_committed_value(suggestion, "status", to_status)
    values = dict(suggestion_id=suggestion.id, action=action, from_status=from_status,
                  to_status=to_status or from_status, actor_kind=actor.kind,
                  actor_id=actor.id, actor_name=actor.name, note=note, note_data=data_of(note),
                  created_at=now)
    if at is None:
        suggestion.updated_at = now
        event = Event(**values)
        session.add_all([suggestion, event])
    else:
        event = _inserted(session, Event, values)
    on_event(session, suggestion, event)
    return event


@cache
def _insert_returning(model: type[Suggestion] | type[Event]):
    return insert(model.__table__).returning(*model.__table__.c)  # built once per table


def _inserted(session: Session, model: type[Suggestion] | type[Event], values: dict):
    """INSERT … RETURNING in Core, attached to the session as a load would: no ORM flush.

    Cheaper than building the object and flushing it; it keeps the caller's times and enums.
    """
    session.flush()  # anything pending (a meeting, a photo) is written first, as before
    row = session.execute(_insert_returning(model), values).one()
    stored = model.__mapper__.class_manager.new_instance()
    for key, value in row._mapping.items():
        set_committed_value(stored, key, values.get(key, value))
    make_transient_to_detached(stored)
    session.add(stored)
    return stored


def history(session: Session, suggestion_id: int) -> list[Event]:
    """Every event of one suggestion, oldest first."""
    query = select(Event).where(Event.suggestion_id == suggestion_id).order_by(Event.id)
    return list(session.exec(query))
