"""Open311 GeoReport v2 as TongSheng speaks it: jurisdiction = plan, service = topic."""

from __future__ import annotations

import secrets
from datetime import datetime

from sqlmodel import Field, Session, SQLModel, select

from models.common import utcnow
from models.office.api_keys import ApiClient, add_client, client_for_key, hash_key

__all__ = ["ApiClient", "Open311Error", "Open311Request", "add_client", "client_for_key",
           "hash_key"]


class Open311Request(SQLModel, table=True):
    """What a program sent with a suggestion that the suggestion itself does not keep: its
    token (GeoReport v2's way to find the request id later) and the point it gave, rounded
    to 0.01° (about 1 km) before it is stored, as every place is."""

    __tablename__ = "open311_request"

    id: int | None = Field(default=None, primary_key=True)
    suggestion_id: int = Field(foreign_key="suggestion.id", unique=True)
    client_id: int = Field(foreign_key="api_client.id", index=True)
    token: str = Field(default_factory=lambda: secrets.token_urlsafe(12), unique=True,
                       max_length=32)
    latitude: float | None = None
    longitude: float | None = None
    created_at: datetime = Field(default_factory=utcnow)


class Open311Error(Exception):
    """An error in the standard's own shape: an HTTP code and a description."""

    def __init__(self, code: int, description: str):
        super().__init__(description)
        self.code, self.description = code, description


CLOSED = {"closed", "declined", "merged"}
MAX_RESULTS = 1000
MAX_IDS = 10
DEFAULT_DAYS = 90
# Shown to whoever sent a text that may mean a child is in danger: help at once.
HELP_NOTICE = ("如果你现在有危险，请马上打 110。想找人说说话，可以打 12355。"
               "保护孩子的大人会看到你说的话。")


def iso(moment: datetime | None) -> str | None:
    """W3C datetime with an offset, as GeoReport v2 asks."""
    if moment is None:
        return None
    from datetime import UTC

    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return aware.astimezone(UTC).isoformat(timespec="seconds")


def agency_responsible(session: Session, suggestion, names: list[str] | None = None) -> str:
    """The current lead agencies, or the plan's lead for the topic before dispatch."""
    from models.plans.tables import Agency
    from models.suggestions.routing import route_for
    from models.suggestions.tables import AgencyRole, Assignment

    if names is None:
        query = (select(Agency.name).join(Assignment, Assignment.agency_id == Agency.id)
                 .where(Assignment.suggestion_id == suggestion.id, Assignment.is_current,
                        Assignment.role == AgencyRole.LEAD.value))
        names = list(session.exec(query))
    if not names and suggestion.topic:
        names = route_for(suggestion).lead_agencies
    return "、".join(names)


def _status_notes(session: Session, suggestion) -> str:
    from models.suggestions.timeline import latest_answer

    answer = latest_answer(session, suggestion)
    return _notes(suggestion, answer.child_text if answer is not None else None)


def public_point(place: str, point: tuple[float | None, float | None] | None) -> dict:
    """``lat`` and ``long`` as the public may see them: rounded to 0.01°, and only beside a
    published place text, so a point never says more about where a child was than the
    words already shown do (no text shown, no point shown)."""
    from models.privacy.personal_data import coarse_degrees

    if not place or point is None or None in point:
        return {"lat": None, "long": None}
    return {"lat": coarse_degrees(point[0]), "long": coarse_degrees(point[1])}


def _among(column, ids):
    """``column IN (ids)`` with the ids (whole numbers) written into the SQL: a thousand
    bound parameters cost the driver more than the database's lookup."""
    from sqlalchemy import Integer, bindparam

    return column.in_(bindparam("ids", [int(i) for i in ids], type_=Integer, expanding=True,
                                literal_execute=True))


def points(session: Session, ids) -> dict[int, tuple[float | None, float | None]]:
    """The stored point of each suggestion that came with one, in one query."""
    query = select(Open311Request.suggestion_id, Open311Request.latitude,
                   Open311Request.longitude).where(_among(Open311Request.suggestion_id, ids))
    return {row[0]: (row[1], row[2]) for row in session.exec(query)}


def request_dict(session: Session, suggestion, leads: list[str] | None = None,
                 notes: str | None = None, point=False) -> dict:
    """One service request as GeoReport v2 shows it, plus TongSheng's own status.

    ``leads``, ``notes`` and ``point``, when a list fetched them for every row at once,
    save the three lookups per row.
    """
    from classifier.topics import TOPIC_LABELS

    if point is False:
        point = points(session, [suggestion.id]).get(suggestion.id)

    return {
        "service_request_id": suggestion.tracking_code,
        "status": "closed" if suggestion.status in CLOSED else "open",
        "status_notes": _status_notes(session, suggestion) if notes is None else notes,
        "service_name": TOPIC_LABELS.get(suggestion.topic, "") if suggestion.topic else "",
        "service_code": suggestion.topic or "",
        "description": "" if suggestion.urgent or suggestion.case_id else suggestion.agency_text,
        "agency_responsible": agency_responsible(session, suggestion, leads),
        "service_notice": "",
        "requested_datetime": iso(suggestion.created_at),
        "updated_datetime": iso(suggestion.updated_at),
        "expected_datetime": iso(suggestion.answer_due),
        "address": suggestion.place,
        **public_point(suggestion.place, point),
        "address_id": "",
        "zipcode": "",
        "media_url": "",
        "tongsheng_status": str(suggestion.status),
    }


def _listed(session: Session, found: list, ids) -> list[dict]:
    """Every row of a list with three queries in all: the lead agencies, the latest answers
    and the points."""
    from collections import defaultdict

    from models.plans.tables import Agency
    from models.suggestions.tables import AgencyRole, Answer, Assignment

    leads = defaultdict(list)
    for suggestion_id, name in session.exec(
            select(Assignment.suggestion_id, Agency.name)
            .join(Agency, Agency.id == Assignment.agency_id)
            .where(_among(Assignment.suggestion_id, ids), Assignment.is_current,
                   Assignment.role == AgencyRole.LEAD.value).order_by(Assignment.id)):
        leads[suggestion_id].append(name)
    answers = dict(session.exec(select(Answer.suggestion_id, Answer.child_text)
                                .where(_among(Answer.suggestion_id, ids))
                                .order_by(Answer.id)).all())
    where = points(session, ids)
    return [request_dict(session, s, leads.get(s.id, []),
                         None if s.merged_into_id else _notes(s, answers.get(s.id)),
                         where.get(s.id))
            for s in found]


def _notes(suggestion, answer_text: str | None) -> str:
    from models.suggestions.status import CHILD_LABELS, Status

    return answer_text if answer_text is not None else CHILD_LABELS[Status(suggestion.status)]


def _parse_when(value: str | None, name: str) -> datetime | None:
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError as error:
        raise Open311Error(400, f"{name} must be a W3C datetime") from error
    from datetime import UTC

    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _codes(value: str | None) -> list[str]:
    return [part.strip() for part in (value or "").split(",") if part.strip()]


def _columns() -> list:
    """What ``request_dict`` reads of a suggestion, as plain columns: a thousand rows read
    this way cost a fraction of a thousand ORM objects."""
    from sqlalchemy import func

    from models.suggestions.tables import Suggestion

    return [Suggestion.id, Suggestion.plan_id, Suggestion.tracking_code, Suggestion.status,
            Suggestion.topic, Suggestion.urgent, Suggestion.case_id, Suggestion.merged_into_id,
            func.coalesce(func.nullif(Suggestion.clarified_text, ""),
                          Suggestion.redacted_text).label("agency_text"),
            Suggestion.created_at, Suggestion.updated_at, Suggestion.answer_due,
            Suggestion.place]


def find_requests(session: Session, plan_id: str, args) -> list[dict]:
    """GET requests: public items only; the standard filters; by default the last 90 days."""
    from datetime import timedelta

    from models.privacy.publication import public_condition
    from models.suggestions.tables import Suggestion

    query = select(*_columns()).where(Suggestion.plan_id == plan_id, public_condition())
    wanted = _codes(args.get("service_request_id"))
    if len(wanted) > MAX_IDS:
        raise Open311Error(400, f"at most {MAX_IDS} service_request_id values per request")
    if wanted:
        query = query.where(Suggestion.tracking_code.in_([c.upper() for c in wanted]))
    else:
        start = _parse_when(args.get("start_date"), "start_date")
        end = _parse_when(args.get("end_date"), "end_date")
        if start is None and end is None:
            start = utcnow() - timedelta(days=DEFAULT_DAYS)
        if start is not None:
            query = query.where(Suggestion.created_at >= start)
        if end is not None:
            query = query.where(Suggestion.created_at <= end)
        if _codes(args.get("service_code")):
            query = query.where(Suggestion.topic.in_(_codes(args.get("service_code"))))
        statuses = set(_codes(args.get("status")))
        if statuses - {"open", "closed"}:
            raise Open311Error(400, "status must be open or closed")
        if statuses == {"open"}:
            query = query.where(Suggestion.status.not_in(CLOSED))
        elif statuses == {"closed"}:
            query = query.where(Suggestion.status.in_(CLOSED))
    # Newest first along ``ix_suggestion_public``: the database stops after MAX_RESULTS rows.
    query = query.order_by(Suggestion.created_at.desc(), Suggestion.id.desc()).limit(MAX_RESULTS)
    found = list(session.execute(query))
    # The list is read once, as plain rows; its related rows by its (at most MAX_RESULTS) ids.
    return _listed(session, found, [s.id for s in found])


def find_one(session: Session, plan_id: str, request_id: str):
    """One public service request by its code; None for anything not public."""
    from models.privacy.publication import public_condition
    from models.suggestions.tables import Suggestion

    return session.exec(select(Suggestion).where(
        Suggestion.tracking_code == request_id.strip().upper(),
        Suggestion.plan_id == plan_id, public_condition())).first()
