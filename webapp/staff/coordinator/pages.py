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
from models.office import exports
from models.people.consent import ConsentMissing
from models.people.tables import Role
from models.privacy import scope
from models.suggestions import deadlines, lifecycle, supervision, timeline, triage
from models.suggestions.lifecycle import InvalidTransition, NotAllowed
from models.suggestions.routing import current_assignments
from models.suggestions.status import Status
from models.suggestions.tables import Suggestion
from webapp.access import staff_required
from webapp.actions import always_400, suggestion_steps
from webapp.db import get_session
from webapp.files import send_attachment
from webapp.forms.flow import DecideExtensionForm, DeclineForm, EscalateForm, NoteForm, RouteForm
from webapp.i18n import refused

bp = Blueprint("coordinator", __name__, url_prefix="/coordinator")
TABS = {"triage": _l("待分类"), "returned": _l("退单待改派"), "reopened": _l("重新打开"),
        "review": _l("待审核"), "overdue": _l("督办"), "all": _l("全部")}
PROBLEMS = (InvalidTransition, NotAllowed, ConsentMissing, ValueError)
coordinator_only = staff_required(Role.COORDINATOR)


def _plan() -> str:
    return current_user.account.plan_id


def _tab_query(tab: str):
    if tab == "overdue":
        return deadlines.overdue_items(scope.plan_suggestions(_plan()))
    if tab == "all":
        return scope.plan_suggestions(_plan()).order_by(
            Suggestion.urgent.desc(), Suggestion.created_at.desc(), Suggestion.id.desc())
    return triage.queue_query(tab, _plan())


def _counts(session) -> dict[str, int]:
    counts = triage.counts(session, _plan())
    for tab in ("overdue", "all"):
        counts[tab] = paging.count(session, _tab_query(tab))
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
        shown = supervision.board(session, scope.plan_suggestions(_plan()), wanted)
    else:
        shown = paging.page(session, _tab_query(tab), wanted, total=counts[tab])
    return render_template("coordinator/home.html", tab=tab, tabs=TABS, items=shown,
                           counts=counts, current_due=deadlines.current_due,
                           LEVELS=supervision.LEVELS,
                           domains=exports.domain_names(_plan()),
                           agencies=exports.agency_names(session, _plan()))


def _mine(suggestion_id: int) -> Suggestion:
    found = get_session().get(Suggestion, suggestion_id)
    if found is None or found.plan_id != _plan():
        abort(404)
    return found


def _page(found: Suggestion, status: int = 200, **forms):
    session = get_session()
    route_form = forms.get("route_form") or RouteForm(formdata=None, topic=found.topic or "")
    thread = timeline.staff_thread(session, found)
    return render_template(
        "coordinator/item.html", item=found, Status=Status,
        assignments=current_assignments(session, found),
        agency_names=exports.agency_names(session, found.plan_id),
        thread=thread, child_says=timeline.child_objection(found, [e for e, _ in thread]),
        answer=timeline.latest_answer(session, found),
        files=attachments.for_suggestion(session, found.id), due=deadlines.current_due(found),
        **_supervision(session, found, forms),
        route_form=route_form, decline_form=forms.get("decline_form") or DeclineForm(
            formdata=None), note_form=forms.get("note_form") or NoteForm(formdata=None)), status


def _supervision(session, found: Suggestion, forms: dict) -> dict:
    """What the 督办 box of an item page shows: level, steps, a pending 延期申请, forms."""
    return dict(
        level=supervision.level_of(session, found.id), LEVELS=supervision.LEVELS,
        steps=supervision.steps(session, found.id),
        days_late=supervision.days_overdue(found),
        no_calendar=deadlines.years_without_calendar(deadlines.current_due(found)),
        pending=supervision.pending_extension(session, found.id),
        escalate_form=forms.get("escalate_form") or EscalateForm(formdata=None),
        decide_form=forms.get("decide_form") or DecideExtensionForm(formdata=None))


@bp.route("/items/<int:suggestion_id>")
@coordinator_only
def item(suggestion_id: int):
    return _page(_mine(suggestion_id))


_act = suggestion_steps(find=_mine, page=_page, problems=PROBLEMS, status_of=always_400)


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
    except ValueError as problem:
        flash(refused(problem))
        return redirect(url_for(".home", tab="all"))
    name = f"tongsheng-{_plan()}.{kind}"
    if kind == "csv":
        return Response(_csv_body(_plan(), filters), mimetype="text/csv; charset=utf-8",
                        headers={"Content-Disposition": f"attachment; filename={name}"})
    return send_file(_xlsx_file(_plan(), filters), mimetype=exports.XLSX, as_attachment=True,
                     download_name=name)


def _own_session() -> Session:
    """An export reads through its own session: it outlives the request's and is emptied often."""
    return Session(current_app.extensions["engine"], expire_on_commit=False)


def _csv_body(plan_id: str, filters: exports.Filters):
    """Rows go out as they are read: the first bytes leave before the last row is fetched."""
    own = _own_session()

    def body():
        with own:
            yield from exports.csv_stream(exports.row_batches(own, plan_id, filters))
    return body()


def _xlsx_file(plan_id: str, filters: exports.Filters):
    """A workbook is a zip written at the end: built in a temporary file, then sent from disk."""
    handle = tempfile.TemporaryFile(suffix=".xlsx")
    with _own_session() as own:
        exports.write_xlsx(exports.row_batches(own, plan_id, filters), handle)
    handle.seek(0)
    return handle
