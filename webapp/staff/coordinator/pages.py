"""The coordinating office (妇儿工委办): triage, re-routing after 退单, 督办, exports."""

from __future__ import annotations

import tempfile

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    send_file,
    url_for,
)
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlmodel import Session

from models import paging
from models.files import attachments
from models.notices.notifications import unreachable_leads
from models.office import exports
from models.people import consent
from models.privacy import scope
from models.refusals import Refusal
from models.safety import held
from models.settings import settings_of
from models.suggestions import (
    deadlines,
    dispatching,
    follow_up,
    held_answers,
    lifecycle,
    moderation,
    plain_words,
    questions,
    supervision,
    timeline,
    triage,
)
from models.suggestions.permissions import actor_for_account, available_actions
from models.suggestions.routing import current_assignments
from models.suggestions.status import Status
from models.suggestions.tables import Suggestion
from webapp.actions import suggestion_steps
from webapp.db import get_session
from webapp.files import send_attachment
from webapp.forms.dispatching import (
    ChooseAgenciesForm,
    FollowUpForm,
    LocalOfficeForm,
    ReviewReturnForm,
)
from webapp.forms.flow import (
    AgencyTextForm,
    DecideExtensionForm,
    DeclineForm,
    EscalateForm,
    NoteForm,
    ReleaseAnswerForm,
    RouteForm,
)
from webapp.forms.group import ConsentForm
from webapp.i18n import refused
from webapp.staff.coordinator import export_jobs
from webapp.staff.shared import coordinator_item, coordinator_only

bp = Blueprint("coordinator", __name__, url_prefix="/coordinator")
TABS = {"triage": _l("待分类"), "returned": _l("退单待改派"), "reopened": _l("重新打开"),
        "review": _l("待审核"), "overdue": _l("督办"), "all": _l("全部")}
PROBLEMS = (Refusal,)


def _plan() -> str:
    return current_user.account.plan_id


def _city(session):
    """The city's suggestions this coordinator may read (held disclosures only for the lead)."""
    return scope.plan_suggestions(session, current_user.account)


def _tab_query(session, tab: str):
    if tab == "overdue":
        return deadlines.overdue_items(_city(session))
    if tab == "all":
        return _city(session).order_by(
            Suggestion.urgent.desc(), Suggestion.created_at.desc(), Suggestion.id.desc())
    return triage.queue_query(session, tab, current_user.account)


def _counts(session) -> dict[str, int]:
    counts = triage.counts(session, current_user.account)
    for tab in ("overdue", "all"):
        counts[tab] = paging.count(session, _tab_query(session, tab))
    return counts


@bp.route("/")
@coordinator_only
def home():
    tab = request.args.get("tab", "triage")
    tab = tab if tab in TABS else "triage"
    session = get_session()
    counts = _counts(session)
    wanted = paging.PageRequest.from_args(request.args)
    if tab == "overdue":
        shown = supervision.board(session, _city(session), wanted)
    else:
        shown = paging.page(session, _tab_query(session, tab), wanted, total=counts[tab])
    return render_template("coordinator/home.html", tab=tab, tabs=TABS, items=shown,
                           counts=counts, held_count=held.held_from(session, current_user.account),
                           held_answers=held_answers.waiting(session, _plan()),
                           current_due=deadlines.current_due,
                           LEVELS=supervision.LEVELS,
                           domains=exports.domain_names(_plan()),
                           agencies=exports.agency_names(session, _plan()))


_mine = coordinator_item


def _page(found: Suggestion, status: int = 200, **forms):
    session = get_session()
    route_form = forms.get("route_form") or RouteForm(formdata=None, topic=found.topic or "")
    thread = timeline.staff_thread(session, found)
    return render_template(
        "coordinator/item.html", item=found, Status=Status,
        actions=available_actions(session, actor_for_account(current_user.account), found),
        assignments=current_assignments(session, found),
        agency_names=exports.agency_names(session, found.plan_id),
        thread=thread, child_says=timeline.child_objection(found, [e for e, _ in thread]),
        answer=timeline.latest_answer(session, found),
        files=attachments.for_suggestion(session, found.id), due=deadlines.current_due(found),
        **_supervision(session, found, forms), **_dispatching(session, found, forms),
        held=consent.is_held(session, found),
        held_answer=held_answers.pending(session, found),
        # A child of no group has no facilitator: the city office passes the question on.
        agency_question=questions.agency_question(session, found)
        if found.group_id is None else None,
        plain_findings=_plain_findings(session, found),
        release_form=forms.get("release_form") or ReleaseAnswerForm(formdata=None),
        guardian_form=forms.get("guardian_form") or ConsentForm(formdata=None),
        route_form=route_form, decline_form=forms.get("decline_form") or DeclineForm(
            formdata=None), note_form=forms.get("note_form") or NoteForm(formdata=None),
        agency_text_form=forms.get("agency_text_form") or AgencyTextForm(
            formdata=None, text=found.agency_text)), status


def _supervision(session, found: Suggestion, forms: dict) -> dict:
    """What the 督办 box of an item page shows: level, steps, a pending 延期申请, forms."""
    return dict(
        level=supervision.level_of(session, found.id), LEVELS=supervision.LEVELS,
        steps=supervision.steps(session, found.id),
        days_late=supervision.days_overdue(found, holidays=settings_of(session).holidays),
        no_calendar=deadlines.years_without_calendar(deadlines.current_due(found)),
        pending=supervision.pending_extension(session, found.id),
        escalate_form=forms.get("escalate_form") or EscalateForm(formdata=None),
        decide_form=forms.get("decide_form") or DecideExtensionForm(formdata=None))


def agency_choices(plan_id: str) -> dict[int, str]:
    """The city's agencies by name, for the 派单 lists."""
    names = exports.agency_names(get_session(), plan_id)
    return dict(sorted(names.items(), key=lambda pair: pair[1]))


def _dispatching(session, found: Suggestion, forms: dict) -> dict:
    """What the 派单 box shows: who chose the agencies, the 退单 and their reviews, forms."""
    current = current_assignments(session, found)
    agencies_form = forms.get("agencies_form") or ChooseAgenciesForm(
        formdata=None, leads=[a.agency_id for a in current if a.role == "lead"],
        partners=[a.agency_id for a in current if a.role == "partner"])
    return dict(
        unreachable=unreachable_leads(session, found),
        chosen_by=dispatching.chosen_by(session, found), reviews=dispatching.reviews(
            session, found.id), CHOOSABLE=dispatching.CHOOSABLE,
        agencies_form=agencies_form.offer(agency_choices(found.plan_id)),
        local_form=forms.get("local_form") or LocalOfficeForm(formdata=None),
        review_form=forms.get("review_form") or ReviewReturnForm(formdata=None),
        follow_form=forms.get("follow_form") or FollowUpForm(formdata=None),
        closable_from=follow_up.closable_from(session, found))


@bp.route("/items/<int:suggestion_id>")
@coordinator_only
def item(suggestion_id: int):
    return _page(_mine(suggestion_id))


_act = suggestion_steps(find=_mine, page=_page, problems=PROBLEMS)


@bp.route("/items/<int:suggestion_id>/route", methods=["POST"])
@coordinator_only
def route(suggestion_id: int):
    """Pick the topic for a triage item, or re-route after a 退单 or a reopening."""
    form = RouteForm()

    def run(session, found, who):
        if found.status in (Status.RETURNED, Status.IN_REVIEW) and not found.abstained \
                and found.topic:
            lifecycle.reroute(session, found, actor=who, topic=form.topic.data,
                              note=form.note.data or "")
        else:
            triage.pick_topic(session, found, actor=who, topic=form.topic.data)
    return _act(suggestion_id, run, _("已派单。"), "route_form", form)


@bp.route("/items/<int:suggestion_id>/approve", methods=["POST"])
@coordinator_only
def approve(suggestion_id: int):
    return _act(suggestion_id, lambda s, x, who: lifecycle.approve(s, x, actor=who),
                _("已通过。"))


def _plain_findings(session, found: Suggestion) -> list:
    waiting = held_answers.pending(session, found)
    return plain_words.check(waiting.child_text) if waiting else []


@bp.route("/items/<int:suggestion_id>/release", methods=["POST"])
@coordinator_only
def release(suggestion_id: int):
    """A held answer goes to the child: rewritten in plain words, or as written with a reason."""
    form = ReleaseAnswerForm()
    if not form.validate_on_submit():
        return _page(_mine(suggestion_id), 400, release_form=form)
    return _act(suggestion_id, lambda s, x, who: held_answers.release(
        s, x, actor=who, reason=form.reason.data or "", rewrite=form.rewrite.data or ""),
        _("答复已经发给孩子。"), "release_form", form)


@bp.route("/items/<int:suggestion_id>/relay", methods=["POST"])
@coordinator_only
def relay(suggestion_id: int):
    return _act(suggestion_id, lambda s, x, who: questions.relay(
        s, x, actor=who, question=request.form.get("question", "")),
        _("问题已经转给孩子，孩子的回答会记在经过里，部门也能看到。"))


@bp.route("/items/<int:suggestion_id>/keep-back", methods=["POST"])
@coordinator_only
def keep_back(suggestion_id: int):
    return _act(suggestion_id, lambda s, x, who: questions.keep_back(
        s, x, actor=who, reason=request.form.get("reason", "")),
        _("没有转给孩子，部门会看到你写的原因。"))


@bp.route("/items/<int:suggestion_id>/guardian", methods=["POST"])
@coordinator_only
def guardian_ok(suggestion_id: int):
    """A child without an account: their guardian said yes to the office; the hold lifts."""
    form = ConsentForm()
    if not form.validate_on_submit():
        return _page(_mine(suggestion_id), 400, guardian_form=form)
    return _act(suggestion_id, lambda s, x, who: moderation.note_guardian_ok(
        s, suggestion=x, account=current_user.account, given_by=form.given_by.data,
        method=form.method.data), _("已记下监护人同意。"), "guardian_form", form)


@bp.route("/items/<int:suggestion_id>/decline", methods=["POST"])
@coordinator_only
def decline(suggestion_id: int):
    form = DeclineForm()
    return _act(suggestion_id, lambda s, x, who: lifecycle.decline(
        s, x, actor=who, reason=form.reason.data), _("已告诉孩子原因。"), "decline_form", form)


@bp.route("/items/<int:suggestion_id>/note", methods=["POST"])
@coordinator_only
def note(suggestion_id: int):
    form = NoteForm()
    return _act(suggestion_id, lambda s, x, who: lifecycle.add_note(
        s, x, actor=who, text=form.text.data), _("已留言。"), "note_form", form)


@bp.route("/items/<int:suggestion_id>/agency-text", methods=["POST"])
@coordinator_only
def agency_text(suggestion_id: int):
    """Reword what the agencies read, at any stage; personal details are masked on saving."""
    form = AgencyTextForm()

    def done(masked: list[str]) -> str:
        if masked:
            return _("已改好。里面有 %(n)s 处个人信息，已经隐去，部门看不到。", n=len(masked))
        return _("已改好，部门看到的是新的说法；孩子的原话还保留着。")
    return _act(suggestion_id, lambda s, x, who: moderation.rewrite_for_agencies(
        s, suggestion=x, text=form.text.data, account=current_user.account),
        done, "agency_text_form", form)


@bp.route("/items/<int:suggestion_id>/files/<int:attachment_id>")
@coordinator_only
def file(suggestion_id: int, attachment_id: int):
    return send_attachment(_mine(suggestion_id).id, attachment_id)


@bp.route("/export.<kind>")
@coordinator_only
def export(kind: str):
    """CSV or Excel of the city's suggestions with their status history, filtered, any size."""
    if kind not in ("csv", "xlsx"):
        abort(404)
    try:
        filters = exports.Filters.from_args(request.args).check(get_session(), _plan())
    except Refusal as problem:
        flash(refused(problem))
        return redirect(url_for(".home", tab="all"))
    name = f"tongsheng-{_plan()}.{kind}"
    if kind == "csv":
        return Response(_csv_body(_plan(), filters), mimetype="text/csv; charset=utf-8",
                        headers={"Content-Disposition": f"attachment; filename={name}"})
    rows = exports.count(get_session(), _plan(), filters,
                         held.readable_condition(get_session(), current_user.account))
    if rows > current_app.config["EXPORT_XLSX_AT_ONCE"]:
        # A workbook is sent only once it is whole: a big one would outlast the web
        # server's request time (60 s), so it is made in the background instead.
        flash(_("这份 Excel 有 %(n)d 条建议，要做好几分钟，已经放到后台生成："
                "做好了就在这一页下载。", n=rows))
        return export_jobs.begin("xlsx", request.args)
    return send_file(_xlsx_file(_plan(), filters), mimetype=exports.XLSX, as_attachment=True,
                     download_name=name)


def _own_session() -> Session:
    """An export reads through its own session: it outlives the request's and is emptied often."""
    return Session(current_app.extensions["engine"], expire_on_commit=False)


def _csv_body(plan_id: str, filters: exports.Filters):
    """Rows go out as they are read: the first bytes leave before the last row is fetched."""
    own = _own_session()
    reader = held.readable_condition(get_session(), current_user.account)

    def body():
        with own:
            yield from exports.csv_stream(exports.row_batches(own, plan_id, filters, reader))
    return body()


def _xlsx_file(plan_id: str, filters: exports.Filters):
    """A workbook is a zip written at the end: built in a temporary file, then sent from disk."""
    handle = tempfile.TemporaryFile(suffix=".xlsx")
    with _own_session() as own:
        reader = held.readable_condition(get_session(), current_user.account)
        exports.write_xlsx(exports.row_batches(own, plan_id, filters, reader), handle)
    handle.seek(0)
    return handle
