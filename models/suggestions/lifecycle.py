"""The only writer of Suggestion.status: every change is one Event in the same transaction.

Each move is a named function that checks who may make it and from which status; the
rules about *who* live in ``models/suggestions/permissions.py``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from sqlmodel import Session, select

from models.common import utcnow
from models.i18n import N_
from models.privacy.personal_data import coarse_place
from models.refusals import Conflict, Invalid
from models.suggestions.events import SYSTEM, _inserted, history, record  # noqa: F401
from models.suggestions.permissions import (  # noqa: F401
    Actor,
    NotAllowed,
    actor_for_account,
    actor_for_code,
    actor_for_member,
    require,
    require_action,
)
from models.suggestions.status import InvalidTransition, Status, check_action
from models.suggestions.tables import Event, Suggestion


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
    place_id: int | None = None
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


class IdempotencyConflict(Conflict):
    """The same idempotency key was sent with a different suggestion."""


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
        place=coarse_place(draft.place), place_id=draft.place_id,
        topic=found.topic, confidence=found.confidence, abstained=found.abstained,
        model_version=found.model_version, urgent=found.urgent,
        consent_to_publish=draft.consent_to_publish and not found.urgent,
        status=Status.SUBMITTED, created_at=now, updated_at=now,
    ))
    note = N_("紧急：可能有孩子处在危险中") if found.urgent else ""
    record(session, suggestion, action="submit", actor=actor, note=note, at=now)
    return suggestion


def replay_status(events: list[Event]) -> Status:
    """The status a suggestion must have, recomputed from its events alone."""
    status = Status.SUBMITTED
    for event in events:
        if event.to_status is not None:
            status = Status(event.to_status)
    return status


def send_to_review(session: Session, suggestion: Suggestion, *, actor: Actor,
                   note: str = "") -> Event:
    """A moderator has read it: submitted → in_review (议事会看过了)."""
    require_action(session, actor, suggestion, "send_to_review")
    return record(session, suggestion, action="approve", actor=actor,
                  to_status=Status.IN_REVIEW, note=note)


def approve(session: Session, suggestion: Suggestion, *, actor: Actor, note: str = "",
            dispatch_now: bool = True) -> Suggestion:
    """Moderation passed; dispatch at once when the topic is known, else wait in triage."""
    require_action(session, actor, suggestion, "approve")
    if suggestion.status == Status.SUBMITTED:
        send_to_review(session, suggestion, actor=actor, note=note)
    if dispatch_now and suggestion.topic and not suggestion.abstained:
        dispatch(session, suggestion, actor=actor)
    return suggestion


def decline(session: Session, suggestion: Suggestion, *, actor: Actor, reason: str) -> Event:
    """Not sent on, with a reason a child can read."""
    require_action(session, actor, suggestion, "decline")
    if not reason.strip():
        raise Invalid("请写下不送出的原因，孩子能看懂的话。")
    return record(session, suggestion, action="decline", actor=actor,
                  to_status=Status.DECLINED, note=reason.strip())


def merge(session: Session, suggestion: Suggestion, *, actor: Actor,
          into: Suggestion) -> Event:
    """Fold a duplicate into another suggestion; both histories say so."""
    require(session, actor, suggestion, "moderate")
    require(session, actor, into, "moderate")
    check_action(suggestion.status, "merge")
    if into.id == suggestion.id or into.plan_id != suggestion.plan_id:
        raise Invalid("只能合并到同一个城市的另一条建议。")
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
