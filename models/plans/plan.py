"""A city's plan as data: domains, actions, tasks and agencies, and the route of every topic.

Each seed plan lives in ``models/plans/<id>.toml``, extracted by hand from a municipal
document. The files are the source of truth for routing: the classifier only names a topic,
and the plan says which task, hence which agencies, own it. Shape is validated by the
pydantic models; cross-references (routes, agencies, ids) are checked by ``plan_check`` so
that a broken file can still be loaded and reported on rather than crash the site.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, PositiveInt

from models.i18n import N_

PLAN_DIR = Path(__file__).resolve().parent
COORDINATOR = "coordinator"  # route target: no task owns the topic, the coordinating office decides

_SLUG = re.compile(r"^[a-z][a-z0-9_-]{0,39}$")


class UnknownPlan(KeyError):
    """Raised for a plan id that has no file (or is not a plain slug)."""


class _Strict(BaseModel):
    """Unknown keys are typos in a hand-written file: reject them; loaded plans are read-only."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Deadlines(_Strict):
    """Time limits; the plans rarely state any, so the files carry the platform defaults."""

    sign_working_days: PositiveInt = 2
    answer_working_days: PositiveInt = 15
    urgent_sign_hours: PositiveInt = 2


class Domain(_Strict):
    """A top-level area of the plan (工程, 目标, 领域), named in the plan's own words."""

    id: str
    name: str


class Action(_Strict):
    """The optional middle level (行动) some plans put between a domain and its tasks."""

    id: str
    domain: str
    name: str


class Task(_Strict):
    """One numbered task with the units the plan makes responsible for it.

    ``basis`` is set when the plan's body names no unit and the lead/partners were read
    from annex tables or indicators, so a reviewer can see where they came from.
    """

    id: str
    domain: str
    action: str | None = None
    title: str
    lead: list[str]
    partners: list[str] = []
    basis: str | None = None


# 属地 offices: a district's government or a street office, which a plan may list by name.
LOCAL_KINDS = {"district": N_("区县"), "street": N_("街道")}


class Agency(_Strict):
    """A body that can receive suggestions, written exactly as the plan writes it."""

    name: str
    kind: Literal["government", "mass_org", "judicial", "other", "district", "street"] = \
        "government"


@dataclass(frozen=True)
class Route:
    """Where a suggestion on one topic goes in one plan; what the classifier output carries."""

    topic: str | None
    domain: str | None = None
    domain_id: str | None = None
    task_id: str | None = None
    task_title: str | None = None
    lead_agencies: list[str] = field(default_factory=list)
    partner_agencies: list[str] = field(default_factory=list)
    to_coordinator: bool = False


class Plan(_Strict):
    """One city's plan. Build it with ``load_plan``; check it with ``plan_check``."""

    id: str
    city: str
    title: str
    period: str
    level: Literal["city", "district"]
    source: str
    coordinator: str
    notes: list[str] = []
    deadlines: Deadlines = Deadlines()
    domains: list[Domain]
    actions: list[Action] = []
    tasks: list[Task]
    agencies: list[Agency]
    routes: dict[str, str]
    route_notes: dict[str, str] = {}

    def task(self, task_id: str) -> Task | None:
        """The task with this id (the plan's own number, as a string), or None."""
        return next((t for t in self.tasks if t.id == task_id), None)

    def domain(self, domain_id: str) -> Domain | None:
        """The domain with this id, or None."""
        return next((d for d in self.domains if d.id == domain_id), None)

    def agency_names(self) -> list[str]:
        """Every agency name, in file order; the coordinator is one of them."""
        return [a.name for a in self.agencies]

    def coordinator_route(self, topic: str | None = None) -> Route:
        """The route to the coordinating office: used for uncovered, unknown or broken topics."""
        return Route(topic=topic, lead_agencies=[self.coordinator], to_coordinator=True)

    def route(self, topic: str | None) -> Route:
        """Pure lookup of a topic's route. Never raises: anything not routable goes to the
        coordinator, because a suggestion must always land in someone's queue."""
        target = self.routes.get(topic) if topic else None
        task = self.task(target) if target and target != COORDINATOR else None
        if task is None:
            return self.coordinator_route(topic)
        domain = self.domain(task.domain)
        return Route(
            topic=topic,
            domain=domain.name if domain else None,
            domain_id=task.domain,
            task_id=task.id,
            task_title=task.title,
            lead_agencies=list(task.lead),
            partner_agencies=list(task.partners),
            to_coordinator=False,
        )


def plan_ids() -> list[str]:
    """The ids of the shipped plans: the file stems of ``PLAN_DIR``, sorted."""
    return sorted(p.stem for p in PLAN_DIR.glob("*.toml") if _SLUG.match(p.stem))


# Plans the coordinator edited in the product (``models/plans/versions.py`` fills this).
_edited: dict[str, Plan] = {}


def use_edited(plan_id: str, plan: Plan | None) -> None:
    """Serve ``plan`` for this id from now on; None goes back to the shipped file."""
    if plan is None:
        _edited.pop(plan_id, None)
    else:
        _edited[plan_id] = plan


def load_plan(plan_id: str) -> Plan:
    """The plan in force: the coordinator's newest version, else the shipped file.

    The id reaches us from URLs and the CLI, so anything but a plain slug is refused before
    it can be turned into a path.
    """
    if not isinstance(plan_id, str) or not _SLUG.match(plan_id):
        raise UnknownPlan(plan_id)
    return _edited.get(plan_id) or _load(plan_id)


def file_plan(plan_id: str) -> Plan:
    """The plan exactly as the shipped file says, whatever was edited since."""
    if not isinstance(plan_id, str) or not _SLUG.match(plan_id):
        raise UnknownPlan(plan_id)
    return _load(plan_id)


@cache
def _load(plan_id: str) -> Plan:
    path = PLAN_DIR / f"{plan_id}.toml"
    if not path.is_file():
        raise UnknownPlan(plan_id)
    with path.open("rb") as fh:
        return Plan.model_validate(tomllib.load(fh))


def load_all() -> list[Plan]:
    """Every shipped plan, in id order."""
    return [load_plan(i) for i in plan_ids()]
