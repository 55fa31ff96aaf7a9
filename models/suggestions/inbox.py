"""The agency inbox's tabs as SQL: which tab an item is in, how many each holds, in what order.

An item is in exactly one tab: late (past the deadline that matters now) before anything
else, then waiting to be signed for, in hand, or answered and beyond. The rule is the one
``deadlines.is_overdue`` applies in Python, written as SQL so a tab never loads another's rows.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import and_, case, func, not_, or_
from sqlmodel import Session, select

from models import paging
from models.people.tables import Account
from models.privacy import scope
from models.suggestions.deadlines import (
    WAITING_FOR_ANSWER,
    WAITING_TO_SIGN,
    current_due_sql,
    late_sql,
)
from models.suggestions.tables import Assignment, Suggestion

TABS = ("new", "overdue", "progress", "answered")
_SIGN = [s.value for s in WAITING_TO_SIGN]
_ANSWER = [s.value for s in WAITING_FOR_ANSWER]


def _open():
    """Waiting on the agency, or flagged late: the predicate of the ``ix_suggestion_open`` index."""
    return or_(Suggestion.status.in_(_SIGN + _ANSWER), Suggestion.overdue)


def _conditions(now: datetime) -> dict:
    late, still_open = late_sql(now), _open()
    return {"overdue": and_(still_open, late),
            "new": and_(still_open, not_(late), Suggestion.status.in_(_SIGN)),
            "progress": and_(still_open, not_(late), Suggestion.status.in_(_ANSWER)),
            "answered": and_(not_(late), not_(Suggestion.status.in_(_SIGN + _ANSWER)))}


def tab_query(account: Account, tab: str, now: datetime):
    """One tab of this account's inbox (empty for anyone but the agency's staff).

    Open items by the deadline that matters; answered ones (most of an agency's history),
    most recently sent first, which the agency's inbox index gives without sorting.
    """
    query = scope.agency_suggestions(account).where(_conditions(now)[tab])
    if tab == "answered":
        return query.order_by(Assignment.assigned_at.desc(), Assignment.suggestion_id.desc())
    due = func.coalesce(current_due_sql(), Suggestion.answer_due, Suggestion.updated_at)
    return query.order_by(due, Suggestion.id)


def counts(session: Session, account: Account, now: datetime) -> dict[str, int]:
    """Each tab's size: the open tabs in one grouped ``count(*)``, the answered rest by subtraction.

    Open items are the few the ``ix_suggestion_open`` index holds, so the grouped count reads
    that index and the agency's, never the table; the answered tab is everything else.
    """
    late = late_sql(now)
    which = case((late, "overdue"), (Suggestion.status.in_(_SIGN), "new"), else_="progress")
    mine = scope.agency_suggestion_ids(account)
    grouped = (select(which, func.count())
               .where(Suggestion.id.in_(mine), Suggestion.plan_id == account.plan_id, _open())
               .group_by(which))
    found = {tab: 0 for tab in TABS} | dict(session.exec(grouped).all())
    found["answered"] = paging.count(session, mine) - sum(
        found[tab] for tab in TABS if tab != "answered")
    return found


def tab_page(session: Session, account: Account, tab: str, wanted: paging.PageRequest,
             now: datetime, total: int) -> paging.Page:
    return paging.page(session, tab_query(account, tab, now), wanted, total=total)
