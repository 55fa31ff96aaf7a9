"""What anyone may see of a place: its observer visits' scores and its open suggestions.

Suggestions go through ``publication.public_condition()``, the public board's one rule, and
show only the masked text an agency reads, as on the board: nothing unconsented, urgent,
declined, held for a guardian, or of a safeguarding case, and no child's words, name or group.
A visit shows its date, checklist and how many items were good, fair or need work; never the
group or what the children wrote.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func
from sqlmodel import Session, select

from models.councils.checklists import CHECKLISTS
from models.councils.observation import Visit, VisitItem
from models.office.board import masked
from models.people.tables import Member
from models.places.tables import Place
from models.privacy.publication import public_condition
from models.suggestions.status import Status
from models.suggestions.tables import Suggestion

OPEN = (Status.DISPATCHED, Status.ACCEPTED, Status.IN_PROGRESS, Status.RETURNED)


@dataclass(frozen=True)
class VisitScore:
    visited_on: date
    checklist: str
    ratings: dict = field(default_factory=dict)

    @property
    def rated(self) -> int:
        return sum(self.ratings.values())

    @property
    def score(self) -> int | None:
        """Out of 100: good counts fully, fair half; None before any item is rated."""
        if not self.rated:
            return None
        return round(100 * (self.ratings.get("good", 0) + 0.5 * self.ratings.get("fair", 0))
                     / self.rated)


@dataclass(frozen=True)
class OpenItem:
    id: int
    text: str
    topic: str | None
    status: str


def _open_query():
    return select(Suggestion).where(public_condition(),
                                    Suggestion.status.in_([s.value for s in OPEN]))


def visits(session: Session, place: Place) -> list[VisitScore]:
    """The place's observer visits, newest first, each with its ratings counted."""
    found = list(session.exec(select(Visit).where(Visit.place_id == place.id)
                              .order_by(Visit.visited_on.desc(), Visit.id.desc())))
    counts = {v.id: Counter() for v in found}
    query = (select(VisitItem.visit_id, VisitItem.rating, func.count())
             .where(VisitItem.visit_id.in_(list(counts)), VisitItem.rating.is_not(None))
             .group_by(VisitItem.visit_id, VisitItem.rating))
    for visit_id, rating, number in session.execute(query):
        counts[visit_id][rating] = number
    return [VisitScore(v.visited_on, CHECKLISTS[v.checklist].name if v.checklist in CHECKLISTS
                       else v.checklist, dict(counts[v.id])) for v in found]


def open_suggestions(session: Session, place: Place) -> list[OpenItem]:
    """The place's public suggestions still being handled, newest first, masked."""
    query = (_open_query().add_columns(Member.nickname)
             .outerjoin(Member, Member.id == Suggestion.member_id)
             .where(Suggestion.place_id == place.id)
             .order_by(Suggestion.created_at.desc(), Suggestion.id.desc()))
    return [OpenItem(s.id, masked(s.agency_text, nickname), s.topic, str(s.status))
            for s, nickname in session.execute(query)]


@dataclass(frozen=True)
class Counts:
    visits: int = 0
    open: int = 0


def counts(session: Session, plan_id: str) -> dict[int, Counts]:
    """Visits and open public suggestions of each of the city's places, two grouped queries."""
    seen = dict(session.execute(
        select(Visit.place_id, func.count()).join(Place, Place.id == Visit.place_id)
        .where(Place.plan_id == plan_id).group_by(Visit.place_id)).all())
    open_ = dict(session.execute(
        _open_query().with_only_columns(Suggestion.place_id, func.count())
        .where(Suggestion.plan_id == plan_id, Suggestion.place_id.is_not(None))
        .group_by(Suggestion.place_id)).all())
    return {place_id: Counts(seen.get(place_id, 0), open_.get(place_id, 0))
            for place_id in set(seen) | set(open_)}
