"""Safeguarding cases: only the group's facilitators and the city's safeguarding lead get in."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from models import paging, safeguarding
from models.people import Role

from .access import staff_required
from .accesslog import access_gate
from .db import get_session
from .privacy_forms import SafeguardingReportForm

bp = Blueprint("safeguarding", __name__, url_prefix="/safeguarding")
safeguarding_staff = staff_required(Role.FACILITATOR, Role.COORDINATOR)


@bp.app_context_processor
def open_safeguarding_cases() -> dict:
    """A child who may be in danger is never lost in a queue: every page says so until reported."""
    account = getattr(current_user, "account", None) if current_user.is_authenticated else None
    if account is None or account.role not in (Role.FACILITATOR, Role.COORDINATOR):
        return {"open_safeguarding_cases": 0}
    return {"open_safeguarding_cases": safeguarding.count_open_cases(get_session(), account)}


def _case(case_id: int) -> safeguarding.SafeguardingCase:
    return safeguarding.get_case(get_session(), current_user.account, case_id) or abort(404)


@bp.route("/")
@safeguarding_staff
def cases():
    found = paging.page(get_session(), safeguarding.visible_cases(current_user.account),
                        paging.PageRequest.from_args(request.args))
    return render_template("safeguarding/list.html", cases=found,
                           labels=safeguarding.CASE_STATUS_LABELS)


def _page(case, form=None, status: int = 200):
    return render_template(
        "safeguarding/case.html", case=case, steps=safeguarding.REPORT_STEPS,
        reports=safeguarding.reports(get_session(), case), targets=safeguarding.REPORT_TARGETS,
        labels=safeguarding.CASE_STATUS_LABELS,
        form=form or SafeguardingReportForm(formdata=None)), status


@bp.route("/<int:case_id>")
@safeguarding_staff
def case(case_id: int):
    found = _case(case_id)
    return access_gate("safeguarding", found.id, default_reason="safeguarding") or _page(found)


@bp.route("/<int:case_id>/report", methods=["POST"])
@safeguarding_staff
def report(case_id: int):
    """Record a report made to the police, civil affairs or education (强制报告)."""
    found = _case(case_id)
    form = SafeguardingReportForm()
    if not form.validate_on_submit():
        return _page(found, form, 400)
    safeguarding.record_report(get_session(), case=found, account=current_user.account,
                               target=form.target.data, reference=form.reference.data or "",
                               note=form.note.data or "")
    flash(_("已记录。谢谢你保护了这个孩子。"))
    return redirect(url_for(".case", case_id=found.id))


@bp.route("/<int:case_id>/close", methods=["POST"])
@safeguarding_staff
def close(case_id: int):
    found = _case(case_id)
    try:
        safeguarding.close_case(get_session(), case=found)
    except ValueError as problem:
        flash(str(problem))
        return _page(found, status=400)
    flash(_("个案已结案，记录会一直保留。"))
    return redirect(url_for(".cases"))
