"""In-app notices for everyone who signs in: staff of every role and children."""

from __future__ import annotations

from flask import Blueprint, redirect, render_template, url_for
from flask_login import current_user
from sqlmodel import select

from models.notices import notifications
from models.people.tables import Role
from models.suggestions.tables import Suggestion
from webapp.access import public
from webapp.db import get_session

bp = Blueprint("notices", __name__, url_prefix="/notices")


def _mine() -> dict:
    """The signed-in person as a notice recipient."""
    if current_user.is_child:
        return {"member_id": current_user.member.id}
    return {"account_id": current_user.account.id}


def _link(suggestion: Suggestion | None) -> str:
    """Where a notice leads: the child's tracking page or the staff member's own item page."""
    if suggestion is None:
        return ""
    if current_user.is_child:
        return url_for("track.page", code=suggestion.tracking_code)
    if current_user.role == Role.AGENCY_STAFF:
        return url_for("agency.item", suggestion_id=suggestion.id)
    if current_user.role == Role.COORDINATOR:
        return url_for("coordinator.item", suggestion_id=suggestion.id)
    if suggestion.group_id is None:
        return ""
    return url_for("review.item", group_id=suggestion.group_id, suggestion_id=suggestion.id)


@bp.route("/")
@public
def index():
    """Anyone signed in reads their own notices here; opening the page marks them read."""
    if not current_user.is_authenticated:
        return redirect(url_for("auth.choose"))
    session = get_session()
    mine = _mine()
    rows = notifications.for_member(session, mine["member_id"]) if current_user.is_child \
        else notifications.for_account(session, mine["account_id"])
    ids = {row.suggestion_id for row in rows if row.suggestion_id}
    found = {s.id: s for s in session.exec(select(Suggestion).where(Suggestion.id.in_(ids)))} \
        if ids else {}
    items = [(row, _link(found.get(row.suggestion_id)), row.read_at is None) for row in rows]
    notifications.mark_read(session, rows)
    return render_template("notices/index.html", items=items)
