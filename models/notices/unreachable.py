"""Nothing vanishes: an item sent to an agency with no active staff account reaches someone.

The fall-back itself runs with the other notices (``notifications.fall_back``); this module
lists the agencies still without an account. Most agencies a plan names have no account
yet (30 of 衡阳's 33 at first). When such an
agency leads an item, every coordinator of the city is told (notice and e-mail) and a
reminder is queued to the agency's contact e-mail from the plan, if the coordinator keeps
one. The e-mail names the tracking code only: the child's words stay inside the platform.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func
from sqlmodel import Session, select

from models.notices.notifications import staffed
from models.plans.tables import Agency
from models.suggestions.deadlines import WAITING_FOR_ANSWER, WAITING_TO_SIGN
from models.suggestions.tables import AgencyRole, Assignment, Suggestion

OPEN = tuple(s.value for s in (*WAITING_TO_SIGN, *WAITING_FOR_ANSWER))


@dataclass(frozen=True)
class Unstaffed:
    """An agency without an account, and how many open items it leads right now."""

    agency: Agency
    open_items: int


def unstaffed_agencies(session: Session, plan_id: str) -> list[Unstaffed]:
    """Every agency of the city with no active staff account, those holding items first."""
    waiting = (select(func.count()).select_from(Assignment)
               .join(Suggestion, Suggestion.id == Assignment.suggestion_id)
               .where(Assignment.agency_id == Agency.id, Assignment.is_current,
                      Assignment.role == AgencyRole.LEAD.value, Suggestion.status.in_(OPEN))
               .correlate(Agency).scalar_subquery())
    query = (select(Agency, waiting.label("open_items"))
             .where(Agency.plan_id == plan_id, ~staffed(Agency.id), ~Agency.is_coordinator)
             .order_by(waiting.desc(), Agency.name))
    return [Unstaffed(agency, int(count)) for agency, count in session.exec(query)]
