"""Who may move a suggestion: actors and the capabilities the status machine asks for."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, select

from models.i18n import N_
from models.people.tables import Account, GroupFacilitator, Member, Role
from models.refusals import Forbidden
from models.suggestions.status import ACTIONS, Status, check_action
from models.suggestions.tables import AgencyRole, Assignment, Suggestion


@dataclass(frozen=True)
class Actor:
    """Who did something: a child, a tracking-code holder, staff, an API client or the system."""

    kind: str
    id: int | None = None
    name: str = ""
    agency_id: int | None = None
    plan_id: str | None = None


class NotAllowed(Forbidden):
    """The actor may not do this to this suggestion."""


def actor_for_account(account: Account) -> Actor:
    """A staff member as the status machine sees them."""
    return Actor(kind=str(account.role), id=account.id, name=account.display_name,
                 agency_id=account.agency_id, plan_id=account.plan_id)


def actor_for_member(member: Member) -> Actor:
    """A signed-in child."""
    return Actor(kind="child", id=member.id, name=member.nickname)


def actor_for_code(suggestion: Suggestion) -> Actor:
    """Whoever holds the tracking code of this one suggestion (a child without an account)."""
    return Actor(kind="code", id=suggestion.id, name=N_("提建议的小朋友"))


def _coordinates(actor: Actor, suggestion: Suggestion) -> bool:
    return actor.kind == "system" or (
        actor.kind == Role.COORDINATOR and actor.plan_id == suggestion.plan_id)


def _runs_group(session: Session, actor: Actor, suggestion: Suggestion) -> bool:
    if actor.kind != Role.FACILITATOR or suggestion.group_id is None:
        return False
    query = select(GroupFacilitator).where(GroupFacilitator.account_id == actor.id,
                                           GroupFacilitator.group_id == suggestion.group_id)
    return session.exec(query).first() is not None


def agency_role(session: Session, actor: Actor, suggestion: Suggestion) -> AgencyRole | None:
    """lead or partner when the actor's agency currently holds the suggestion."""
    if actor.kind != Role.AGENCY_STAFF or actor.agency_id is None:
        return None
    query = select(Assignment.role).where(Assignment.suggestion_id == suggestion.id,
                                          Assignment.agency_id == actor.agency_id,
                                          Assignment.is_current)
    found = session.exec(query).first()
    return AgencyRole(found) if found else None


def _is_author(actor: Actor, suggestion: Suggestion) -> bool:
    if actor.kind == "child":
        return suggestion.member_id is not None and actor.id == suggestion.member_id
    return actor.kind == "code" and actor.id == suggestion.id


CHECKS = {
    "moderate": lambda s, a, x: _coordinates(a, x) or _runs_group(s, a, x),
    "coordinate": lambda s, a, x: _coordinates(a, x),
    "lead": lambda s, a, x: agency_role(s, a, x) == AgencyRole.LEAD,
    "assigned": lambda s, a, x: agency_role(s, a, x) is not None,
    "author": lambda s, a, x: _is_author(a, x),
}

REFUSALS = {
    "moderate": N_("只有这个小组的辅导员或妇儿工委办可以审核这条建议。"),
    "coordinate": N_("只有本市妇儿工委办可以做这一步。"),
    "lead": N_("只有牵头部门的工作人员可以做这一步。"),
    "assigned": N_("只有收到这条建议的部门可以做这一步。"),
    "author": N_("只有提建议的小朋友可以做这一步。"),
}


def allowed(session: Session, actor: Actor, suggestion: Suggestion, capability: str) -> bool:
    """Whether the actor holds the capability for this suggestion."""
    return CHECKS[capability](session, actor, suggestion)


def require(session: Session, actor: Actor, suggestion: Suggestion, capability: str) -> None:
    """Refuse with a clear message unless the actor holds the capability."""
    if not allowed(session, actor, suggestion, capability):
        raise NotAllowed(REFUSALS[capability])


def may(session: Session, actor: Actor, suggestion: Suggestion, name: str) -> bool:
    """Whether the actor holds a capability the action asks for in the current status."""
    return any(allowed(session, actor, suggestion, capability)
               for capability in ACTIONS[name].capabilities(suggestion.status))


def require_action(session: Session, actor: Actor, suggestion: Suggestion, name: str) -> None:
    """The one check before an action: who may (403), then from which status (409)."""
    capabilities = ACTIONS[name].capabilities(suggestion.status)
    if not may(session, actor, suggestion, name):
        raise NotAllowed(REFUSALS[capabilities[0]])
    check_action(suggestion.status, name)


def available_actions(session: Session, actor: Actor, suggestion: Suggestion) -> frozenset[str]:
    """The actions this person may take on this suggestion now: the buttons a page shows."""
    return frozenset(name for name, action in ACTIONS.items()
                     if Status(suggestion.status) in action.statuses
                     and may(session, actor, suggestion, name))
