"""Whose city a child's page is about: shared by the chat and the map of places."""

from __future__ import annotations

from flask import abort, current_app, request
from flask_login import current_user

from models.people.tables import Group, Member
from models.plans.plan import plan_ids
from webapp.db import get_session


def signed_in_child() -> Member | None:
    """The child signed in on this device, or None (no account, or staff)."""
    return current_user.member if current_user.is_authenticated and current_user.is_child \
        else None


def city_of_request() -> str:
    """A signed-in child's own city, else the city named in the link, else the default."""
    member = signed_in_child()
    if member is not None:
        return get_session().get(Group, member.group_id).plan_id
    plan_id = request.args.get("plan") or current_app.config["DEFAULT_PLAN"]
    if plan_id not in plan_ids():
        abort(404)
    return plan_id
