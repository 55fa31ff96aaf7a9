"""Staff who open a child's unredacted words say why first; each view is one access_log row.

A view that shows unredacted child text calls, in one line::

    return access_gate("suggestion", found.id) or render_the_page(...)

``access_gate`` logs the view and returns None when a reason is on record for this object
in this session (or the page's own purpose is given as ``default_reason``); otherwise it
returns a redirect to the reason page, which comes back to the same address.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import Blueprint, redirect, render_template, request, session, url_for

from models.people.tables import Role
from models.privacy import audit
from webapp.access import staff_required
from webapp.db import get_session
from webapp.forms.privacy import AccessReasonForm
from webapp.staff.shared import REASONS_KEY, access_gate  # noqa: F401

bp = Blueprint("accesslog", __name__, url_prefix="/staff/access")


def _safe_next() -> str:
    target = request.args.get("next", "")
    parts = urlsplit(target)
    if target.startswith("/") and not target.startswith("//") and not parts.netloc:
        return target
    return url_for("public.home")


@bp.route("/reason/<kind>/<int:object_id>", methods=["GET", "POST"])
@staff_required(Role.FACILITATOR, Role.COORDINATOR)
def reason(kind: str, object_id: int):
    """Ask why; the answer is remembered for this object until sign-out."""
    form = AccessReasonForm()
    if form.validate_on_submit():
        reasons = dict(session.get(REASONS_KEY, {}))
        reasons[f"{kind}:{object_id}"] = form.reason.data
        session[REASONS_KEY] = reasons
        return redirect(_safe_next())
    return render_template("security/reason.html", form=form, kind=kind,
                           object_id=object_id), 200 if request.method == "GET" else 400


@bp.route("/log")
@staff_required(Role.COORDINATOR)
def log():
    """The coordinator's review of security events (who looked, who was refused)."""
    return render_template("security/log.html", events=audit.recent_events(get_session()),
                           reasons=audit.ACCESS_REASONS)
