"""What every staff blueprint needs, kept here so no blueprint imports another's helpers:
the role gates, the signed-in account, finding what is theirs through ``models.privacy.scope``
(404 for anything else), the consent rule, and the gate before reading a child's own words.
"""

from __future__ import annotations

from flask import abort, redirect, request, session, url_for
from flask_login import current_user

from models.people.tables import Account, Group, Role
from models.privacy import audit, scope
from models.settings import settings_of
from models.suggestions.tables import Suggestion
from webapp.access import staff_required
from webapp.db import get_session

coordinator_only = staff_required(Role.COORDINATOR)
agency_only = staff_required(Role.AGENCY_STAFF)
facilitator_only = staff_required(Role.FACILITATOR)
REASONS_KEY = "access_reasons"


def me() -> Account:
    return current_user.account


def coordinator_item(suggestion_id: int) -> Suggestion:
    """A suggestion of the coordinator's own city; 404 for any other."""
    return scope.coordinator_suggestion(get_session(), me(), suggestion_id) or abort(404)


def agency_item(suggestion_id: int) -> Suggestion:
    """A suggestion routed to this staff member's agency; 404 for any other."""
    return scope.agency_suggestion(get_session(), me(), suggestion_id) or abort(404)


def owned_group(group_id: int) -> Group:
    """The group if this facilitator runs it; 404 for anyone else's."""
    return scope.facilitator_group(get_session(), me(), group_id) or abort(404)


def rules() -> dict:
    """The site's consent rule (``Settings.consent``), as the moderation steps take it."""
    rule = settings_of(get_session()).consent
    return {"notice_version": rule.notice_version, "consent_age": rule.consent_age}


def access_gate(kind: str, object_id: int, default_reason: str | None = None):
    """Log this staff view of child text, or send the person to say why first."""
    key = f"{kind}:{object_id}"
    reason = session.get(REASONS_KEY, {}).get(key) or default_reason
    if reason is None:
        return redirect(url_for("accesslog.reason", kind=kind, object_id=object_id,
                                next=request.full_path.rstrip("?")))
    audit.record_access(get_session(), account_id=me().id, object_kind=kind,
                        object_id=object_id, reason=reason, path=request.path)
    return None
