"""The demo city's map: the shipped public places, a 儿童之家, two observer visits with their
ratings, and the demo suggestions tied to the places they are about.

The visits belong to a group of their own (雁峰区儿童观察团, invite code HYWALK), so the
observer group the demo children join (HYLOOK) starts with no visit.
"""

from __future__ import annotations

from datetime import timedelta

from sqlmodel import Session, select

from models.common import utcnow
from models.councils import observation
from models.councils.observation import VisitItem
from models.people.tables import Group, GroupKind, GroupLevel
from models.places.places import checked, named, save, seed
from models.plans.plan import plan_ids
from models.suggestions.tables import Suggestion

DEMO_HOME = ("阳光社区儿童之家（演示）", "children_home", "蒸湘区", 26.8890, 112.5840)
# (place, checklist, days ago, ratings in checklist order)
DEMO_VISITS = [
    ("岳屏公园", "park", 12, ["needs_work", "good", "fair", "good", "needs_work", "good", "fair"]),
    ("衡阳市第一中学", "school_route", 5, ["needs_work", "good", "fair", "good", "good", "fair"]),
]
# What the demo suggestions named, and the place of the map they are about.
VISITORS_CODE = "HYWALK"
DEMO_LINKS = {"校门口": "衡阳市第一中学", "市图书馆": "衡阳市图书馆", "人民公园": "岳屏公园"}


def load_places(session: Session) -> None:
    """Every shipped city's places; idempotent, as ``tongsheng demo`` is."""
    seed(session, list(plan_ids()))


def build(session: Session, plan_id: str) -> None:
    """The demo city's own additions, once, when the demo city is built."""
    load_places(session)
    if named(session, plan_id, DEMO_HOME[0]) is None:
        save(session, plan_id, checked(*DEMO_HOME))
    _visits(session, plan_id)
    for suggestion in session.exec(select(Suggestion).where(
            Suggestion.plan_id == plan_id, Suggestion.place.in_(list(DEMO_LINKS)))):
        suggestion.place_id = named(session, plan_id, DEMO_LINKS[suggestion.place]).id
        session.add(suggestion)
    session.flush()


def _visits(session: Session, plan_id: str) -> None:
    group = Group(name="雁峰区儿童观察团", kind=GroupKind.OBSERVER, level=GroupLevel.DISTRICT,
                  plan_id=plan_id, invite_code=VISITORS_CODE, district="雁峰区")
    session.add(group)
    session.flush()
    for place, checklist, days, ratings in DEMO_VISITS:
        visit = observation.start(session, group=group, checklist=checklist, place_name=place,
                                  visited_on=(utcnow() - timedelta(days=days)).date())
        rows = session.exec(select(VisitItem).where(VisitItem.visit_id == visit.id)
                            .order_by(VisitItem.id)).all()
        for row, rating in zip(rows, ratings, strict=False):
            row.rating = rating
            session.add(row)
    session.flush()
