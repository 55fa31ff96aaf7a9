"""A question back: the facilitator asks the child instead of declining an unclear suggestion.

Both sides are events on the suggestion's own history (never a private channel): the
question moves it to ``waiting_for_child``; the child's answer moves it back to review and
goes through the safeguarding screen like every other text a child writes.

An agency handling the item asks *through* the facilitator (the city office for a child of
no group): its question (``agency_asks``) reaches no child until the adult who knows the
child passes it on in a child's words (an ``ask_child`` event while the item stays with the
agency) or keeps it back with a reason the agency reads. The child's answer is one more
event on the same history, which the agency, the facilitator and the city office all see.
"""

from __future__ import annotations

from sqlmodel import Session, select

from models.i18n import N_
from models.refusals import Invalid
from models.suggestions.events import history
from models.suggestions.handling import _text, screen_child_words
from models.suggestions.lifecycle import Actor, record
from models.suggestions.permissions import require_action
from models.suggestions.status import Status
from models.suggestions.tables import Event, Suggestion

QUESTION_LIMIT = 300
ANSWER_LIMIT = 500
ASK, REPLY = "ask_child", "child_reply"
AGENCY_ASKS, KEPT_BACK = "agency_asks", "question_kept_back"
WITH_AGENCY = frozenset({Status.DISPATCHED, Status.ACCEPTED, Status.IN_PROGRESS})
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
    """The child answers; an item in review goes back to the facilitator's queue, an item
    with an agency stays there (the agency reads the answer on its history).

    Words that the safeguarding screen flags go to the case, not into the history that
    agencies may later read.
    """
    require_action(session, actor, suggestion, "child_reply")
    if open_question(session, suggestion) is None:
        raise QuestionProblem("现在没有要你回答的问题。")
    text = _words(text, limit=ANSWER_LIMIT, missing="写一写你的回答吧。")
    case = screen_child_words(session, suggestion, text, channel="question")
    back = Status.IN_REVIEW if suggestion.status == Status.WAITING_FOR_CHILD else None
    return record(session, suggestion, action=REPLY, actor=actor, to_status=back,
                  note=HANDED_TO_CASE if case is not None else text)


def _last(session: Session, suggestion: Suggestion, actions: tuple[str, ...]) -> Event | None:
    found = [e for e in history(session, suggestion.id) if e.action in actions]
    return found[-1] if found else None


def open_question(session: Session, suggestion: Suggestion) -> Event | None:
    """The question the child has not answered yet: the facilitator's in review, or one
    passed on from the agency while the item is with it."""
    if suggestion.status == Status.WAITING_FOR_CHILD:
        return _last(session, suggestion, (ASK,))
    if suggestion.status in WITH_AGENCY:
        last = _last(session, suggestion, (ASK, REPLY))
        return last if last is not None and last.action == ASK else None
    return None


def asked_ids(session: Session, suggestions: list[Suggestion]) -> set[int]:
    """Which of these suggestions wait for their child's answer (one query for a list)."""
    asked = {s.id for s in suggestions if s.status == Status.WAITING_FOR_CHILD}
    handled = [s.id for s in suggestions if s.status in WITH_AGENCY]
    last = _last_actions(session, handled, (ASK, REPLY))
    return asked | {number for number, action in last.items() if action == ASK}


def _last_actions(session: Session, ids: list[int], actions: tuple[str, ...]) -> dict[int, str]:
    """The latest of these actions on each of these suggestions (one query for a list)."""
    if not ids:
        return {}
    query = (select(Event.suggestion_id, Event.action)
             .where(Event.suggestion_id.in_(ids), Event.action.in_(actions))
             .order_by(Event.id))
    return dict(session.exec(query).all())


def waiting(session: Session, group_ids: list[int]) -> list[Suggestion]:
    """Items of these groups that wait for a child's answer, oldest question first."""
    if not group_ids:
        return []
    query = (select(Suggestion).where(Suggestion.group_id.in_(group_ids),
                                      Suggestion.status == Status.WAITING_FOR_CHILD)
             .order_by(Suggestion.updated_at, Suggestion.id))
    return list(session.exec(query))


def agency_asks(session: Session, suggestion: Suggestion, *, actor: Actor,
                question: str) -> Event:
    """The agency's question for the child, waiting for the facilitator to pass it on."""
    require_action(session, actor, suggestion, "agency_asks")
    question = _words(question, limit=QUESTION_LIMIT, missing="请写下想问孩子的问题。")
    return record(session, suggestion, action=AGENCY_ASKS, actor=actor, note=question)


def agency_question(session: Session, suggestion: Suggestion) -> Event | None:
    """The agency's question nobody has passed on or kept back yet."""
    if suggestion.status not in WITH_AGENCY:
        return None
    last = _last(session, suggestion, (AGENCY_ASKS, ASK, KEPT_BACK))
    return last if last is not None and last.action == AGENCY_ASKS else None


def _pending(session: Session, suggestion: Suggestion, actor: Actor) -> Event:
    require_action(session, actor, suggestion, "relay_question")
    pending = agency_question(session, suggestion)
    if pending is None:
        raise QuestionProblem("部门没有等着转给孩子的问题。")
    return pending


def relay(session: Session, suggestion: Suggestion, *, actor: Actor, question: str) -> Event:
    """The facilitator passes the agency's question on, in words the child understands."""
    _pending(session, suggestion, actor)
    question = _words(question, limit=QUESTION_LIMIT, missing="请写下要问孩子的话。")
    return record(session, suggestion, action=ASK, actor=actor, note=question)


def keep_back(session: Session, suggestion: Suggestion, *, actor: Actor, reason: str) -> Event:
    """The facilitator does not pass the question on (it would ask the child for something
    they should not have to say); the agency reads why."""
    _pending(session, suggestion, actor)
    reason = _words(reason, limit=QUESTION_LIMIT, missing="请写一句为什么不转给孩子，部门会看到。")
    return record(session, suggestion, action=KEPT_BACK, actor=actor, note=reason)


def agency_waiting(session: Session, group_ids: list[int]) -> list[Suggestion]:
    """Items of these groups whose agency question waits for the facilitator."""
    if not group_ids:
        return []
    asked = select(Event.suggestion_id).where(Event.action == AGENCY_ASKS)
    query = (select(Suggestion)
             .where(Suggestion.group_id.in_(group_ids), Suggestion.id.in_(asked),
                    Suggestion.status.in_([s.value for s in WITH_AGENCY]))
             .order_by(Suggestion.id))
    found = list(session.exec(query))
    last = _last_actions(session, [s.id for s in found], (AGENCY_ASKS, ASK, KEPT_BACK))
    return [s for s in found if last.get(s.id) == AGENCY_ASKS]
