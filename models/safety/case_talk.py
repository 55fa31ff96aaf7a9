"""The conversation of a safeguarding case: the child keeps talking, an adult can write back.

Whatever channel the case came from (chat, form, meeting, visit, report, rating), it has one
chat where the child goes on in calm words and comes back later, on this device or, with the
case code, on another one. Every word either way is written in the case history, which every
person who may see the case reads; an adult writes only while someone else can read it too,
so this is never a private channel between one adult and a child.
"""

from __future__ import annotations

import copy

from sqlmodel import Session, select

from models.assistant.conversation import Conversation, save, token_hash
from models.assistant.steps import listening_state, log_messages
from models.i18n import N_
from models.notices.notifications import notify
from models.people.tables import Account
from models.refusals import Invalid
from models.safety.safeguarding import (
    STAFF,
    STAFF_ROLES,
    STEP,
    SafeguardingCase,
    add_entry,
    case_by_code,
    may_see,
)

MAX_WORDS = 500


class TalkProblem(Invalid):
    """An adult's message cannot be sent, with the reason."""


def conversation_of(session: Session, case: SafeguardingCase) -> Conversation | None:
    return session.get(Conversation, case.conversation_id) if case.conversation_id else None


def ensure_conversation(session: Session, case: SafeguardingCase, *, member_id: int | None = None,
                        meeting_id: int | None = None) -> Conversation:
    """The case's chat, started in listening mode if it has none yet (flushed)."""
    found = conversation_of(session, case)
    if found is not None:
        return found
    found = Conversation(plan_id=case.plan_id, group_id=case.group_id, meeting_id=meeting_id,
                         member_id=member_id, device_hash="",
                         state=listening_state(case.plan_id, case.code))
    session.add(found)
    session.flush()
    case.conversation_id = found.id
    session.add(case)
    session.flush()
    return found


def claim(session: Session, conversation: Conversation, token: str) -> bool:
    """Tie a case chat nobody holds yet (made by the plain form) to this device."""
    if conversation.device_hash:
        return conversation.device_hash == token_hash(token)
    conversation.device_hash = token_hash(token)
    session.add(conversation)
    session.flush()
    return True


def come_back(session: Session, code: str, token: str) -> Conversation | None:
    """The child types the case code on any device: the chat moves to this device."""
    case = case_by_code(session, code)
    if case is None:
        return None
    found = conversation_of(session, case) or ensure_conversation(session, case)
    found.device_hash = token_hash(token)
    session.add(found)
    add_entry(session, case, STEP, N_("孩子用个案码回到了对话（可能换了一台设备）"),
              channel="return")
    session.flush()
    return found


def readers(session: Session, case: SafeguardingCase) -> list[Account]:
    """Every active staff member who may open the case and read its history."""
    query = select(Account).where(Account.plan_id == case.plan_id, Account.is_active,
                                  Account.role.in_(STAFF_ROLES))
    return [a for a in session.exec(query) if may_see(session, a, case)]


def write_to_child(session: Session, *, case: SafeguardingCase, account: Account,
                   text: str) -> None:
    """An adult's words into the child's chat, logged in the case, seen by a second adult."""
    text = (text or "").strip()
    if not text:
        raise TalkProblem(N_("请写下想对孩子说的话。"))
    if len(text) > MAX_WORDS:
        raise TalkProblem(N_("最多 %(max_words)s 个字。") % {"max_words": MAX_WORDS})
    others = [a for a in readers(session, case) if a.id != account.id]
    if not may_see(session, account, case) or not others:
        raise TalkProblem(N_("现在只有你一个人能看到这个个案。给孩子的每句话都要有第二位工作人员"
                          "能看到：请先再指定一位安全负责人。"))
    found = conversation_of(session, case)
    if found is None:
        raise TalkProblem(N_("这个个案没有孩子可以回来的对话（比如来自开放接口），"
                          "请按强制报告流程处理。"))
    message = {"who": "staff", "kind": "staff", "text": text, "quick": []}
    state = copy.deepcopy(found.state)
    log_messages(state, [message])
    state["unseen"] = state.get("unseen", []) + [message]
    add_entry(session, case, STAFF, text, channel="chat", account=account)
    for person in others:
        notify(session, kind="safeguarding", account=person,
               message=(N_("%(display_name)s 给安全个案 #%(id)s 的孩子写了一句话，请一起看看。")
                        % {"display_name": account.display_name, "id": case.id}))
    save(session, found, state)


def take_unseen(session: Session, conversation: Conversation) -> list[dict]:
    """What the adults wrote that the child's page has not shown yet, now marked as shown.

    The case chat asks for it every few seconds, so a lead's reply appears without the child
    having to type again.
    """
    unseen = list(conversation.state.get("unseen", []))
    mark_seen(session, conversation)
    return unseen


def mark_seen(session: Session, conversation: Conversation) -> None:
    """The child's page showed the adults' words: the next turn need not repeat them."""
    if conversation.state.get("unseen"):
        state = copy.deepcopy(conversation.state)
        state.pop("unseen")
        save(session, conversation, state)
