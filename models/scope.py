"""Everything staff may open is loaded through their scope: their groups or their agency."""

from __future__ import annotations

from sqlmodel import Session, select

from .people import Account, Group, GroupFacilitator, Meeting, Member, Role
from .suggestion import Assignment, Suggestion


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


def group_suggestions(session: Session, group: Group) -> list[Suggestion]:
    query = (select(Suggestion).where(Suggestion.group_id == group.id)
             .order_by(Suggestion.urgent.desc(), Suggestion.created_at.desc()))
    return list(session.exec(query))


def agency_suggestions(session: Session, account: Account) -> list[Suggestion]:
    """What was routed to this staff member's agency, soonest deadline first."""
    if account.role != Role.AGENCY_STAFF or account.agency_id is None:
        return []
    query = (select(Suggestion).join(Assignment, Assignment.suggestion_id == Suggestion.id)
             .where(Assignment.agency_id == account.agency_id, Assignment.is_current)
             .order_by(Suggestion.answer_due, Suggestion.id))
    return list(session.exec(query))


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


def plan_suggestions(session: Session, plan_id: str) -> list[Suggestion]:
    query = (select(Suggestion).where(Suggestion.plan_id == plan_id)
             .order_by(Suggestion.urgent.desc(), Suggestion.created_at.desc()))
    return list(session.exec(query))
