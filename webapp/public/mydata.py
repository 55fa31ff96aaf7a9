"""My data: a child (or their guardian, signed in as the child) sees, exports and deletes it."""

from __future__ import annotations

import json

from flask import (
    Blueprint,
    Response,
    current_app,
    flash,
    redirect,
    render_template,
    session,
    url_for,
)
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, logout_user

from models.people import accounts
from models.privacy import rights
from webapp.access import child_required
from webapp.db import get_session
from webapp.forms.privacy import DeleteMyDataForm
from webapp.security import audit

bp = Blueprint("mydata", __name__, url_prefix="/me/data")
LABELS = {"member": _l("我的账号"), "suggestion": _l("我的建议"), "event": _l("建议的经过"),
          "guardian_consent": _l("监护人同意记录"), "support": _l("我支持过的建议"),
          "rating": _l("我的评价"), "notification": _l("给我的消息"),
          "conversation": _l("聊天记录"), "answer": _l("部门给我的回复"),
          "assignment": _l("送到了哪些部门")}


@bp.route("/")
@child_required
def overview():
    data = rights.export(get_session(), current_user.member)
    return render_template("mydata/index.html", data=data, labels=LABELS,
                           form=DeleteMyDataForm(formdata=None))


@bp.route("/export.json")
@child_required
def export():
    """A JSON copy of everything we keep about this child, and nothing about anyone else."""
    data = rights.export(get_session(), current_user.member)
    body = json.dumps(data, ensure_ascii=False, indent=2)
    audit("data_export", actor_kind="child")
    return Response(body, mimetype="application/json",
                    headers={"Content-Disposition": "attachment; filename=tongsheng-my-data.json"})


@bp.route("/delete", methods=["POST"])
@child_required
def delete():
    """Delete the account and everything in it, after the PIN is typed once more."""
    member = current_user.member
    form = DeleteMyDataForm()
    db = get_session()
    if form.validate_on_submit() and not accounts.verify_secret(member.pin_hash, form.pin.data):
        form.pin.errors.append(_("密码不对。"))
    elif form.validate_on_submit():
        rights.erase(db, member)
        audit("data_erased", actor_kind="child")
        logout_user()
        session.clear()
        flash(_("你的信息已经全部删除了。谢谢你来过童声！"))
        return redirect(url_for("public.home"))
    data = rights.export(db, member)
    return render_template("mydata/index.html", data=data, labels=LABELS, form=form), 400


@bp.route("/consent")
@child_required
def consent():
    """What a young child shows their guardian: the notice, how to agree, and how to say no."""
    return render_template("mydata/consent.html",
                           notice_version=current_app.config["PRIVACY_NOTICE_VERSION"],
                           consent_age=current_app.config["CONSENT_AGE"])
