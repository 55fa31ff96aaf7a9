"""A question back: the facilitator asks the child instead of declining an unclear suggestion.

Both sides are events on the suggestion's own history (never a private channel): the
question moves it to ``waiting_for_child``; the child's answer moves it back to review and
goes through the safeguarding screen like every other text a child writes.
"""

from __future__ import annotations

from sqlmodel import Session, select

from models.i18n import N_
from models.refusals import Invalid
from models.suggestions.handling import _text, screen_child_words
from models.suggestions.lifecycle import Actor, record
from models.suggestions.permissions import require_action
from models.suggestions.status import Status
from models.suggestions.tables import Event, Suggestion

QUESTION_LIMIT = 300
ANSWER_LIMIT = 500
ASK, REPLY = "ask_child", "child_reply"
# What the history keeps when a reply went to the safeguarding lead instead.
HANDED_TO_CASE = "（孩子的回答已经交给负责保护孩子的大人）"
QUESTION_TEMPLATES = [
    N_("能再说说是在哪里吗？比如哪个学校、哪个公园？"),
    N_("这件事是什么时候发生的？经常这样吗？"),
    N_("你希望变成什么样子呢？"),
]


class QuestionProblem(Invalid):
    """A question or an answer that cannot be taken, with a reason people can read."""


def _words(text: str, *, limit: int, missing: str) -> str:
    try:
        return _text(text, limit=limit, missing=missing)
    except ValueError as problem:
        raise QuestionProblem(str(problem)) from problem


def ask(session: Session, suggestion: Suggestion, *, actor: Actor, question: str) -> Event:
    """The facilitator's question to the child; the item waits for the answer."""
    require_action(session, actor, suggestion, "ask_child")
    question = _words(question, limit=QUESTION_LIMIT, missing="请写下想问孩子的问题。")
    return record(session, suggestion, action=ASK, actor=actor,
                  to_status=Status.WAITING_FOR_CHILD, note=question)


def answer(session: Session, suggestion: Suggestion, *, actor: Actor, text: str) -> Event:
    """The child answers; the item goes back to the facilitator's review queue.

    Words that the safeguarding screen flags go to the case, not into the history that
    agencies may later read.
    """
    require_action(session, actor, suggestion, "child_reply")
    text = _words(text, limit=ANSWER_LIMIT, missing="写一写你的回答吧。")
    case = screen_child_words(session, suggestion, text, channel="question")
    return record(session, suggestion, action=REPLY, actor=actor, to_status=Status.IN_REVIEW,
                  note=HANDED_TO_CASE if case is not None else text)


def open_question(session: Session, suggestion: Suggestion) -> Event | None:
    """The question the child has not answered yet, if the item is waiting for one."""
    if suggestion.status != Status.WAITING_FOR_CHILD:
        return None
    query = (select(Event).where(Event.suggestion_id == suggestion.id, Event.action == ASK)
             .order_by(Event.id.desc()))
    return session.exec(query).first()


def waiting(session: Session, group_ids: list[int]) -> list[Suggestion]:
    """Items of these groups that wait for a child's answer, oldest question first."""
    if not group_ids:
        return []
    query = (select(Suggestion).where(Suggestion.group_id.in_(group_ids),
                                      Suggestion.status == Status.WAITING_FOR_CHILD)
             .order_by(Suggestion.updated_at, Suggestion.id))
    return list(session.exec(query))
