"""The only writer of Suggestion.status: every change is one Event in the same transaction.

Each move is a named function that checks who may make it and from which status; the
rules about *who* live in ``models/suggestions/permissions.py``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from functools import cache

from sqlalchemy import insert, update
from sqlalchemy.orm import make_transient_to_detached
from sqlalchemy.orm.attributes import set_committed_value
from sqlmodel import Session, select

from models.common import utcnow
from models.i18n import N_, data_of
from models.privacy.personal_data import coarse_place
from models.suggestions.permissions import (  # noqa: F401
    Actor,
    NotAllowed,
    actor_for_account,
    actor_for_code,
    actor_for_member,
    require,
)
from models.suggestions.status import InvalidTransition, Status, check_move
from models.suggestions.tables import Event, Suggestion

SYSTEM = Actor(kind="system", name=N_("童声"))


@dataclass(frozen=True)
class Classification:
    """What the text pipeline found, as the suggestion stores it."""

    redacted_text: str
    topic: str | None = None
    confidence: float = 0.0
    abstained: bool = True
    urgent: bool = False
    model_version: str = ""


@dataclass(frozen=True)
class Draft:
    """A child's suggestion before it is stored."""

    plan_id: str
    text: str
    place: str = ""
    group_id: int | None = None
    meeting_id: int | None = None
    member_id: int | None = None
    entered_by_id: int | None = None
    consent_to_publish: bool = False
    idempotency_key: str | None = None
    owner_key_hash: str | None = None

    @property
    def body_hash(self) -> str:
        """Identifies the body of a submission, so a retried key can be told from a reused one."""
        body = "\x1f".join([self.plan_id, self.text, self.place, str(self.meeting_id or "")])
        return hashlib.sha256(body.encode()).hexdigest()


class IdempotencyConflict(ValueError):
    """The same idempotency key was sent with a different suggestion."""


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
            raise InvalidTransition(N_("这条建议刚刚被别人处理过了，请刷新页面再看。"))
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
    from models.notices.notifications import on_event

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


def find_replay(session: Session, draft: Draft) -> Suggestion | None:
    """The suggestion an earlier try with the same key made, if any."""
    if not draft.idempotency_key:
        return None
    found = session.exec(
        select(Suggestion).where(Suggestion.idempotency_key == draft.idempotency_key)
    ).first()
    if found is not None and found.body_hash != draft.body_hash:
        raise IdempotencyConflict("this submission key was already used for another text")
    return found


def submit(session: Session, draft: Draft, found: Classification, actor: Actor, *,
           look_first: bool = True) -> Suggestion:
    """Store a new suggestion and its first event; a retried submission returns the first.

    ``look_first=False`` relies on the unique key instead: a retry fails at the INSERT.
    """
    replay = find_replay(session, draft) if look_first else None
    if replay is not None:
        return replay
    now = utcnow()
    suggestion = _inserted(session, Suggestion, dict(
        plan_id=draft.plan_id, group_id=draft.group_id, meeting_id=draft.meeting_id,
        member_id=draft.member_id, entered_by_id=draft.entered_by_id,
        idempotency_key=draft.idempotency_key, body_hash=draft.body_hash,
        owner_key_hash=None if draft.member_id else draft.owner_key_hash,
        original_text=draft.text, redacted_text=found.redacted_text,
        place=coarse_place(draft.place),
        topic=found.topic, confidence=found.confidence, abstained=found.abstained,
        model_version=found.model_version, urgent=found.urgent,
        consent_to_publish=draft.consent_to_publish and not found.urgent,
        status=Status.SUBMITTED, created_at=now, updated_at=now,
    ))
    note = N_("紧急：可能有孩子处在危险中") if found.urgent else ""
    record(session, suggestion, action="submit", actor=actor, note=note, at=now)
    return suggestion


def history(session: Session, suggestion_id: int) -> list[Event]:
    """Every event of one suggestion, oldest first."""
    query = select(Event).where(Event.suggestion_id == suggestion_id).order_by(Event.id)
    return list(session.exec(query))


def replay_status(events: list[Event]) -> Status:
    """The status a suggestion must have, recomputed from its events alone."""
    status = Status.SUBMITTED
    for event in events:
        if event.to_status is not None:
            status = Status(event.to_status)
    return status


def _from(suggestion: Suggestion, *allowed: Status, doing: str) -> None:
    """Refuse an action the suggestion's current status does not allow, in plain words."""
    if Status(suggestion.status) not in allowed:
        from models.suggestions.status import STAFF_LABELS

        raise InvalidTransition(
            N_("这条建议现在是「%(staff_labels)s」，不能%(doing)s。")
            % {"staff_labels": STAFF_LABELS[Status(suggestion.status)], "doing": doing})


def send_to_review(session: Session, suggestion: Suggestion, *, actor: Actor,
                   note: str = "") -> Event:
    """A moderator has read it: submitted → in_review (议事会看过了)."""
    require(session, actor, suggestion, "moderate")
    _from(suggestion, Status.SUBMITTED, doing=N_("送审"))
    return record(session, suggestion, action="approve", actor=actor,
                  to_status=Status.IN_REVIEW, note=note)


def approve(session: Session, suggestion: Suggestion, *, actor: Actor, note: str = "",
            dispatch_now: bool = True) -> Suggestion:
    """Moderation passed; dispatch at once when the topic is known, else wait in triage."""
    require(session, actor, suggestion, "moderate")
    _from(suggestion, Status.SUBMITTED, Status.IN_REVIEW, doing=N_("通过审核"))
    if suggestion.status == Status.SUBMITTED:
        send_to_review(session, suggestion, actor=actor, note=note)
    if dispatch_now and suggestion.topic and not suggestion.abstained:
        dispatch(session, suggestion, actor=actor)
    return suggestion


def decline(session: Session, suggestion: Suggestion, *, actor: Actor, reason: str) -> Event:
    """Not sent on, with a reason a child can read."""
    require(session, actor, suggestion,
            "coordinate" if suggestion.status == Status.RETURNED else "moderate")
    _from(suggestion, Status.SUBMITTED, Status.IN_REVIEW, Status.RETURNED, doing=N_("不采纳"))
    if not reason.strip():
        raise ValueError(N_("请写下不送出的原因，孩子能看懂的话。"))
    return record(session, suggestion, action="decline", actor=actor,
                  to_status=Status.DECLINED, note=reason.strip())


def merge(session: Session, suggestion: Suggestion, *, actor: Actor,
          into: Suggestion) -> Event:
    """Fold a duplicate into another suggestion; both histories say so."""
    require(session, actor, suggestion, "moderate")
    require(session, actor, into, "moderate")
    _from(suggestion, Status.SUBMITTED, Status.IN_REVIEW, doing=N_("合并"))
    if into.id == suggestion.id or into.plan_id != suggestion.plan_id:
        raise ValueError(N_("只能合并到同一个城市的另一条建议。"))
    if Status(into.status) in (Status.MERGED, Status.DECLINED):
        raise InvalidTransition(N_("不能合并到已合并或未采纳的建议。"))
    suggestion.merged_into_id = into.id
    record(session, into, action="merge_in", actor=actor, note=suggestion.tracking_code)
    return record(session, suggestion, action="merge", actor=actor,
                  to_status=Status.MERGED, note=into.tracking_code)


# The moves after moderation live next door; re-exported so callers use one module.
from models.suggestions.handling import (  # noqa: E402,F401
    RETURN_REASONS,
    accept,
    add_note,
    answer,
    contest,
    dispatch,
    rate,
    reopen,
    reroute,
    return_,
    start_progress,
)
