"""POST requests and tokens: a program hands in a child's suggestion.

Only what the suggestion needs is kept: the text (masked like every other channel's), the
place (coarsened), a point rounded to 0.01°, and the child's answer to the consent
attribute. Contact fields the standard allows (``first_name``, ``last_name``, ``phone``,
``email``, ``device_id``, ``account_id``) are never read, so they are never stored or shown.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlmodel import Session, select

from models.office.api_keys import ApiClient
from models.office.open311 import HELP_NOTICE, Open311Error, Open311Request, agency_responsible
from models.office.open311_services import AGE, CONSENT, NO, YES
from models.privacy.personal_data import coarse_degrees

MAX_TEXT = 4000


@dataclass(frozen=True)
class Posted:
    """The fields of a POST that TongSheng reads; ``values`` is any mapping of them."""

    description: str
    service_code: str
    address: str
    point: tuple[float, float] | None
    consent: bool

    @classmethod
    def read(cls, values) -> Posted:
        description = (values.get("description") or "").strip()
        if not description:
            raise Open311Error(400, "description is required")
        if "\x00" in description:
            raise Open311Error(400, "description contains a NUL character")
        if len(description) > MAX_TEXT:
            raise Open311Error(400, f"description is longer than {MAX_TEXT} characters")
        return cls(description=description,
                   service_code=(values.get("service_code") or "").strip(),
                   address=(values.get("address_string") or "").strip()[:200],
                   point=_point(values.get("lat"), values.get("long")),
                   consent=_consent(values))


def _degrees(value: str, name: str, limit: float) -> float:
    try:
        number = float(value)
    except ValueError as error:
        raise Open311Error(400, f"{name} must be a number") from error
    if not -limit <= number <= limit:
        raise Open311Error(400, f"{name} must be between -{limit:g} and {limit:g}")
    return number


def _point(lat: str | None, long: str | None) -> tuple[float, float] | None:
    """Both or neither: one coordinate alone is refused rather than half stored."""
    if not lat and not long:
        return None
    if not lat or not long:
        raise Open311Error(400, "lat and long must be sent together")
    return (coarse_degrees(_degrees(lat, "lat", 90)), coarse_degrees(_degrees(long, "long", 180)))


def _consent(values) -> bool:
    """The child's own yes counts only at an age that needs no guardian's consent: a
    guardian's consent cannot be checked through the API, so a younger child's item is
    handled but never shown publicly. The age itself is not kept."""
    from models.suggestions.handling import consent_rule

    answer = (values.get(f"attribute[{CONSENT}]") or NO).strip().lower()
    if answer not in (YES, NO):
        raise Open311Error(400, f"attribute[{CONSENT}] must be {YES} or {NO}")
    age_text = (values.get(f"attribute[{AGE}]") or "").strip()
    if age_text and not (age_text.isdigit() and 3 <= int(age_text) <= 18):
        raise Open311Error(400, f"attribute[{AGE}] must be a whole number from 3 to 18")
    old_enough = bool(age_text) and int(age_text) >= consent_rule().consent_age
    return answer == YES and old_enough


def check_client(client: ApiClient | None, plan_id: str) -> ApiClient:
    """The key's program, if it may post to this city."""
    if client is None:
        raise Open311Error(403, "a valid api_key is required")
    if not client.serves(plan_id):
        raise Open311Error(403, f"this api_key is not for jurisdiction_id {plan_id}")
    return client


def create_request(session: Session, *, plan_id: str, client: ApiClient, values) -> dict:
    """POST requests: the caller's service_code, or the classifier's topic without one."""
    from classifier.topics import TOPIC_IDS
    from models.suggestions.intake import classify_text, take_words
    from models.suggestions.lifecycle import Actor, Draft

    posted = Posted.read(values)
    if posted.service_code and posted.service_code not in TOPIC_IDS:
        raise Open311Error(400, f"unknown service_code {posted.service_code}")
    found = classify_text(posted.description, plan_id)
    if posted.service_code:
        found = replace(found, topic=posted.service_code, confidence=1.0, abstained=False)
    draft = Draft(plan_id=plan_id, text=posted.description, place=posted.address,
                  consent_to_publish=posted.consent)
    suggestion = take_words(session, draft, Actor(kind="api", id=client.id, name=client.name),
                            found, channel="open311").suggestion
    kept = Open311Request(suggestion_id=suggestion.id, client_id=client.id,
                          latitude=posted.point[0] if posted.point else None,
                          longitude=posted.point[1] if posted.point else None)
    session.add(kept)
    session.flush()
    return {"service_request_id": suggestion.tracking_code, "token": kept.token,
            "service_notice": HELP_NOTICE if suggestion.urgent else "",
            "account_id": None,
            "agency_responsible": agency_responsible(session, suggestion),
            "service_code": suggestion.topic or ""}


def request_for_token(session: Session, plan_id: str, token: str) -> dict | None:
    """GET tokens/{token}: the request id a POST's token stands for, in this city."""
    from models.suggestions.tables import Suggestion

    query = (select(Suggestion.tracking_code)
             .join(Open311Request, Open311Request.suggestion_id == Suggestion.id)
             .where(Open311Request.token == token.strip(), Suggestion.plan_id == plan_id))
    code = session.exec(query).first()
    return None if code is None else {"service_request_id": code, "token": token.strip()}
