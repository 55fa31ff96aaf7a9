"""The agency inbox's tabs as SQL: which tab an item is in, how many each holds, in what order.

An item is in exactly one tab: late (past the deadline that matters now) before anything
else, then waiting to be signed for, in hand, or answered and beyond. The rule is the one
``deadlines.is_overdue`` applies in Python, written as SQL so a tab never loads another's rows.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import and_, func, not_
from sqlmodel import Session

from . import paging, scope
from .deadlines import WAITING_FOR_ANSWER, WAITING_TO_SIGN, current_due_sql, late_sql
from .people import Account
from .suggestion import Assignment, Suggestion

TABS = ("new", "overdue", "progress", "answered")
_SIGN = [s.value for s in WAITING_TO_SIGN]
_ANSWER = [s.value for s in WAITING_FOR_ANSWER]


def _conditions(now: datetime) -> dict:
    late = late_sql(now)
    return {"overdue": late,
            "new": and_(not_(late), Suggestion.status.in_(_SIGN)),
            "progress": and_(not_(late), Suggestion.status.in_(_ANSWER)),
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
    """Each tab's size by ``count(*)``: the open tabs by status, the answered rest by subtraction.

    The open tabs are a few hundred rows the status index finds at once; the answered tab is
    everything else, so the whole inbox is counted once instead of filtered row by row.
    """
    conditions, mine = _conditions(now), scope.agency_suggestions(account)
    found = {tab: paging.count(session, mine.where(conditions[tab])) for tab in TABS
             if tab != "answered"}
    found["answered"] = paging.count(session, mine) - sum(found.values())
    return found


def tab_page(session: Session, account: Account, tab: str, wanted: paging.PageRequest,
             now: datetime, total: int) -> paging.Page:
    return paging.page(session, tab_query(account, tab, now), wanted, total=total)
