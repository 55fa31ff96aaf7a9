"""A chat with the assistant, kept in the database so any web worker can serve the next turn.

The row holds the dialogue's JSON state and who the chat belongs to: a device (a random token
kept in a cookie, stored here only as a hash), and optionally a member, group and meeting.
Chats nobody touched for the retention period are deleted with their photo.
"""

from __future__ import annotations

import copy
import hashlib
import uuid
from datetime import datetime, timedelta

from sqlalchemy import JSON, Column, and_, delete
from sqlalchemy.orm.attributes import flag_modified
from sqlmodel import Field, Session, SQLModel, select

from models.assistant import dialogue
from models.common import utcnow
from models.files.photos import delete_photo
from models.i18n import N_
from models.people.tables import Meeting, MeetingStatus
from models.refusals import Conflict
from models.suggestions.lifecycle import Actor, Draft, record
from models.suggestions.status import CHILD_LABELS
from models.suggestions.tables import Suggestion

RETENTION_DAYS = 7
OPEN_STEPS = ("what", "split", "where", "where_more", "why", "confirm", "choose", "consent", "age",
              "stopping", "listening")


def _uuid() -> str:
    return uuid.uuid4().hex


def token_hash(token: str) -> str:
    """Only a hash of the device token is stored, so a database copy cannot open chats."""
    return hashlib.sha256((token or "").encode()).hexdigest()


class Conversation(SQLModel, table=True):
    """One child's chat: the dialogue state and the context it started in."""

    id: str = Field(default_factory=_uuid, primary_key=True, max_length=32)
    plan_id: str = Field(foreign_key="city_plan.id", max_length=40)
    group_id: int | None = Field(default=None, foreign_key="child_group.id")
    meeting_id: int | None = Field(default=None, foreign_key="meeting.id")
    member_id: int | None = Field(default=None, foreign_key="member.id")
    device_hash: str = Field(index=True, max_length=64)
    state: dict = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow, index=True)

    def belongs_to(self, token: str | None, member_id: int | None = None) -> bool:
        """A signed-in child's chat is theirs alone; an anonymous one, its device's alone.

        So a chat never passes between two people: not to the next child on a shared
        device, and not from an anonymous session to a child who signed in, or back.
        """
        if self.member_id is not None or member_id is not None:
            return member_id == self.member_id
        return bool(token) and token_hash(token) == self.device_hash

    @property
    def is_open(self) -> bool:
        return self.state.get("step") in OPEN_STEPS


def start(session: Session, *, plan_id: str, token: str, state: dict,
          group_id: int | None = None, meeting_id: int | None = None,
          member_id: int | None = None) -> Conversation:
    """Create and store a new conversation."""
    conversation = Conversation(plan_id=plan_id, group_id=group_id, meeting_id=meeting_id,
                                member_id=member_id, device_hash=token_hash(token), state=state)
    session.add(conversation)
    session.flush()
    return conversation


def resumable(session: Session, *, token: str | None, plan_id: str, member_id: int | None = None,
              meeting_id: int | None = None, checklist: str | None = None
              ) -> Conversation | None:
    """The newest unfinished chat of this child (signed in) or this device (anonymous) here."""
    if member_id is not None:
        owner = Conversation.member_id == member_id
    elif token:
        owner = and_(Conversation.member_id.is_(None),
                     Conversation.device_hash == token_hash(token))
    else:
        return None
    query = (select(Conversation)
             .where(owner, Conversation.plan_id == plan_id,
                    Conversation.meeting_id == meeting_id)
             .order_by(Conversation.updated_at.desc()).limit(5))
    return next((c for c in session.exec(query)
                 if c.is_open and c.state.get("checklist") == checklist), None)


def save(session: Session, conversation: Conversation, state: dict) -> Conversation:
    """Store the new state; the whole JSON is replaced so every worker sees the same turn."""
    conversation.state = state
    flag_modified(conversation, "state")
    conversation.updated_at = utcnow()
    session.add(conversation)
    session.flush()
    return conversation


def delete_abandoned(session: Session, *, days: int = RETENTION_DAYS,
                     now: datetime | None = None) -> int:
    """Delete chats untouched for `days`, with their photos; what was submitted lives on."""
    cutoff = (now or utcnow()) - timedelta(days=days)
    old = [c for c in session.exec(select(Conversation).where(Conversation.updated_at < cutoff))
           if not c.state.get("case")]  # a child in a safeguarding case can always come back
    for conversation in old:
        if not conversation.state.get("code"):
            delete_photo(session, conversation.state.get("photo"))
    if old:
        session.execute(delete(Conversation).where(Conversation.id.in_([c.id for c in old])))
    session.flush()
    return len(old)


def meeting_by_code(session: Session, code: str) -> Meeting | None:
    """The meeting a join code opens; a closed meeting takes no new suggestions."""
    query = select(Meeting).where(Meeting.join_code == (code or "").strip().upper(),
                                  Meeting.status != MeetingStatus.CLOSED)
    return session.exec(query).first()


def attach_photo(session: Session, conversation: Conversation, name: str) -> None:
    """Attach a stored photo to this round of the chat; a newer photo replaces the older."""
    state = copy.deepcopy(conversation.state)
    if state.get("photo"):
        delete_photo(session, state["photo"])
    save(session, conversation, dialogue.note_photo(state, name))


class StaleTurn(Conflict):
    """The page showed an older turn than the one stored: it should reload the chat."""


def take_turn(session: Session, conversation: Conversation, text: str,
              seq: int | None = None,
              owner_key_hash: str | None = None) -> list[dict]:
    """Run one turn of the dialogue; a retried turn gets the replies it got the first time.

    ``owner_key_hash``: the key of the anonymous device chatting, kept on what it submits.
    """
    state = conversation.state
    retry = token_hash(text.strip())
    if seq is not None and seq == state["seq"] - 1 and state.get("last_hash") == retry:
        return state["last"]
    if seq is not None and seq != state["seq"]:
        raise StaleTurn(f"turn {seq} but the chat is at {state['seq']}")
    new, messages = dialogue.reply(
        state, text, analyser=_analyser,
        submit=lambda done: _submit(session, conversation, done, owner_key_hash),
        alarm=lambda said: _alarm(session, conversation, said),
        lookup=lambda code: child_status(session, code, conversation, owner_key_hash),
        hold=lambda said: _hold(session, conversation, said))
    # What an adult wrote since the last turn is shown before this turn's words.
    messages = new.pop("unseen", []) + messages
    if new["seq"] != state["seq"]:
        new["last"], new["last_hash"] = messages, retry
    if _dropped_photo(state, new):
        delete_photo(session, state["photo"])
    save(session, conversation, new)
    return messages


def pick_place(session: Session, conversation: Conversation, place_id: int, name: str,
               owner_key_hash: str | None = None) -> list[dict]:
    """A place picked on the map answers "where?" as if the child had typed its name.

    Only while the chat asks where; the suggestion then names the place (``_submit``).
    """
    if conversation.state["step"] != "where":
        return []
    conversation.state = {**conversation.state, "picked_place": {"id": place_id, "name": name}}
    return take_turn(session, conversation, name, conversation.state["seq"], owner_key_hash)


def picked_place_id(state: dict) -> int | None:
    """The map's place, if the place the child gave is still the one picked on the map."""
    picked = state.get("picked_place") or {}
    return picked.get("id") if picked.get("name") and \
        state["answers"].get("where", "").startswith(picked["name"]) else None


def _dropped_photo(old: dict, new: dict) -> bool:
    """A photo the child chose not to send: it was never part of a suggestion."""
    return bool(old.get("photo")) and not old.get("code") and not new.get("code") \
        and new.get("photo") != old["photo"]


def _analyser(text: str):
    from classifier import analyse
    from models.suggestions.intake import topic_model

    return analyse(text, topic_model())


def _draft(conversation: Conversation, text: str, key: str, **extra) -> Draft:
    return Draft(plan_id=conversation.plan_id, text=text, group_id=conversation.group_id,
                 meeting_id=conversation.meeting_id, member_id=conversation.member_id,
                 idempotency_key=key, **extra)


def _actor(conversation: Conversation) -> Actor:
    return Actor(kind="child", id=conversation.member_id, name="" if conversation.member_id
                 else N_("匿名小朋友"))


def _submit(session: Session, conversation: Conversation, state: dict,
            owner_key_hash: str | None = None) -> str:
    """Store the finished suggestion once per round, with its photo and the child's choice.

    ``state["held"]`` tells the dialogue that it waits for a guardian's consent.
    """
    from models.assistant.steps import ADULT_BAND
    from models.people.consent import is_held
    from models.suggestions.intake import hold_for_age, take_suggestion

    key = f"{conversation.id}-r{state['round']}"
    draft = _draft(conversation, dialogue.suggestion_text(state), key,
                   place=state["answers"].get("where", ""), place_id=picked_place_id(state),
                   consent_to_publish=bool(state["consent"]), owner_key_hash=owner_key_hash)
    suggestion = take_suggestion(session, draft, _actor(conversation),
                                 _as_the_child_said(state, draft))
    state["held"] = is_held(session, suggestion)
    if not state["held"] and conversation.member_id is None and state.get("ask_age") \
            and state.get("age") != ADULT_BAND:
        state["held"] = hold_for_age(session, suggestion, state.get("age") or "unknown")
        state["held_for"] = "age"
    if state.get("photo") and suggestion.photo is None:
        suggestion.photo = state["photo"]
        session.add(suggestion)
    if state.get("chosen_by_child") or state.get("to_person"):
        note = (N_("孩子说都不是，请人工分类") if state.get("to_person")
                else (N_("孩子选择的主题：%(topic)s") % {"topic": state['topic']}))
        record(session, suggestion, action="child_topic", actor=_actor(conversation), note=note)
    session.flush()
    return suggestion.tracking_code


def _as_the_child_said(state: dict, draft):
    """The model's reading, corrected by the child: a picked topic counts, 都不是 goes to triage."""
    from dataclasses import replace

    from models.suggestions.intake import classify_text

    found = classify_text(draft.text, draft.plan_id)
    if state.get("to_person"):
        return replace(found, topic=None, abstained=True)
    if state.get("chosen_by_child") and state.get("topic"):
        top = dict((state.get("guess") or {}).get("top", []))
        return replace(found, topic=state["topic"], abstained=False,
                       confidence=float(top.get(state["topic"], found.confidence)))
    return found


def thread_of(conversation: Conversation) -> str:
    """The conversation a safeguarding case belongs to."""
    return f"chat:{conversation.id}"


def _alarm(session: Session, conversation: Conversation, said: str) -> str | None:
    """A child who may be in danger: the words become an urgent item and this chat its case."""
    from models.suggestions.intake import take_words

    key = f"{conversation.id}-u{conversation.state['seq']}"
    taken = take_words(session, _draft(conversation, said, key), _actor(conversation),
                       thread=thread_of(conversation), channel="chat")
    if taken.case is None:
        return None
    if taken.case.conversation_id is None:
        taken.case.conversation_id = conversation.id
        session.add(taken.case)
    return taken.case.code


def _hold(session: Session, conversation: Conversation, said: str) -> None:
    """A later message of a chat that is a case: it joins the case, word for word."""
    from models.safety.safeguarding import case_by_code, case_for_thread, hear

    case = case_for_thread(session, thread_of(conversation)) or case_by_code(
        session, conversation.state.get("case") or "")
    if case is not None:
        hear(session, case, said, channel="chat")


def child_status(session: Session, code: str, conversation: Conversation | None = None,
                 owner_key_hash: str | None = None) -> str | None:
    """Where a suggestion is, in a child's words; None for a code this chat may not know.

    As on the tracking page: a public item, or one's own (the child's, or this device's).
    """
    from models.privacy.publication import is_public

    found = session.exec(select(Suggestion).where(Suggestion.tracking_code == code)).first()
    if found is None:
        return None
    from models.suggestions.devices import device_owns

    mine = conversation is not None and (
        (found.member_id is not None and found.member_id == conversation.member_id)
        or any(device_owns(session, found, key)
               for key in (owner_key_hash, conversation.device_hash)))
    return CHILD_LABELS[found.status] if mine or is_public(session, found) else None
