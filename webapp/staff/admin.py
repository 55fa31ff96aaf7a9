"""The coordinator's administration: the city's plan, agency contacts, staff accounts."""

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from wtforms.fields.choices import SelectChoice

from classifier.topics import TOPIC_IDS
from models.office import administration
from models.people.tables import Account, Role
from models.plans.plan import load_plan
from webapp.access import staff_required
from webapp.db import get_session
from webapp.forms.admin import AgencyContactForm, NewAccountForm
from webapp.i18n import refused

bp = Blueprint("admin", __name__, url_prefix="/coordinator/manage")
coordinator_only = staff_required(Role.COORDINATOR)


def _plan_id() -> str:
    return current_user.account.plan_id


@bp.route("/")
@coordinator_only
def overview():
    session, plan = get_session(), load_plan(_plan_id())
    routes = [(topic, plan.route(topic)) for topic in TOPIC_IDS]
    return render_template("admin/overview.html", plan=plan, routes=routes,
                           agencies=administration.plan_agencies(session, plan.id),
                           accounts=administration.plan_accounts(session, plan.id))


@bp.route("/agencies/<int:agency_id>", methods=["GET", "POST"])
@coordinator_only
def agency(agency_id: int):
    session = get_session()
    found = administration.plan_agency(session, _plan_id(), agency_id) or abort(404)
    form = AgencyContactForm(obj=found)
    if form.validate_on_submit():
        administration.update_contact(session, found, name=form.contact_name.data.strip(),
                                      email=form.contact_email.data.strip(),
                                      phone=form.contact_phone.data.strip())
        flash(_("已保存 %(name)s 的联络方式。", name=found.name))
        return redirect(url_for("admin.overview"))
    return render_template("admin/agency.html", agency=found, form=form)


@bp.route("/accounts/new", methods=["GET", "POST"])
@coordinator_only
def new_account():
    session = get_session()
    form = NewAccountForm()
    form.agency_id.choices = [SelectChoice(0, _("（不属于部门）"))] + [
        SelectChoice(a.id, a.name) for a in administration.plan_agencies(session, _plan_id())]
    if form.validate_on_submit():
        try:
            account, password = administration.issue_account(
                session, plan_id=_plan_id(), username=form.username.data,
                display_name=form.display_name.data.strip(), role=Role(form.role.data),
                agency_id=form.agency_id.data or None, email=form.email.data or "")
        except administration.AdminRefused as refusal:
            form.username.errors.append(refused(refusal))
        else:
            return render_template("admin/issued.html", account=account, password=password)
    return render_template("admin/new_account.html", form=form)


@bp.route("/accounts/<int:account_id>/active", methods=["POST"])
@coordinator_only
def set_active(account_id: int):
    session = get_session()
    account = session.get(Account, account_id)
    if account is None or account.plan_id != _plan_id():
        abort(404)
    try:
        administration.set_active(session, account, request.form.get("active") == "1",
                                  by=current_user.account)
    except administration.AdminRefused as refusal:
        flash(refused(refusal))
    return redirect(url_for("admin.overview"))
