"""Safeguarding cases: only the people on duty get in; every word and step is in the history."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from models import paging
from models.people.tables import Role
from models.refusals import Refusal
from models.safety import case_talk, safeguarding
from models.safety import duty as safeguarding_duty
from models.suggestions.tables import Suggestion
from webapp.access import staff_required
from webapp.actions import run_step
from webapp.db import get_session
from webapp.forms.common import StaffWordsForm
from webapp.forms.privacy import SafeguardingReportForm
from webapp.i18n import refused
from webapp.staff.shared import access_gate

bp = Blueprint("safeguarding", __name__, url_prefix="/safeguarding")
safeguarding_staff = staff_required(Role.FACILITATOR, Role.COORDINATOR)
PROBLEMS = (Refusal,)


def _me():
    return current_user.account


def _case(case_id: int) -> safeguarding.SafeguardingCase:
    return safeguarding.get_case(get_session(), _me(), case_id) or abort(404)


@bp.route("/")
@safeguarding_staff
def cases():
    """The board: open cases, the one waiting longest first, with how long each has waited;
    then every case this account may see, a page at a time."""
    session = get_session()
    found = paging.page(session, safeguarding.visible_cases(session, _me()),
                        paging.PageRequest.from_args(request.args))
    return render_template("safeguarding/list.html",
                           board=safeguarding.open_board(session, _me()), cases=found,
                           waited=safeguarding_duty.waiting_minutes,
                           labels=safeguarding.CASE_STATUS_LABELS)


def _page(case, form=None, words=None, status: int = 200):
    session = get_session()
    return render_template(
        "safeguarding/case.html", case=case, steps=safeguarding.REPORT_STEPS,
        reports=safeguarding.reports(session, case), targets=safeguarding.REPORT_TARGETS,
        labels=safeguarding.CASE_STATUS_LABELS, history=safeguarding.history(session, case),
        held=safeguarding.suggestions_of(session, case),
        released=lambda s: safeguarding.dispatchable(session, s),
        decides=safeguarding.is_lead_for(session, _me(), case.plan_id),
        talk=case_talk.conversation_of(session, case),
        words=words or StaffWordsForm(formdata=None),
        form=form or SafeguardingReportForm(formdata=None)), status


@bp.route("/<int:case_id>")
@safeguarding_staff
def case(case_id: int):
    found = _case(case_id)
    return access_gate("safeguarding", found.id, default_reason="safeguarding") or _page(found)


def _step(case_id: int, action, done: str):
    found = _case(case_id)
    return run_step(lambda session: action(session, found), done=done, problems=PROBLEMS,
                    then=url_for(".case", case_id=found.id),
                    again=lambda status: _page(found, status=status))


@bp.route("/<int:case_id>/acknowledge", methods=["POST"])
@safeguarding_staff
def acknowledge(case_id: int):
    """"我来处理": the case stops escalating; the history says who took it."""
    return _step(case_id, lambda session, found: safeguarding_duty.take_in_hand(
        session, found, _me()), _("好的，这个个案由你跟进。"))


@bp.route("/<int:case_id>/release/<int:suggestion_id>", methods=["POST"])
@safeguarding_staff
def release(case_id: int, suggestion_id: int):
    """The lead decides a suggestion of the case may be handled like any other."""
    def run(session, found):
        item = session.get(Suggestion, suggestion_id)
        if item is None or item.case_id != found.id:
            abort(404)
        safeguarding.release(session, case=found, suggestion=item, account=_me())
    return _step(case_id, run, _("已记录你的决定：这条建议可以按普通建议处理。"))


@bp.route("/<int:case_id>/write", methods=["POST"])
@safeguarding_staff
def write(case_id: int):
    """Words to the child, into their chat; logged in the case for every reader to see."""
    found = _case(case_id)
    form = StaffWordsForm()
    if not form.validate_on_submit():
        return _page(found, words=form, status=400)
    try:
        case_talk.write_to_child(get_session(), case=found, account=_me(), text=form.text.data)
    except case_talk.TalkProblem as problem:
        get_session().rollback()
        form.text.errors.append(refused(problem))
        return _page(found, words=form, status=400)
    flash(_("已经发给孩子。孩子下次打开对话就能看到，这句话也记在个案里。"))
    return redirect(url_for(".case", case_id=found.id))


@bp.route("/<int:case_id>/report", methods=["POST"])
@safeguarding_staff
def report(case_id: int):
    """Record a report made to the police, civil affairs or education (强制报告)."""
    found = _case(case_id)
    form = SafeguardingReportForm()
    if not form.validate_on_submit():
        return _page(found, form, status=400)
    safeguarding.record_report(get_session(), case=found, account=_me(),
                               target=form.target.data, reference=form.reference.data or "",
                               note=form.note.data or "")
    flash(_("已记录。谢谢你保护了这个孩子。"))
    return redirect(url_for(".case", case_id=found.id))


@bp.route("/<int:case_id>/close", methods=["POST"])
@safeguarding_staff
def close(case_id: int):
    found = _case(case_id)
    try:
        safeguarding.close_case(get_session(), case=found, account=_me())
    except Refusal as problem:
        flash(refused(problem))
        return _page(found, status=400)
    flash(_("个案已结案，记录会一直保留。"))
    return redirect(url_for(".cases"))
