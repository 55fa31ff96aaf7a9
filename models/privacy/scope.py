"""Everything staff may open is loaded through their scope: their groups or their agency."""

from __future__ import annotations

from sqlalchemy import false
from sqlmodel import Session, select

from models.people.tables import Account, Group, GroupFacilitator, Meeting, Member, Role
from models.safety import held
from models.suggestions.tables import Assignment, Suggestion


def facilitator_groups(session: Session, account: Account) -> list[Group]:
    query = (select(Group).join(GroupFacilitator, GroupFacilitator.group_id == Group.id)
             .where(GroupFacilitator.account_id == account.id).order_by(Group.id))
    return list(session.exec(query))


def facilitator_group(session: Session, account: Account, group_id: int) -> Group | None:
    """The group if this facilitator runs it; None (shown as 404) otherwise."""
    query = (select(Group).join(GroupFacilitator, GroupFacilitator.group_id == Group.id)
             .where(GroupFacilitator.account_id == account.id, Group.id == group_id))
    return session.exec(query).first()


def group_members(session: Session, group: Group) -> list[Member]:
    query = select(Member).where(Member.group_id == group.id).order_by(Member.nickname)
    return list(session.exec(query))


def group_meetings(session: Session, group: Group) -> list[Meeting]:
    query = select(Meeting).where(Meeting.group_id == group.id).order_by(Meeting.scheduled_at)
    return list(session.exec(query))


def group_suggestions(group: Group):
    """The group's suggestions as a query (unordered: each list sorts and pages it)."""
    return select(Suggestion).where(Suggestion.group_id == group.id)


def facilitator_suggestions(account: Account):
    """Every suggestion of every group this facilitator runs, as a query; nothing for others."""
    if account.role != Role.FACILITATOR:
        return select(Suggestion).where(false())
    mine = select(GroupFacilitator.group_id).where(GroupFacilitator.account_id == account.id)
    return select(Suggestion).where(Suggestion.group_id.in_(mine))


def agency_suggestions(account: Account):
    """What was routed to this staff member's agency, as a query (unordered); nothing for others."""
    if account.role != Role.AGENCY_STAFF or account.agency_id is None:
        return select(Suggestion).where(false())
    # The plan adds nothing to the rule (an agency belongs to one city) but lets the
    # database start from the city's open items.
    return (select(Suggestion).join(Assignment, Assignment.suggestion_id == Suggestion.id)
            .where(Assignment.agency_id == account.agency_id, Assignment.is_current,
                   Suggestion.plan_id == account.plan_id))


def agency_suggestion_ids(account: Account):
    """The ids of what was routed to this staff member's agency, from the assignments alone.

    The same rule as ``agency_suggestions``, for counting: the agency's inbox index answers
    it without reading a single suggestion.
    """
    if account.role != Role.AGENCY_STAFF or account.agency_id is None:
        return select(Assignment.suggestion_id).where(false())
    return select(Assignment.suggestion_id).where(Assignment.agency_id == account.agency_id,
                                                  Assignment.is_current)


def agency_suggestion(session: Session, account: Account, suggestion_id: int) -> Suggestion | None:
    """The suggestion if it was routed to this staff member's agency; None otherwise."""
    if account.role != Role.AGENCY_STAFF or account.agency_id is None:
        return None
    query = (select(Suggestion).join(Assignment, Assignment.suggestion_id == Suggestion.id)
             .where(Assignment.agency_id == account.agency_id, Assignment.is_current,
                    Suggestion.id == suggestion_id))
    return session.exec(query).first()


def member_suggestions(session: Session, member: Member) -> list[Suggestion]:
    query = (select(Suggestion).where(Suggestion.member_id == member.id)
             .order_by(Suggestion.created_at.desc()))
    return list(session.exec(query))


def plan_suggestions(session: Session, account: Account):
    """A city's suggestions as a query (unordered), for its coordinator.

    A suggestion held for safeguarding is left out unless this coordinator may open its case
    (``models.safety.held``): a child's disclosure never reaches a city-wide list.
    """
    return select(Suggestion).where(Suggestion.plan_id == account.plan_id,
                                    held.readable_condition(session, account))


def coordinator_suggestion(session: Session, account: Account,
                           suggestion_id: int) -> Suggestion | None:
    """The suggestion if it belongs to this coordinator's city; None otherwise."""
    if account.role != Role.COORDINATOR:
        return None
    query = plan_suggestions(session, account).where(Suggestion.id == suggestion_id)
    return session.exec(query).first()
