"""回访 of an answered item, and closing it when the child never rates (after the wait)."""

from __future__ import annotations

from flask import Blueprint, url_for
from flask_babel import gettext as _
from flask_login import current_user

from models.people.tables import Role
from models.suggestions import follow_up
from models.suggestions.lifecycle import actor_for_account
from webapp.access import staff_required
from webapp.actions import run_step
from webapp.forms.dispatching import FollowUpForm
from webapp.staff.coordinator import pages as coordinator

bp = Blueprint("follow_up", __name__, url_prefix="/coordinator/items")
coordinator_only = staff_required(Role.COORDINATOR)


def _step(suggestion_id: int, move, done: str):
    found = coordinator._mine(suggestion_id)
    form = FollowUpForm()
    return run_step(
        lambda session: move(session, found, actor=actor_for_account(current_user.account),
                             note=form.note.data),
        done=done, form=form,
        then=url_for("coordinator.item", suggestion_id=found.id),
        again=lambda status: coordinator._page(found, status, follow_form=form))


@bp.route("/<int:suggestion_id>/follow-up", methods=["POST"])
@coordinator_only
def record(suggestion_id: int):
    return _step(suggestion_id, follow_up.follow_up, _("已记下回访。"))


@bp.route("/<int:suggestion_id>/close", methods=["POST"])
@coordinator_only
def close(suggestion_id: int):
    return _step(suggestion_id, follow_up.close_unrated, _("已办结，孩子会收到通知。"))
