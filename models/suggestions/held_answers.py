"""An agency's answer that fails the plain-words check waits for the city office.

The clerk cannot send official jargon, legal citations or long sentences to a child alone:
the answer is held (``HeldAnswer``) and the coordinator lets it through as written, with a
reason, or rewrites the child's words first (the rewrite must pass the check). Every step is
an event on the suggestion's history; the answer, once released, is the agency's own.
"""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Field, Session, SQLModel, select

from models.common import utcnow
from models.i18n import N_
from models.people.tables import Account
from models.refusals import Conflict, Invalid
from models.suggestions import handling, plain_words
from models.suggestions.lifecycle import Actor, record
from models.suggestions.permissions import actor_for_account, require_action
from models.suggestions.tables import Suggestion

HELD, RELEASED, REWRITTEN = "plain_held", "plain_override", "plain_rewrite"


class HeldAnswer(SQLModel, table=True):
    """An answer as the clerk wrote it, waiting for the coordinator's decision."""

    __tablename__ = "held_answer"

    id: int | None = Field(default=None, primary_key=True)
    suggestion_id: int = Field(foreign_key="suggestion.id", index=True)
    account_id: int = Field(foreign_key="account.id")
    child_text: str = Field(max_length=600)
    formal_text: str = Field(default="", max_length=8000)
    due_weight: str = Field(max_length=20)
    reason: str = Field(default="", max_length=2000)
    next_step: str = Field(default="", max_length=2000)
    next_date: datetime | None = None
    created_at: datetime = Field(default_factory=utcnow)
    decided_at: datetime | None = None
    decided_by: str = Field(default="", max_length=120)


def _words(findings: list[plain_words.Finding]) -> str:
    return "、".join(f.found[:20] for f in findings if f.kind != "long") or "长句子"


def hold(session: Session, suggestion: Suggestion, *, actor: Actor, child_text: str,
         due_weight: str, formal_text: str = "", reason: str = "", next_step: str = "",
         next_date: datetime | None = None) -> HeldAnswer:
    """The clerk asks the city office to look: nothing reaches the child yet."""
    require_action(session, actor, suggestion, "answer")
    if pending(session, suggestion) is not None:
        raise Conflict(N_("这条建议已经有一份答复在等妇儿工委办看。"))
    findings = plain_words.check(child_text)
    held = HeldAnswer(suggestion_id=suggestion.id, account_id=actor.id,
                      child_text=child_text.strip()[:handling.CHILD_TEXT_LIMIT],
                      formal_text=(formal_text or "").strip()[:8000], due_weight=due_weight,
                      reason=reason.strip()[:2000], next_step=next_step.strip()[:2000],
                      next_date=next_date)
    session.add(held)
    record(session, suggestion, action=HELD, actor=actor,
           note=f"给孩子的话里有孩子可能看不懂的话（{_words(findings)}），"
                f"等妇儿工委办看过再发：{held.child_text}")
    session.flush()
    return held


def pending(session: Session, suggestion: Suggestion) -> HeldAnswer | None:
    query = select(HeldAnswer).where(HeldAnswer.suggestion_id == suggestion.id,
                                     HeldAnswer.decided_at.is_(None))
    return session.exec(query.order_by(HeldAnswer.id.desc())).first()


def waiting(session: Session, plan_id: str | None = None) -> list[tuple[HeldAnswer, Suggestion]]:
    """Held answers the city office has not decided, oldest first."""
    query = (select(HeldAnswer, Suggestion).join(Suggestion,
                                                 Suggestion.id == HeldAnswer.suggestion_id)
             .where(HeldAnswer.decided_at.is_(None)).order_by(HeldAnswer.id))
    if plan_id:
        query = query.where(Suggestion.plan_id == plan_id)
    return list(session.exec(query))


def release(session: Session, suggestion: Suggestion, *, actor: Actor, reason: str = "",
            rewrite: str = "") -> None:
    """The coordinator sends the held answer: rewritten in plain words, or as written with
    a reason kept in the history. Then the agency's answer reaches the child."""
    require_action(session, actor, suggestion, "release_answer")
    held = pending(session, suggestion)
    if held is None:
        raise Conflict(N_("没有在等放行的答复。"))
    rewrite, reason = (rewrite or "").strip(), (reason or "").strip()
    if rewrite:
        still = plain_words.check(rewrite)
        if still:
            raise Invalid(N_("改过的话里还有孩子可能看不懂的话：%(words)s")
                          % {"words": _words(still)})
        record(session, suggestion, action=REWRITTEN, actor=actor,
               note=f"妇儿工委办改成孩子能看懂的话：{rewrite}")
    elif not reason:
        raise Invalid(N_("照原样发送时，请写明原因。"))
    else:
        record(session, suggestion, action=RELEASED, actor=actor,
               note=f"妇儿工委办确认照原样发送：{reason[:500]}")
    clerk = actor_for_account(session.get(Account, held.account_id))
    held.decided_at, held.decided_by = utcnow(), actor.name
    handling.answer(session, suggestion, actor=clerk, child_text=rewrite or held.child_text,
                    due_weight=held.due_weight, formal_text=held.formal_text,
                    reason=held.reason, next_step=held.next_step, next_date=held.next_date)
