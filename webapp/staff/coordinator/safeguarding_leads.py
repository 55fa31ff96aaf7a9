"""The coordinator names the city's safeguarding leads: who is called first, who next."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlmodel import select

from models.people.tables import Account, Role
from models.safety.duty import LeadProblem, add_lead, duty_rule, remove_lead
from models.safety.safeguarding import STAFF_ROLES, leads
from webapp.access import staff_required
from webapp.db import get_session
from webapp.i18n import refused

bp = Blueprint("safeguarding_leads", __name__,
               url_prefix="/coordinator/manage/safeguarding-leads")
coordinator_only = staff_required(Role.COORDINATOR)


def _city_account(account_id: int) -> Account:
    found = get_session().get(Account, account_id)
    if found is None or found.plan_id != current_user.account.plan_id:
        abort(404)
    return found


@bp.route("/")
@coordinator_only
def page():
    session = get_session()
    plan_id = current_user.account.plan_id
    on_duty = leads(session, plan_id)
    others = session.exec(select(Account).where(
        Account.plan_id == plan_id, Account.is_active, Account.role.in_(STAFF_ROLES),
        Account.is_safeguarding_lead.is_(False)).order_by(Account.username)).all()
    return render_template("safeguarding/leads.html", leads=on_duty, others=others,
                           minutes=duty_rule().ack_minutes)


def _change(change, done: str):
    try:
        change(get_session(), _city_account(request.form.get("account", 0, type=int)),
               by=current_user.account.username)
    except LeadProblem as problem:
        flash(refused(problem))
    else:
        flash(done)
    return redirect(url_for(".page"))


@bp.route("/add", methods=["POST"])
@coordinator_only
def add():
    return _change(add_lead, _("已指定为安全负责人。"))


@bp.route("/remove", methods=["POST"])
@coordinator_only
def remove():
    return _change(remove_lead, _("已不再是安全负责人。"))
