"""Sending a suggestion where the city's plan says it belongs."""

from __future__ import annotations

from sqlmodel import Session, select

from models.plans.importer import agency_by_name
from models.plans.plan import Route, load_plan
from models.suggestions.tables import AgencyRole, Assignment, Suggestion


class RouteUnknownAgency(LookupError):
    """The plan names an agency that is not in the database (plans not imported)."""


def route_for(suggestion: Suggestion) -> Route:
    """The plan's route for the suggestion's topic; the coordinator when there is none."""
    return load_plan(suggestion.plan_id).route(suggestion.topic)


def assign_route(session: Session, suggestion: Suggestion, route: Route) -> list[Assignment]:
    """Replace the suggestion's current agencies with the route's lead and partners."""
    for old in current_assignments(session, suggestion):
        old.is_current = False
        session.add(old)
    suggestion.domain = route.domain or ""     # a topic no task covers has no domain
    suggestion.task_id = route.task_id or ""
    suggestion.task_title = route.task_title or ""
    made = []
    for role, names in ((AgencyRole.LEAD, route.lead_agencies),
                        (AgencyRole.PARTNER, route.partner_agencies)):
        for name in names:
            made.append(_assign(session, suggestion, name, role))
    session.add(suggestion)
    return made


def _assign(session: Session, suggestion: Suggestion, name: str, role: AgencyRole) -> Assignment:
    agency = agency_by_name(session, suggestion.plan_id, name)
    if agency is None:
        raise RouteUnknownAgency(f"{suggestion.plan_id}: {name}")
    existing = session.exec(select(Assignment).where(
        Assignment.suggestion_id == suggestion.id, Assignment.agency_id == agency.id)).first()
    assignment = existing or Assignment(suggestion_id=suggestion.id, agency_id=agency.id,
                                        role=role)
    if not assignment.is_current:
        assignment.signed_at = None     # sent again: it signs again
    assignment.role, assignment.is_current, assignment.chosen_by = role, True, ""
    session.add(assignment)
    return assignment


def current_assignments(session: Session, suggestion: Suggestion) -> list[Assignment]:
    query = select(Assignment).where(Assignment.suggestion_id == suggestion.id,
                                     Assignment.is_current)
    return list(session.exec(query))
