"""The coordinator's queues: what the classifier was unsure of, 退单, reopened, public review."""

from __future__ import annotations

from sqlmodel import Session, select

from classifier.topics import TOPIC_IDS

from .lifecycle import Actor, dispatch, send_to_review
from .permissions import require
from .status import Status
from .suggestion import Correction, Event, Suggestion

QUEUES = ("triage", "returned", "reopened", "review")


def _ordered(query) -> object:
    return query.order_by(Suggestion.urgent.desc(), Suggestion.created_at)


def triage_queue(session: Session, plan_id: str) -> list[Suggestion]:
    """Approved (or public) items whose topic nobody knows yet: a person picks it."""
    query = select(Suggestion).where(
        Suggestion.plan_id == plan_id,
        Suggestion.abstained | Suggestion.topic.is_(None),
        (Suggestion.status == Status.IN_REVIEW.value)
        | ((Suggestion.status == Status.SUBMITTED.value) & Suggestion.group_id.is_(None)))
    return list(session.exec(_ordered(query)))


def returned_queue(session: Session, plan_id: str) -> list[Suggestion]:
    """退单 waiting for the coordinator to re-route or adjudicate."""
    query = select(Suggestion).where(Suggestion.plan_id == plan_id,
                                     Suggestion.status == Status.RETURNED.value)
    return list(session.exec(_ordered(query)))


def reopened_queue(session: Session, plan_id: str) -> list[Suggestion]:
    """Back in review after an unsatisfied rating or the child's "但是……"."""
    reopened = select(Event.suggestion_id).where(Event.action == "reopen")
    query = select(Suggestion).where(Suggestion.plan_id == plan_id,
                                     Suggestion.status == Status.IN_REVIEW.value,
                                     Suggestion.id.in_(reopened))
    return list(session.exec(_ordered(query)))


def review_queue(session: Session, plan_id: str) -> list[Suggestion]:
    """Public-link suggestions with no council: the coordinator moderates them."""
    query = select(Suggestion).where(Suggestion.plan_id == plan_id,
                                     Suggestion.status == Status.SUBMITTED.value,
                                     Suggestion.group_id.is_(None),
                                     Suggestion.abstained.is_(False))
    return list(session.exec(_ordered(query)))


def queue(session: Session, name: str, plan_id: str) -> list[Suggestion]:
    return {"triage": triage_queue, "returned": returned_queue, "reopened": reopened_queue,
            "review": review_queue}[name](session, plan_id)


def counts(session: Session, plan_id: str) -> dict[str, int]:
    return {name: len(queue(session, name, plan_id)) for name in QUEUES}


def pick_topic(session: Session, suggestion: Suggestion, *, actor: Actor, topic: str) -> None:
    """A person chooses the topic the classifier abstained on; it is kept for retraining."""
    require(session, actor, suggestion, "coordinate")
    if topic not in TOPIC_IDS:
        raise ValueError("请从列表里选一个主题。")
    if suggestion.status not in (Status.SUBMITTED, Status.IN_REVIEW):
        raise ValueError("这条建议已经不在待分类里了。")
    session.add(Correction(suggestion_id=suggestion.id, text=suggestion.agency_text,
                           topic=topic, source="triage"))
    suggestion.topic, suggestion.abstained = topic, False
    if suggestion.status == Status.SUBMITTED:
        send_to_review(session, suggestion, actor=actor, note="妇儿工委办分类")
    dispatch(session, suggestion, actor=actor)
