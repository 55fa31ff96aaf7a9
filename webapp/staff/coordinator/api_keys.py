"""The coordinator's Open311 keys: issue one for a program (shown once), see them, revoke."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from models.office import api_keys
from models.people.tables import Role
from webapp.access import staff_required
from webapp.db import get_session
from webapp.i18n import refused

bp = Blueprint("api_keys", __name__, url_prefix="/coordinator/manage/api-keys")
coordinator_only = staff_required(Role.COORDINATOR)


def _plan_id() -> str:
    return current_user.account.plan_id


@bp.route("/")
@coordinator_only
def page():
    return render_template("api_keys/list.html",
                           clients=api_keys.clients(get_session(), _plan_id()))


@bp.route("/issue", methods=["POST"])
@coordinator_only
def issue():
    try:
        client, key = api_keys.issue(get_session(), name=request.form.get("name", ""),
                                     plan_id=_plan_id(), by=current_user.account.username)
    except api_keys.KeyRefused as refusal:
        flash(refused(refusal))
        return redirect(url_for(".page"))
    return render_template("api_keys/issued.html", client=client, key=key)


@bp.route("/<int:client_id>/revoke", methods=["POST"])
@coordinator_only
def revoke(client_id: int):
    session = get_session()
    client = api_keys.find_client(session, client_id, _plan_id()) or abort(404)
    try:
        api_keys.revoke(session, client, by=current_user.account.username)
    except api_keys.KeyRefused as refusal:
        flash(refused(refusal))
    else:
        flash(_("已停用 %(name)s 的密钥，它马上就不能再用了。", name=client.name))
    return redirect(url_for(".page"))
