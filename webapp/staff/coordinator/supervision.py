"""督办 that acts: the coordinator's 催办/督办/通报 and 督办单, the agency's 延期申请."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from models.files.pdfdoc import FontMissing
from models.refusals import Refusal
from models.suggestions import supervision
from models.suggestions import supervision_pdf as duban_pdf
from models.suggestions.lifecycle import actor_for_account
from webapp.actions import run_step
from webapp.db import get_session
from webapp.files import send_document
from webapp.forms.flow import DecideExtensionForm, EscalateForm, ExtensionForm
from webapp.i18n import refused
from webapp.staff import agency
from webapp.staff.coordinator import pages as coordinator
from webapp.staff.shared import agency_item, agency_only, coordinator_item, coordinator_only

bp = Blueprint("supervision", __name__)
PROBLEMS = (Refusal,)
DONE = {1: _l("已催办，部门会收到通知和邮件。"), 2: _l("已督办，部门会收到通知和邮件。"),
        3: _l("已通报，部门会收到通知和邮件。")}


def _me():
    return actor_for_account(current_user.account)


def _step(found, run, *, done: str, page, form_name: str, form, item_endpoint: str):
    return run_step(lambda session: run(session, found, _me()), done=done, form=form,
                    problems=PROBLEMS, then=url_for(item_endpoint, suggestion_id=found.id),
                    again=lambda status: page(found, status, **{form_name: form}),
                    status_of=lambda _problem: 400)


@bp.route("/coordinator/items/<int:suggestion_id>/escalate", methods=["POST"])
@coordinator_only
def escalate(suggestion_id: int):
    """催办, 督办 or 通报: recorded, and the lead agency is told (notice and queued e-mail)."""
    form = EscalateForm()
    level = int(form.level.data) if (form.level.data or "").isdigit() else 0
    return _step(coordinator_item(suggestion_id), lambda s, x, who: supervision.escalate(
        s, x, actor=who, level=level, note=form.note.data or ""),
        done=str(DONE.get(level, "")), page=coordinator._page, form_name="escalate_form",
        form=form, item_endpoint="coordinator.item")


@bp.route("/coordinator/items/<int:suggestion_id>/steps/<int:step_id>.pdf")
@coordinator_only
def sheet(suggestion_id: int, step_id: int):
    """The 督办单 of one step as a PDF."""
    found = coordinator_item(suggestion_id)
    step = get_session().get(supervision.SupervisionStep, step_id)
    if step is None or step.suggestion_id != found.id:
        abort(404)
    try:
        data = duban_pdf.sheet_pdf(get_session(), found, step)
    except FontMissing as problem:
        flash(refused(problem))
        return redirect(url_for("coordinator.item", suggestion_id=found.id))
    return send_document(data, "pdf", f"duban-{found.tracking_code}-{step.id}")


@bp.route("/coordinator/items/<int:suggestion_id>/extensions/<int:extension_id>",
          methods=["POST"])
@coordinator_only
def decide(suggestion_id: int, extension_id: int):
    """Approve (the deadline moves) or refuse (with a reason) one 延期申请."""
    found = coordinator_item(suggestion_id)
    asked = get_session().get(supervision.ExtensionRequest, extension_id)
    if asked is None or asked.suggestion_id != found.id:
        abort(404)
    form = DecideExtensionForm()
    approve = form.decision.data == "approve"
    done = _("已同意延期，期限已经改好。") if approve else _("已告诉部门不同意延期的原因。")
    return _step(found, lambda s, x, who:
                 supervision.decide_extension(s, asked, actor=who, approve=approve,
                                              answer=form.answer.data or ""),
                 done=done, page=coordinator._page, form_name="decide_form", form=form,
                 item_endpoint="coordinator.item")


@bp.route("/agency/items/<int:suggestion_id>/extension", methods=["POST"])
@agency_only
def request_extension(suggestion_id: int):
    """延期申请: a reason and a new date; the coordinator decides."""
    form = ExtensionForm()
    return _step(agency_item(suggestion_id), lambda s, x, who: supervision.request_extension(
        s, x, actor=who, reason=form.reason.data, new_date=form.new_date.data),
        done=_("延期申请已交给妇儿工委办，有结果会通知你。"), page=agency._page,
        form_name="extension_form", form=form, item_endpoint="agency.item")
