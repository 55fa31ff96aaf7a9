"""Replay a conversation through the real assistant, for reviewers, facilitators and tests.

Each line the child "says" goes through ``conversation.take_turn``: the same dialogue, intake
and safeguarding code as the web chat, against a real database. What comes out is one summary
per turn and, at the end, what became of the conversation.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable, Iterator

from sqlmodel import Session, select

from models.assistant import conversation as chats
from models.assistant.dialogue import new_state
from models.people.consent import is_held
from models.refusals import Invalid
from models.safety.safeguarding import (
    case_by_code,
    case_for_thread,
    child_words,
    dispatchable,
    publishable,
)
from models.suggestions.tables import Suggestion


class ReplayProblem(Invalid):
    """The replay cannot start (an unknown meeting code, for example)."""


def start(session: Session, *, plan_id: str, meeting_code: str | None = None):
    """A new chat on a device of its own, as the city's link or a meeting's link opens it."""
    meeting = None
    if meeting_code:
        meeting = chats.meeting_by_code(session, meeting_code)
        if meeting is None:
            raise ReplayProblem(f"no open meeting with the code {meeting_code}")
        from models.people.tables import Group

        plan_id = session.get(Group, meeting.group_id).plan_id
    state = new_state(plan_id)
    state["ask_age"] = True  # a child without an account, as on the city's link
    return chats.start(session, plan_id=plan_id, token=secrets.token_urlsafe(32),
                       state=state,
                       group_id=meeting.group_id if meeting else None,
                       meeting_id=meeting.id if meeting else None)


def replay(session: Session, sayings: Iterable[str], *, plan_id: str,
           meeting_code: str | None = None) -> Iterator[dict]:
    """One summary per turn, then {"outcome": ...}."""
    found = start(session, plan_id=plan_id, meeting_code=meeting_code)
    for number, said in enumerate(sayings, start=1):
        replies = [m for m in chats.take_turn(session, found, said) if m["who"] != "child"]
        yield {"turn": number, "replies": [m["text"] for m in replies],
               "help_shown": any(m["kind"] == "help" for m in replies)}
    yield {"outcome": outcome(session, found)}


def _latest_suggestion(session: Session, found: chats.Conversation) -> Suggestion | None:
    """The newest suggestion this chat stored (its keys all start with the chat's id)."""
    query = (select(Suggestion).where(Suggestion.idempotency_key.startswith(f"{found.id}-"))
             .order_by(Suggestion.id.desc()))
    return session.exec(query).first()


def outcome(session: Session, found: chats.Conversation) -> dict:
    """What the conversation left behind: its suggestion, whether it may go on, its case."""
    case = case_for_thread(session, chats.thread_of(found)) or case_by_code(
        session, found.state.get("case") or "")
    suggestion = _latest_suggestion(session, found)
    return {
        "suggestion": suggestion.tracking_code if suggestion else None,
        "status": str(suggestion.status) if suggestion else None,
        "urgent": bool(suggestion.urgent) if suggestion else case is not None,
        "dispatchable": suggestion is not None and dispatchable(session, suggestion),
        "publishable": suggestion is not None and publishable(suggestion),
        "waits_for_guardian": suggestion is not None and is_held(session, suggestion),
        "case": case.id if case else None,
        "case_messages": child_words(session, case) if case else [],
    }
