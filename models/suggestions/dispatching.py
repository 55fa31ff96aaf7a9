"""派单 by a person: the coordinator chooses the agencies of one item, as 主办 (lead) or 协办
(partner), adds a district or street office (属地), and reviews each 退单.

A person's choice is recorded as theirs (``Assignment.chosen_by`` and an ``assign`` event),
never as the classifier's; choosing agencies is not a topic choice, so it is not stored as a
labelled correction for retraining (``reroute`` by topic is).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, select

from models.common import utcnow
from models.plans.plan import LOCAL_KINDS
from models.plans.tables import Agency
from models.refusals import Invalid
from models.suggestions.deadlines import set_dispatch_deadlines
from models.suggestions.handling import (
    NOTE_LIMIT,
    check_sendable,
    decide_return,
    pending_returns,
    settle_returns,
)
from models.suggestions.lifecycle import Actor, record
from models.suggestions.permissions import require, require_action
from models.suggestions.routing import current_assignments
from models.suggestions.status import ACTIONS, Status, check_action
from models.suggestions.tables import (
    AgencyRole,
    Assignment,
    Event,
    ReturnReview,
    ReviewState,
    Suggestion,
)

# Where a person may (re)choose the agencies: before sending, after a 退单, or while handled.
CHOOSABLE = tuple(sorted(ACTIONS["assign"].statuses))


@dataclass(frozen=True)
class Choice:
    """The agencies a person chose for one item: leads answer, partners help."""

    leads: tuple[int, ...]
    partners: tuple[int, ...] = ()


def _agencies(session: Session, plan_id: str, ids: set[int]) -> dict[int, str]:
    found = dict(session.exec(select(Agency.id, Agency.name).where(
        Agency.plan_id == plan_id, Agency.id.in_(ids))).all()) if ids else {}
    if set(found) != ids:
        raise Invalid("请从本市的部门里选择。")
    return found


def _check(session: Session, suggestion: Suggestion, choice: Choice) -> dict[int, str]:
    if not choice.leads:
        raise Invalid("请至少选一个主办部门。")
    if set(choice.leads) & set(choice.partners):
        raise Invalid("同一个部门不能既是主办又是协办。")
    return _agencies(session, suggestion.plan_id, {*choice.leads, *choice.partners})


def _place(session: Session, suggestion: Suggestion, agency_id: int, role: AgencyRole,
           who: str) -> None:
    found = session.exec(select(Assignment).where(
        Assignment.suggestion_id == suggestion.id, Assignment.agency_id == agency_id)).first()
    if found is None:
        found = Assignment(suggestion_id=suggestion.id, agency_id=agency_id, role=role)
    elif not (found.is_current and found.role == role):
        found.signed_at = None      # coming back, or in a new role: it signs again
    found.role, found.is_current, found.chosen_by = role, True, who
    found.assigned_at = utcnow()
    session.add(found)


def choose_agencies(session: Session, suggestion: Suggestion, *, actor: Actor, choice: Choice,
                    note: str = "") -> Event:
    """Send the item to the agencies the coordinator chose, replacing the current ones.

    From review or after a 退单 it is dispatched with fresh deadlines; while it is being
    handled the agencies change and the status stays. Waiting 退单 are accepted by it.
    """
    require_action(session, actor, suggestion, "assign")
    names = _check(session, suggestion, choice)
    sending = suggestion.status in (Status.IN_REVIEW, Status.RETURNED)
    if sending:
        check_sendable(session, suggestion)
    chosen = {*choice.leads, *choice.partners}
    for old in current_assignments(session, suggestion):
        if old.agency_id not in chosen:
            old.is_current = False
            session.add(old)
    for role, ids in ((AgencyRole.LEAD, choice.leads), (AgencyRole.PARTNER, choice.partners)):
        for agency_id in ids:
            _place(session, suggestion, agency_id, role, actor.name)
    settle_returns(session, suggestion, actor, "改派")
    words = "主办：" + "、".join(names[i] for i in choice.leads)
    if choice.partners:
        words += "；协办：" + "、".join(names[i] for i in choice.partners)
    words += f"；由协调人指派（{actor.name}）"
    if note.strip():
        words += "；" + note.strip()[:NOTE_LIMIT]
    if not sending:
        return record(session, suggestion, action="assign", actor=actor, note=words)
    set_dispatch_deadlines(suggestion, utcnow())
    return record(session, suggestion, action="assign", actor=actor,
                  to_status=Status.DISPATCHED, note=words)


def add_local_office(session: Session, plan_id: str, name: str, kind: str) -> Agency:
    """A district or street office (属地) the plan does not list, so items can be sent there."""
    name = (name or "").strip()
    if kind not in LOCAL_KINDS:
        raise Invalid("请选择区县或街道。")
    if not name or len(name) > 120:
        raise Invalid("请写下单位的全称（120 个字以内）。")
    found = session.exec(select(Agency).where(Agency.plan_id == plan_id,
                                              Agency.name == name)).first()
    if found is not None:
        return found
    agency = Agency(plan_id=plan_id, name=name, kind=kind)
    session.add(agency)
    session.flush()
    return agency


def _review(session: Session, suggestion: Suggestion, review_id: int) -> ReturnReview:
    found = session.get(ReturnReview, review_id)
    if found is None or found.suggestion_id != suggestion.id \
            or found.state != ReviewState.PENDING:
        raise Invalid("这张退单已经处理过了。")
    return found


def _agency_name(session: Session, agency_id: int) -> str:
    agency = session.get(Agency, agency_id)
    return agency.name if agency else ""


def accept_return(session: Session, suggestion: Suggestion, review_id: int, *, actor: Actor,
                  answer: str = "") -> Event:
    """The 退单 is right: the agency stays off the item (re-route it if no lead is left)."""
    require(session, actor, suggestion, "coordinate")
    review = _review(session, suggestion, review_id)
    decide_return(review, actor, ReviewState.ACCEPTED, answer.strip())
    session.add(review)
    note = _agency_name(session, review.agency_id) + (f"：{answer.strip()}" if answer.strip()
                                                      else "")
    return record(session, suggestion, action="return_accepted", actor=actor, note=note)


def reject_return(session: Session, suggestion: Suggestion, review_id: int, *, actor: Actor,
                  answer: str) -> Event:
    """The 退单 is not accepted: the item goes back to that agency, with the coordinator's note."""
    require(session, actor, suggestion, "coordinate")
    review = _review(session, suggestion, review_id)
    answer = (answer or "").strip()
    if not answer:
        raise Invalid("请写下为什么要这个部门来办，部门会看到。")
    check_action(suggestion.status, "assign")
    sending = suggestion.status == Status.RETURNED
    if sending:
        check_sendable(session, suggestion)
    _place(session, suggestion, review.agency_id, AgencyRole.LEAD, actor.name)
    decide_return(review, actor, ReviewState.REJECTED, answer)
    session.add(review)
    note = f"{_agency_name(session, review.agency_id)}：{answer[:NOTE_LIMIT]}"
    if not sending:
        return record(session, suggestion, action="return_rejected", actor=actor, note=note)
    set_dispatch_deadlines(suggestion, utcnow())
    return record(session, suggestion, action="return_rejected", actor=actor,
                  to_status=Status.DISPATCHED, note=note)


def reviews(session: Session, suggestion_id: int) -> list[ReturnReview]:
    """Every 退单 of the item with its review, newest first (the item page lists them)."""
    query = select(ReturnReview).where(ReturnReview.suggestion_id == suggestion_id)
    return list(session.exec(query.order_by(ReturnReview.id.desc())))


def chosen_by(session: Session, suggestion: Suggestion) -> str:
    """Who chose the current agencies; empty when the plan's route did."""
    return next((a.chosen_by for a in current_assignments(session, suggestion) if a.chosen_by),
                "")


__all__ = ["Choice", "accept_return", "add_local_office", "choose_agencies", "chosen_by",
           "pending_returns", "reject_return", "reviews"]
