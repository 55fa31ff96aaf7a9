"""The agency workspace: an inbox of what was routed here, 签收, 退单, progress, the answer."""

from __future__ import annotations

from datetime import datetime
from functools import partial

from flask import Blueprint, render_template, request
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from models.common import utcnow
from models.councils import support
from models.files import attachments
from models.paging import PageRequest
from models.refusals import Invalid, Refusal
from models.settings import settings_of
from models.suggestions import (
    deadlines,
    handling,
    held_answers,
    lifecycle,
    plain_words,
    questions,
    supervision,
    timeline,
)
from models.suggestions import inbox as inbox_tabs
from models.suggestions.lifecycle import actor_for_account
from models.suggestions.permissions import agency_role, available_actions
from models.suggestions.status import Status
from models.suggestions.tables import DUE_WEIGHT_LABELS
from webapp.actions import suggestion_steps
from webapp.db import get_session
from webapp.files import send_attachment
from webapp.forms.flow import (
    AnswerForm,
    AskChildForm,
    AttachForm,
    ExtensionForm,
    NoteForm,
    ReturnForm,
)
from webapp.staff.shared import agency_item, agency_only

bp = Blueprint("agency", __name__, url_prefix="/agency")
TABS = {"new": _l("待签收"), "overdue": _l("已超期"), "progress": _l("办理中"),
        "answered": _l("已答复")}
PROBLEMS = (Refusal,)


@bp.app_context_processor
def action_labels() -> dict:
    return {"ACTION_LABELS": timeline.ACTION_LABELS,
            "DUE_WEIGHT_LABELS": {str(k): v for k, v in DUE_WEIGHT_LABELS.items()}}


@bp.route("/")
@agency_only
def inbox():
    tab = request.args.get("tab", "new")
    tab = tab if tab in TABS else "new"
    session, account, now = get_session(), current_user.account, utcnow()
    counts = inbox_tabs.counts(session, account, now)
    shown = inbox_tabs.tab_page(session, account, tab, PageRequest.from_args(request.args), now,
                                counts[tab])
    return render_template("agency/inbox.html", tab=tab, tabs=TABS, items=shown, counts=counts,
                           supports=support.counts(session, [s.id for s in shown]),
                           current_due=deadlines.current_due,
                           due_soon=partial(deadlines.due_soon,
                                            holidays=settings_of(session).holidays))


_mine = agency_item


def _page(item, status: int = 200, **forms):
    session = get_session()
    actor = actor_for_account(current_user.account)
    role = agency_role(session, actor, item)
    forms.setdefault("return_form", ReturnForm(formdata=None))
    forms.setdefault("note_form", NoteForm(formdata=None))
    forms.setdefault("answer_form", AnswerForm(formdata=None))
    forms.setdefault("attach_form", AttachForm(formdata=None))
    forms.setdefault("extension_form", ExtensionForm(formdata=None))
    forms.setdefault("ask_form", AskChildForm(formdata=None))
    return render_template(
        "agency/item.html", item=item, role=str(role) if role else "", Status=Status,
        may_sign=handling.may_sign(session, item, actor),
        actions=available_actions(session, actor, item),
        thread=timeline.staff_thread(session, item), answer=timeline.latest_answer(session, item),
        files=attachments.for_suggestion(session, item.id), due=deadlines.current_due(item),
        late=deadlines.is_overdue(item), supports=support.count(session, item),
        council=support.signers(session, item),
        extensions=supervision.extensions(session, item.id),
        held_answer=held_answers.pending(session, item),
        agency_question=questions.agency_question(session, item),
        child_question=questions.open_question(session, item),
        preview=forms.pop("preview", ""), findings=forms.pop("findings", []),
        plain=plain_words.plain_version(forms["answer_form"].child_text.data or ""),
        **forms), status


@bp.route("/items/<int:suggestion_id>")
@agency_only
def item(suggestion_id: int):
    return _page(_mine(suggestion_id))


_act = suggestion_steps(find=_mine, page=_page, problems=PROBLEMS)


@bp.route("/items/<int:suggestion_id>/accept", methods=["POST"])
@agency_only
def accept(suggestion_id: int):
    return _act(suggestion_id, lambda s, x, who: lifecycle.accept(s, x, actor=who),
                _("已签收，答复期限从现在开始计算。"))


@bp.route("/items/<int:suggestion_id>/return", methods=["POST"])
@agency_only
def return_(suggestion_id: int):
    form = ReturnForm()
    return _act(suggestion_id, lambda s, x, who: lifecycle.return_(
        s, x, actor=who, category=form.category.data, text=form.text.data),
        _("已退单，妇儿工委办会重新派单。"), "return_form", form)


@bp.route("/items/<int:suggestion_id>/note", methods=["POST"])
@agency_only
def note(suggestion_id: int):
    form = NoteForm()
    return _act(suggestion_id, lambda s, x, who: lifecycle.add_note(
        s, x, actor=who, text=form.text.data), _("已记下。"), "note_form", form)


@bp.route("/items/<int:suggestion_id>/ask", methods=["POST"])
@agency_only
def ask(suggestion_id: int):
    """A question for the child goes to the facilitator first, never straight to the child."""
    form = AskChildForm()
    return _act(suggestion_id, lambda s, x, who: questions.agency_asks(
        s, x, actor=who, question=form.question.data or ""),
        _("问题已交给孩子的辅导员，由辅导员用孩子能懂的话转给孩子。孩子的回答会出现在下面的经过里。"),
        "ask_form", form)


@bp.route("/items/<int:suggestion_id>/answer", methods=["POST"])
@agency_only
def answer(suggestion_id: int):
    form = AnswerForm()
    if "use_plain" in request.form:
        form.child_text.data = plain_words.plain_version(form.child_text.data or "")
    words = (form.child_text.data or "").strip()
    findings = plain_words.check(words)
    if "preview" in request.form or "use_plain" in request.form:
        return _page(_mine(suggestion_id), answer_form=form, preview=words, findings=findings)
    if findings and not form.ask_office.data:
        # Warned before it reaches a child: what to change, and a plain version to start from.
        return _page(_mine(suggestion_id), 400, answer_form=form, preview=words,
                     findings=findings)
    # Official words the clerk wants to keep: the city office decides, not the clerk.
    send, done = (held_answers.hold, _("答复已交给妇儿工委办，看过以后才会发给孩子。")) \
        if findings else (lifecycle.answer, _("已答复，孩子会收到通知。"))

    def run(session, found, who):
        send(session, found, actor=who, child_text=form.child_text.data,
             due_weight=form.due_weight.data, formal_text=form.formal_text.data,
             reason=form.reason.data or "", next_step=form.next_step.data or "",
             next_date=_as_datetime(form.next_date.data))
        _store_upload(session, found, who, form.attachment.data)
    return _act(suggestion_id, run, done, "answer_form", form)


def _as_datetime(day):
    """A form date as a stored time, in the same form (aware or not) as every other time."""
    return datetime(day.year, day.month, day.day, tzinfo=utcnow().tzinfo) if day else None


def _store_upload(session, found, who, upload) -> None:
    if upload and getattr(upload, "filename", ""):
        attachments.attach(session, found, actor=who, filename=upload.filename,
                           data=upload.read())


@bp.route("/items/<int:suggestion_id>/attach", methods=["POST"])
@agency_only
def attach(suggestion_id: int):
    form = AttachForm()

    def run(session, found, who):
        if not (form.attachment.data and form.attachment.data.filename):
            raise Invalid(_("请选择一个文件。"))
        _store_upload(session, found, who, form.attachment.data)
    return _act(suggestion_id, run, _("附件已上传。"), "attach_form", form)


@bp.route("/items/<int:suggestion_id>/files/<int:attachment_id>")
@agency_only
def file(suggestion_id: int, attachment_id: int):
    return send_attachment(_mine(suggestion_id).id, attachment_id)
