"""Open311 GeoReport v2 as TongSheng speaks it: jurisdiction = plan, service = topic."""

from __future__ import annotations

import hashlib
from datetime import datetime

from sqlmodel import Field, Session, SQLModel, select

from models.common import utcnow


class ApiClient(SQLModel, table=True):
    """A program allowed to POST requests; only a hash of its key is kept."""

    __tablename__ = "api_client"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=120)
    key_hash: str = Field(max_length=64, unique=True)
    is_active: bool = True
    created_at: datetime = Field(default_factory=utcnow)


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def add_client(session: Session, *, name: str, key: str) -> ApiClient:
    """Register a client unless its key is already known."""
    found = client_for_key(session, key)
    if found is not None:
        return found
    client = ApiClient(name=name, key_hash=hash_key(key))
    session.add(client)
    session.flush()
    return client


def client_for_key(session: Session, key: str | None) -> ApiClient | None:
    if not key:
        return None
    query = select(ApiClient).where(ApiClient.key_hash == hash_key(key), ApiClient.is_active)
    return session.exec(query).first()


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


def services(plan_id: str) -> list[dict]:
    """One service per topic, described by the task of this plan that owns it."""
    from classifier.topics import TOPIC_IDS, TOPIC_LABELS
    from models.plans.plan import load_plan

    plan = load_plan(plan_id)
    out = []
    for topic in TOPIC_IDS:
        route = plan.route(topic)
        out.append({"service_code": topic, "service_name": TOPIC_LABELS[topic],
                    "description": route.task_title or f"由{plan.coordinator}统筹办理",
                    "metadata": False, "type": "realtime", "keywords": topic,
                    "group": route.domain or plan.coordinator})
    return out


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


def request_dict(session: Session, suggestion, leads: list[str] | None = None,
                 notes: str | None = None) -> dict:
    """One service request as GeoReport v2 shows it, plus TongSheng's own status.

    ``leads`` and ``notes``, when a list fetched them for every row at once, save the two
    lookups per row.
    """
    from classifier.topics import TOPIC_LABELS

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
        "address_id": "",
        "zipcode": "",
        "media_url": "",
        "tongsheng_status": str(suggestion.status),
    }


def _listed(session: Session, found: list, ids) -> list[dict]:
    """Every row of a list with two queries in all: the lead agencies and the latest answers."""
    from collections import defaultdict

    from models.plans.tables import Agency
    from models.suggestions.tables import AgencyRole, Answer, Assignment

    leads = defaultdict(list)
    for suggestion_id, name in session.exec(
            select(Assignment.suggestion_id, Agency.name)
            .join(Agency, Agency.id == Assignment.agency_id)
            .where(Assignment.suggestion_id.in_(ids), Assignment.is_current,
                   Assignment.role == AgencyRole.LEAD.value).order_by(Assignment.id)):
        leads[suggestion_id].append(name)
    answers = dict(session.exec(select(Answer.suggestion_id, Answer.child_text)
                                .where(Answer.suggestion_id.in_(ids)).order_by(Answer.id)).all())
    return [request_dict(session, s, leads.get(s.id, []),
                         None if s.merged_into_id else _notes(s, answers.get(s.id)))
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


def find_requests(session: Session, plan_id: str, args) -> list[dict]:
    """GET requests: public items only; the standard filters; by default the last 90 days."""
    from datetime import timedelta

    from models.privacy.publication import public_condition
    from models.suggestions.tables import Suggestion

    query = select(Suggestion).where(Suggestion.plan_id == plan_id, public_condition())
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
    query = query.order_by(Suggestion.created_at.desc(), Suggestion.id.desc()).limit(MAX_RESULTS)
    return _listed(session, list(session.exec(query)), query.with_only_columns(Suggestion.id))


def find_one(session: Session, plan_id: str, request_id: str):
    """One public service request by its code; None for anything not public."""
    from models.privacy.publication import public_condition
    from models.suggestions.tables import Suggestion

    return session.exec(select(Suggestion).where(
        Suggestion.tracking_code == request_id.strip().upper(),
        Suggestion.plan_id == plan_id, public_condition())).first()


def create_request(session: Session, *, plan_id: str, client: ApiClient, form) -> dict:
    """POST requests: the caller's service_code, or the classifier's topic without one."""
    from classifier.topics import TOPIC_IDS
    from models.suggestions.intake import classify_text, take_words
    from models.suggestions.lifecycle import Actor, Draft

    description = (form.get("description") or "").strip()
    if not description:
        raise Open311Error(400, "description is required")
    if "\x00" in description:
        raise Open311Error(400, "description contains a NUL character")
    if len(description) > 4000:
        raise Open311Error(400, "description is longer than 4000 characters")
    code = (form.get("service_code") or "").strip()
    if code and code not in TOPIC_IDS:
        raise Open311Error(400, f"unknown service_code {code}")
    found = classify_text(description, plan_id)
    if code:
        from dataclasses import replace

        found = replace(found, topic=code, confidence=1.0, abstained=False)
    draft = Draft(plan_id=plan_id, text=description,
                  place=(form.get("address_string") or "").strip()[:200])
    suggestion = take_words(session, draft, Actor(kind="api", id=client.id, name=client.name),
                            found, channel="open311").suggestion
    return {"service_request_id": suggestion.tracking_code,
            "service_notice": HELP_NOTICE if suggestion.urgent else "",
            "account_id": None, "token": None,
            "agency_responsible": agency_responsible(session, suggestion),
            "service_code": suggestion.topic or ""}
