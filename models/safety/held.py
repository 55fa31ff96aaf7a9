"""Who may read the words of a suggestion held for safeguarding, as one SQL condition.

A suggestion is held while it is urgent or belongs to a safeguarding case that the lead has
not released. Its words (even masked) are a child's disclosure: only the people who may open
the case read them (the city's safeguarding leads, its coordinators while it has none or once
the case has escalated, and the group's facilitators). Every other staff list, export and
count leaves the item out; the coordinator's home says only how many are held.
"""

from __future__ import annotations

from sqlalchemy import and_, not_, or_, true
from sqlmodel import Session, select

from models import paging
from models.people.tables import Account, Role
from models.safety.safeguarding import (
    STEP,
    SafeguardingCase,
    SafeguardingEntry,
    _in_scope,
    has_lead,
)
from models.suggestions.tables import Suggestion


def _released():
    return select(SafeguardingEntry.suggestion_id).where(
        SafeguardingEntry.kind == STEP, SafeguardingEntry.channel == "release",
        SafeguardingEntry.suggestion_id.is_not(None))


def held_condition():
    """Urgent, or in a case whose lead has not said it may be handled as a normal one."""
    in_case = and_(Suggestion.case_id.is_not(None), Suggestion.id.not_in(_released()))
    return or_(in_case, and_(Suggestion.case_id.is_(None), Suggestion.urgent.is_(True)))


def reads_every_case(session: Session, account: Account) -> bool:
    """The city's lead, or a coordinator of a city that has no lead yet."""
    if account.role not in (Role.COORDINATOR, Role.FACILITATOR):
        return False
    if account.is_safeguarding_lead:
        return True
    return account.role == Role.COORDINATOR and not has_lead(session, account.plan_id)


def readable_condition(session: Session, account: Account):
    """Which suggestions' words this account may read: all but the held ones it may not."""
    if reads_every_case(session, account):
        return true()
    cases = _in_scope(session, select(SafeguardingCase.id), account)
    return or_(not_(held_condition()), Suggestion.case_id.in_(cases))


def may_read(session: Session, account: Account, suggestion: Suggestion) -> bool:
    """The same rule for one suggestion already loaded (an item page, a file)."""
    query = select(Suggestion.id).where(Suggestion.id == suggestion.id,
                                        readable_condition(session, account))
    return session.exec(query).first() is not None


def held_from(session: Session, account: Account) -> int:
    """How many of the city's suggestions are held out of this account's lists."""
    if reads_every_case(session, account):
        return 0
    query = select(Suggestion.id).where(Suggestion.plan_id == account.plan_id,
                                        not_(readable_condition(session, account)))
    return paging.count(session, query)
