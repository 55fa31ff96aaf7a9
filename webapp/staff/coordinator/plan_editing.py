"""The city's plan edited in the browser: routes and deadlines, each save a version with who,
when, what and why, and any version restored (``models/plans/versions.py``)."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from classifier.topics import TOPIC_IDS
from models.people.tables import Role
from models.plans import versions
from models.plans.plan import COORDINATOR, LOCAL_KINDS, load_plan
from models.plans.versions import PlanEditRefused
from webapp.access import staff_required
from webapp.db import get_session
from webapp.forms.dispatching import (
    DeadlinesForm,
    PlanLocalOfficeForm,
    RollbackForm,
    RouteEditForm,
)
from webapp.i18n import refused

bp = Blueprint("plan_editing", __name__, url_prefix="/coordinator/plan")
coordinator_only = staff_required(Role.COORDINATOR)


def _plan():
    return load_plan(current_user.account.plan_id)


def _who() -> dict:
    account = current_user.account
    return {"author_id": account.id, "author": account.display_name}


def _page(status: int = 200, deadlines_form=None, local_form=None):
    plan = _plan()
    form = deadlines_form or DeadlinesForm(
        formdata=None, sign_days=plan.deadlines.sign_working_days,
        answer_days=plan.deadlines.answer_working_days)
    return render_template(
        "coordinator/plan.html", plan=plan, routes=[(t, plan.route(t)) for t in TOPIC_IDS],
        deadlines_form=form, rollback_form=RollbackForm(formdata=None),
        local_offices=versions.local_offices(plan), LOCAL_KINDS=LOCAL_KINDS,
        local_form=local_form or PlanLocalOfficeForm(formdata=None, prefix="office"),
        versions=versions.versions(get_session(), plan.id)), status


@bp.route("/")
@coordinator_only
def page():
    return _page()


def _saved(run, form, again):
    try:
        row = run()
    except PlanEditRefused as problem:
        get_session().rollback()
        flash(refused(problem))
        return again(400)
    flash(_("已保存为第 %(n)s 版。", n=row.number))
    return redirect(url_for(".page"))


@bp.route("/deadlines", methods=["POST"])
@coordinator_only
def deadlines():
    form = DeadlinesForm()
    if not form.validate_on_submit():
        return _page(400, form)
    return _saved(lambda: versions.edit_deadlines(
        get_session(), _plan().id, sign_days=form.sign_days.data,
        answer_days=form.answer_days.data, reason=form.reason.data, **_who()),
        form, lambda status: _page(status, form))


@bp.route("/local-offices", methods=["POST"])
@coordinator_only
def local_office():
    """Name a 属地 office (a district or street office) in the plan: a new version."""
    form = PlanLocalOfficeForm(prefix="office")
    if not form.validate_on_submit():
        return _page(400, local_form=form)
    return _saved(lambda: versions.add_local_office(
        get_session(), _plan().id, name=form.name.data, kind=form.kind.data,
        reason=form.reason.data, **_who()), form, lambda status: _page(status, local_form=form))


@bp.route("/routes/<topic>", methods=["GET", "POST"])
@coordinator_only
def route(topic: str):
    """Route one topic to a task, and set that task's lead and partner agencies."""
    if topic not in TOPIC_IDS:
        abort(404)
    plan = _plan()
    current = plan.route(topic)
    form = RouteEditForm(data=None if current.to_coordinator else {
        "task": current.task_id, "lead": current.lead_agencies,
        "partners": current.partner_agencies})
    form.task.choices = [(COORDINATOR, _("方案未覆盖，由统筹单位处理"))] + [
        (t.id, f"{t.id} {t.title}") for t in plan.tasks]
    form.lead.choices = form.partners.choices = [(n, n) for n in plan.agency_names()]

    def again(status: int):
        return render_template("coordinator/plan_route.html", form=form, topic=topic,
                               current=current), status
    if not form.validate_on_submit():
        return again(400 if form.is_submitted() else 200)
    return _saved(lambda: versions.edit_route(
        get_session(), plan.id, topic=topic, task_id=form.task.data, lead=form.lead.data,
        partners=form.partners.data or [], reason=form.reason.data, **_who()), form, again)


@bp.route("/versions/<int:number>/restore", methods=["POST"])
@coordinator_only
def restore(number: int):
    form = RollbackForm()
    if not form.validate_on_submit():
        flash(_("请写下为什么要改。"))
        return _page(400)
    return _saved(lambda: versions.roll_back(get_session(), _plan().id, number,
                                             reason=form.reason.data, **_who()),
                  form, _page)
