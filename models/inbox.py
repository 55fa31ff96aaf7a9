"""The agency inbox's tabs as SQL: which tab an item is in, how many each holds, in what order.

An item is in exactly one tab: late (past the deadline that matters now) before anything
else, then waiting to be signed for, in hand, or answered and beyond. The rule is the one
``deadlines.is_overdue`` applies in Python, written as SQL so a tab never loads another's rows.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import and_, case, func, not_
from sqlmodel import Session, select

from . import paging, scope
from .deadlines import WAITING_FOR_ANSWER, WAITING_TO_SIGN, current_due_sql, late_sql
from .people import Account
from .suggestion import Suggestion

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
    """One tab of this account's inbox (empty for anyone but the agency's staff), by deadline."""
    due = func.coalesce(current_due_sql(), Suggestion.answer_due, Suggestion.updated_at)
    return (scope.agency_suggestions(account).where(_conditions(now)[tab])
            .order_by(due, Suggestion.id))


def counts(session: Session, account: Account, now: datetime) -> dict[str, int]:
    """Every tab's size in one grouped ``count(*)``."""
    conditions = _conditions(now)
    which = case(*[(conditions[tab], tab) for tab in TABS[:-1]], else_=TABS[-1])
    mine = scope.agency_suggestions(account).with_only_columns(Suggestion.id)
    query = select(which, func.count()).where(Suggestion.id.in_(mine)).group_by(which)
    found = dict(session.exec(query).all())
    return {tab: found.get(tab, 0) for tab in TABS}


def tab_page(session: Session, account: Account, tab: str, wanted: paging.PageRequest,
             now: datetime, total: int) -> paging.Page:
    return paging.page(session, tab_query(account, tab, now), wanted, total=total)
