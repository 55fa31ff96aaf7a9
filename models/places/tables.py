"""A place of a city that children visit, observe and make suggestions about."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import String
from sqlmodel import Field, SQLModel, UniqueConstraint

from models.common import utcnow
from models.i18n import N_


class PlaceKind(StrEnum):
    SCHOOL = "school"
    PARK = "park"
    LIBRARY = "library"
    HOSPITAL = "hospital"
    CHILDREN_HOME = "children_home"


KIND_NAMES = {
    PlaceKind.SCHOOL: N_("学校"),
    PlaceKind.PARK: N_("公园"),
    PlaceKind.LIBRARY: N_("图书馆"),
    PlaceKind.HOSPITAL: N_("医院"),
    PlaceKind.CHILDREN_HOME: N_("儿童之家"),
}
KIND_ICONS = {PlaceKind.SCHOOL: "🏫", PlaceKind.PARK: "🌳", PlaceKind.LIBRARY: "📚",
              PlaceKind.HOSPITAL: "🏥", PlaceKind.CHILDREN_HOME: "🏠"}
# The observer checklist that fits each kind of place.
KIND_CHECKLISTS = {PlaceKind.SCHOOL: "school_route", PlaceKind.PARK: "park",
                   PlaceKind.LIBRARY: "library", PlaceKind.HOSPITAL: "hospital",
                   PlaceKind.CHILDREN_HOME: "community"}


class Place(SQLModel, table=True):
    """One public place of a city's plan; its name is unique in the city."""

    __table_args__ = (UniqueConstraint("plan_id", "name"),)

    id: int | None = Field(default=None, primary_key=True)
    plan_id: str = Field(foreign_key="city_plan.id", index=True, max_length=40)
    name: str = Field(max_length=120)
    kind: PlaceKind = Field(sa_type=String(20))
    district: str = Field(default="", max_length=40)
    city: str = Field(default="", max_length=40)
    lat: float
    lng: float
    source_url: str = Field(default="", max_length=500)
    created_at: datetime = Field(default_factory=utcnow)
