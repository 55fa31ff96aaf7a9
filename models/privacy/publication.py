"""What the public may ever see of a suggestion, decided in one place.

Public means: the child said it may be public (``consent_to_publish``), a facilitator
approved it (it went on to an agency), it is not urgent and has no safeguarding case, and
it is not waiting for a guardian's consent. Declined, merged, held, urgent and pending
items are never public, and even a public item shows only its masked text
(``Suggestion.agency_text``), never the child's own words.
"""

from __future__ import annotations

from sqlalchemy import and_, exists, select
from sqlmodel import Session

from models.people.consent import ConsentHold
from models.safety.safeguarding import SafeguardingCase
from models.suggestions.status import Status
from models.suggestions.tables import Suggestion

PUBLIC_STATUSES = (Status.DISPATCHED, Status.ACCEPTED, Status.IN_PROGRESS, Status.ANSWERED,
                   Status.CLOSED, Status.RETURNED)


def public_condition():
    """A query condition true only for suggestions anyone may see."""
    # NOT IN over a primary key (never NULL): one hashed list of the few held items, checked
    # per row in memory, where NOT EXISTS made PostgreSQL probe the table once per row.
    held = Suggestion.id.in_(select(ConsentHold.suggestion_id))
    case = exists().where(SafeguardingCase.suggestion_code == Suggestion.tracking_code)
    return and_(Suggestion.consent_to_publish.is_(True), Suggestion.urgent.is_(False),
                Suggestion.case_id.is_(None),  # anything of a case waits for the lead
                Suggestion.status.in_([s.value for s in PUBLIC_STATUSES]), ~held, ~case)


def is_public(session: Session, suggestion: Suggestion) -> bool:
    query = select(Suggestion.id).where(Suggestion.id == suggestion.id, public_condition())
    return session.execute(query).first() is not None
