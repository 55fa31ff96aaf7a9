"""派单 by a person: the coordinator chooses 主办/协办 for one item, adds a 属地 office, and
reviews each 退单 (accept, or send it back to the agency with a note)."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, url_for
from flask_babel import gettext as _
from flask_login import current_user

from models.people.tables import Role
from models.suggestions import dispatching
from models.suggestions.dispatching import Choice
from models.suggestions.lifecycle import actor_for_account
from webapp.access import staff_required
from webapp.actions import run_step
from webapp.db import get_session
from webapp.forms.dispatching import ChooseAgenciesForm, LocalOfficeForm, ReviewReturnForm
from webapp.i18n import refused
from webapp.staff.coordinator import pages as coordinator

bp = Blueprint("dispatching", __name__, url_prefix="/coordinator/items")
coordinator_only = staff_required(Role.COORDINATOR)


def _act(suggestion_id: int, run, done: str, form_name: str, form):
    found = coordinator._mine(suggestion_id)
    return run_step(lambda session: run(session, found, actor_for_account(current_user.account)),
                    done=done, form=form,
                    then=url_for("coordinator.item", suggestion_id=found.id),
                    again=lambda status: coordinator._page(found, status, **{form_name: form}))


@bp.route("/<int:suggestion_id>/agencies", methods=["POST"])
@coordinator_only
def choose(suggestion_id: int):
    """Send the item to the agencies chosen here, as 主办 and 协办."""
    found = coordinator._mine(suggestion_id)
    form = ChooseAgenciesForm().offer(coordinator.agency_choices(found.plan_id))
    choice = Choice(leads=tuple(form.leads.data or ()), partners=tuple(form.partners.data or ()))
    return _act(found.id, lambda s, x, who: dispatching.choose_agencies(
        s, x, actor=who, choice=choice, note=form.note.data or ""),
        _("已指派，部门会收到通知。"), "agencies_form", form)


@bp.route("/<int:suggestion_id>/local-office", methods=["POST"])
@coordinator_only
def local_office(suggestion_id: int):
    """Add a district or street office (属地), so it can be chosen for this item."""
    found = coordinator._mine(suggestion_id)
    form = LocalOfficeForm()
    if not form.validate_on_submit():
        return coordinator._page(found, 400, local_form=form)
    try:
        agency = dispatching.add_local_office(get_session(), found.plan_id, form.name.data,
                                              form.kind.data)
        get_session().commit()
    except ValueError as problem:
        get_session().rollback()
        flash(refused(problem))
        return coordinator._page(found, 400, local_form=form)
    flash(_("已添加“%(name)s”，现在可以选它了。", name=agency.name))
    return redirect(url_for("coordinator.item", suggestion_id=found.id) + "#choose-agencies")


@bp.route("/<int:suggestion_id>/returns/<int:review_id>", methods=["POST"])
@coordinator_only
def review(suggestion_id: int, review_id: int):
    """One 退单 reviewed: accepted (the agency leaves the item) or sent back with a note."""
    form = ReviewReturnForm()
    if form.decision.data == "reject":
        def run(s, x, who):
            return dispatching.reject_return(s, x, review_id, actor=who,
                                             answer=form.answer.data or "")
        done = _("已退回给部门，部门会看到你的说明。")
    else:
        def run(s, x, who):
            return dispatching.accept_return(s, x, review_id, actor=who,
                                             answer=form.answer.data or "")
        done = _("已同意退单。")
    return _act(suggestion_id, run, done, "review_form", form)
