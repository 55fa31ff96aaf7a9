"""The 举报/投诉 link on every page: anyone can report a problem and gets a ticket number."""

from __future__ import annotations

from flask import Blueprint, current_app, render_template, request
from flask_login import current_user

from models.people.tables import Role
from models.safety import report as reports
from webapp.access import public, staff_required
from webapp.db import get_session
from webapp.forms.privacy import ReportForm
from webapp.public.chat_case import to_case_chat

bp = Blueprint("report", __name__, url_prefix="/report")


def _reporter() -> tuple[str, str]:
    """Who sent it (kind only, never which child) and which city it belongs to."""
    if not current_user.is_authenticated:
        return "anonymous", current_app.config["DEFAULT_PLAN"]
    if current_user.is_child:
        return "child", current_app.config["DEFAULT_PLAN"]
    return "staff", current_user.account.plan_id


@bp.route("/", methods=["GET", "POST"])
@public
def new():
    form = ReportForm()
    page = (request.args.get("from") or "")[:200]
    if form.validate_on_submit():
        kind, plan_id = _reporter()
        ticket = reports.file_report(get_session(), kind=form.kind.data,
                                     message=form.message.data, page=page,
                                     reporter_kind=kind, plan_id=plan_id)
        case = reports.case_of(get_session(), ticket)
        if case is not None:  # help at once, and a place to go on talking
            member = current_user.member if kind == "child" else None
            return to_case_chat(case, member_id=member.id if member else None)
        return render_template("report/thanks.html", ticket=ticket)
    status = 400 if request.method == "POST" else 200
    return render_template("report/new.html", form=form, page=page), status


@bp.route("/tickets")
@staff_required(Role.COORDINATOR)
def tickets():
    rows = reports.open_reports(get_session(), current_user.account.plan_id)
    return render_template("report/list.html", rows=rows, kinds=reports.REPORT_KINDS)
