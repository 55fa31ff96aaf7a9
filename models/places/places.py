"""A city's places: listed for the map, added and edited by the coordinator, imported in bulk."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from sqlmodel import Session, select

from models.i18n import N_
from models.places.tables import Place, PlaceKind
from models.plans.tables import CityPlan
from models.refusals import Invalid

CATALOGUE = Path(__file__).parent / "data" / "places.csv"
COLUMNS = ("name", "kind", "district", "lat", "lng")
# Every place lies in China: a latitude and longitude outside these are a typing mistake.
LAT_RANGE, LNG_RANGE = (18.0, 54.0), (73.0, 136.0)


class PlaceProblem(Invalid):
    """A place that cannot be stored as sent, with a reason people can read."""


@dataclass(frozen=True)
class PlaceInput:
    """What a form or a CSV row says of one place, checked."""

    name: str
    kind: PlaceKind
    district: str
    lat: float
    lng: float


def checked(name: str, kind: str, district: str, lat, lng) -> PlaceInput:
    """The place as sent, or PlaceProblem saying what is wrong."""
    name, district = (name or "").strip(), (district or "").strip()
    if not name or len(name) > 120:
        raise PlaceProblem(N_("请写地点的名字（120 个字以内）。"))
    if kind not in {k.value for k in PlaceKind}:
        raise PlaceProblem(N_("地点的种类只能是学校、公园、图书馆、医院或儿童之家。"))
    if len(district) > 40:
        raise PlaceProblem(N_("区或街道的名字太长了（40 个字以内）。"))
    try:
        lat, lng = float(lat), float(lng)
    except (TypeError, ValueError):
        raise PlaceProblem(N_("纬度和经度要写数字，比如 26.89 和 112.57。")) from None
    if not (LAT_RANGE[0] <= lat <= LAT_RANGE[1] and LNG_RANGE[0] <= lng <= LNG_RANGE[1]):
        raise PlaceProblem(N_("这个纬度和经度不在中国境内，请检查一下。"))
    return PlaceInput(name=name, kind=PlaceKind(kind), district=district, lat=lat, lng=lng)


def city_places(session: Session, plan_id: str, kind: str = "") -> list[Place]:
    """The city's places, by kind then name; ``kind`` narrows them to one kind."""
    query = select(Place).where(Place.plan_id == plan_id)
    if kind:
        query = query.where(Place.kind == kind)
    return list(session.exec(query.order_by(Place.kind, Place.name)))


def city_place(session: Session, plan_id: str, place_id: int | None) -> Place | None:
    """A place of this city only; another city's place (or none) is None."""
    found = session.get(Place, place_id) if place_id else None
    return found if found is not None and found.plan_id == plan_id else None


def named(session: Session, plan_id: str, name: str) -> Place | None:
    """The city's place of exactly this name (an observer visit typed it), if any."""
    query = select(Place).where(Place.plan_id == plan_id, Place.name == (name or "").strip())
    return session.exec(query).first()


def source_url(city: str, name: str) -> str:
    """Where anyone can check a place's position: OpenStreetMap's search for it."""
    return "https://www.openstreetmap.org/search?query=" + quote(f"{city} {name}")


def _city(session: Session, plan_id: str) -> str:
    plan = session.get(CityPlan, plan_id)
    return plan.city if plan is not None else ""


def _taken(session: Session, plan_id: str, name: str, place_id: int | None) -> bool:
    other = named(session, plan_id, name)
    return other is not None and other.id != place_id


def save(session: Session, plan_id: str, data: PlaceInput, place: Place | None = None) -> Place:
    """Add a place to the city, or change one of its own; two places never share a name."""
    if _taken(session, plan_id, data.name, place.id if place else None):
        raise PlaceProblem(N_("这个城市已经有一个同名的地点了。"))
    place = place or Place(plan_id=plan_id, name=data.name, kind=data.kind, lat=data.lat,
                           lng=data.lng)
    city = _city(session, plan_id)
    place.name, place.kind, place.district = data.name, data.kind, data.district
    place.lat, place.lng, place.city = data.lat, data.lng, city
    place.source_url = place.source_url or source_url(city, data.name)
    session.add(place)
    session.flush()
    return place


@dataclass(frozen=True)
class RowProblem:
    line: int
    reason: str  # the message, shown in the reader's language


def read_rows(text: str) -> list[tuple[int, dict]]:
    """CSV rows (line number, row) with the columns name, kind, district, lat, lng."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise PlaceProblem(N_("表格第一行要有这些列：name, kind, district, lat, lng。"))
    return [(number, row) for number, row in enumerate(reader, start=2)]


def import_csv(session: Session, plan_id: str, text: str) -> tuple[int, list[RowProblem]]:
    """Add or update (by name) every place of the table; with any bad row, nothing is stored.

    Returns how many places were stored and the bad rows with their line numbers.
    """
    rows, problems = [], []
    for number, row in read_rows(text):
        try:
            rows.append(checked(*(row.get(c) for c in COLUMNS)))
        except PlaceProblem as problem:
            problems.append(RowProblem(number, problem.args[0]))
    if problems:
        return 0, problems
    for data in rows:
        save(session, plan_id, data, named(session, plan_id, data.name))
    return len(rows), []


def seed(session: Session, plan_ids: list[str]) -> int:
    """The shipped list of public places for these cities, added where a name is missing."""
    with open(CATALOGUE, encoding="utf-8") as table:
        rows = [row for row in csv.DictReader(table) if row["plan_id"] in plan_ids]
    added = 0
    for row in rows:
        if named(session, row["plan_id"], row["name"]) is None:
            save(session, row["plan_id"], checked(*(row[c] for c in COLUMNS)))
            added += 1
    return added
