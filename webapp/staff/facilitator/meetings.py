"""Running a meeting from the facilitator's screen: code on the wall, live votes, minutes."""

from __future__ import annotations

from flask import (
    Blueprint,
    abort,
    flash,
    jsonify,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _

from models.councils import meetings, minutes, votes
from models.people import consent
from models.people.tables import Group, Meeting, MeetingStatus
from models.privacy import scope
from models.refusals import Refusal
from webapp.actions import run_step
from webapp.db import get_session
from webapp.files import send_document
from webapp.forms.group import BehalfForm, MeetingForm, PollForm
from webapp.i18n import refused
from webapp.staff.shared import facilitator_only, me, owned_group

bp = Blueprint("meetings", __name__, url_prefix="/facilitator/groups/<int:group_id>/meetings")
PROBLEMS = (Refusal, minutes.ExportUnavailable)


def owned_meeting(group_id: int, meeting_id: int) -> tuple[Group, Meeting]:
    group = owned_group(group_id)
    return group, meetings.group_meeting(get_session(), group, meeting_id) or abort(404)


@bp.route("/new", methods=["GET", "POST"])
@facilitator_only
def new(group_id: int):
    group = owned_group(group_id)
    form = MeetingForm()
    if form.validate_on_submit():
        meeting = meetings.schedule(get_session(), group=group, title=form.title.data,
                                    topic=form.topic.data or "", agenda=form.agenda.data or "",
                                    scheduled_at=form.scheduled_at.data)
        flash(_("会议安排好了。"))
        return redirect(_meeting_url(group, meeting))
    return render_template("facilitator/meeting_form.html", form=form, group=group)


def _behalf_form(group: Group, form: BehalfForm | None = None) -> BehalfForm:
    form = form or BehalfForm(formdata=None)
    form.member_id.choices = [(m.id, m.nickname) for m in scope.group_members(get_session(), group)
                              if m.is_active]
    return form


def _show(group: Group, meeting: Meeting, behalf=None, poll_form=None, status: int = 200):
    session = get_session()
    return render_template(
        "facilitator/meeting.html", group=group, meeting=meeting,
        live=votes.live(session, meeting), polls=votes.polls(session, meeting),
        suggestions=[s for s in meetings.suggestions(session, meeting)
                     if not s.urgent and s.case_id is None],
        behalf=_behalf_form(group, behalf), poll_form=poll_form or PollForm(formdata=None),
        labels=meetings.MEETING_LABELS, projected=True), status


@bp.route("/<int:meeting_id>")
@facilitator_only
def show(group_id: int, meeting_id: int):
    return _show(*owned_meeting(group_id, meeting_id))


def _step(group_id: int, meeting_id: int, action, done: str):
    """action(session, meeting=...) once; a refusal shows the meeting page again with why."""
    group, meeting = owned_meeting(group_id, meeting_id)
    return run_step(lambda session: action(session, meeting=meeting), done=done, problems=PROBLEMS,
                    then=_meeting_url(group, meeting),
                    again=lambda status: _show(group, meeting, status=status))


def _meeting_url(group: Group, meeting: Meeting) -> str:
    return url_for(".show", group_id=group.id, meeting_id=meeting.id)


@bp.route("/<int:meeting_id>/open", methods=["POST"])
@facilitator_only
def open_(group_id: int, meeting_id: int):
    return _step(group_id, meeting_id, meetings.open_meeting,
                 _("会议开始了！请孩子们用会议码加入。"))


@bp.route("/<int:meeting_id>/close", methods=["POST"])
@facilitator_only
def close(group_id: int, meeting_id: int):
    if request.form.get("confirm") != "yes":
        flash(_("请先确认：真的要结束会议吗？"))
        return _show(*owned_meeting(group_id, meeting_id), status=400)
    return _step(group_id, meeting_id, meetings.close_meeting,
                 _("会议结束了，纪要草稿已经写好，请看一看、改一改。"))


@bp.route("/<int:meeting_id>/live.json")
@facilitator_only
def live(group_id: int, meeting_id: int):
    _group, meeting = owned_meeting(group_id, meeting_id)
    return jsonify(votes.live(get_session(), meeting))


@bp.route("/<int:meeting_id>/behalf", methods=["POST"])
@facilitator_only
def behalf(group_id: int, meeting_id: int):
    group, meeting = owned_meeting(group_id, meeting_id)
    form = _behalf_form(group, BehalfForm())
    if not form.validate_on_submit():
        return _show(group, meeting, behalf=form, status=400)
    session = get_session()
    child = scope.group_members(session, group)
    child = next((m for m in child if m.id == form.member_id.data), None) or abort(404)
    try:
        taken = meetings.raise_suggestion(session, meeting=meeting, text=form.text.data,
                                          member=child, entered_by=me())
    except meetings.MeetingProblem as problem:
        form.text.errors.append(refused(problem))
        return _show(group, meeting, behalf=form, status=400)
    # This screen is projected: words that opened or joined a case get a flash that says
    # nothing about them; the case reaches the facilitator's own pages instead.
    if taken.in_case:
        flash(_("已记下。"))
        return redirect(_meeting_url(group, meeting))
    flash(_("已替 %(name)s 记下建议（标明是辅导员代填）。", name=child.nickname))
    if consent.is_held(session, taken.suggestion):
        flash(_("TA 的监护人还没有同意，这条建议会先等着，记录同意后再送出。"))
    return redirect(_meeting_url(group, meeting))


@bp.route("/<int:meeting_id>/poll", methods=["POST"])
@facilitator_only
def start_poll(group_id: int, meeting_id: int):
    group, meeting = owned_meeting(group_id, meeting_id)
    form = PollForm()
    if form.validate_on_submit():
        try:
            votes.start(get_session(), meeting=meeting, question=form.question.data,
                        labels=(form.extra.data or "").splitlines(),
                        suggestion_ids=request.form.getlist("suggestion", type=int))
        except votes.VoteProblem as problem:
            form.question.errors.append(refused(problem))
        else:
            flash(_("投票开始了！"))
            return redirect(_meeting_url(group, meeting))
    return _show(group, meeting, poll_form=form, status=400)


@bp.route("/<int:meeting_id>/poll/close", methods=["POST"])
@facilitator_only
def close_poll(group_id: int, meeting_id: int):
    def run(session, *, meeting):
        poll = votes.current(session, meeting)
        if poll is None:
            raise votes.VoteProblem(_("现在没有正在进行的投票。"))
        votes.close(session, poll=poll)
    return _step(group_id, meeting_id, run, _("投票结束了。"))


@bp.route("/<int:meeting_id>/minutes", methods=["POST"])
@facilitator_only
def save_minutes(group_id: int, meeting_id: int):
    def run(session, *, meeting):
        meetings.save_minutes(session, meeting=meeting, text=request.form.get("minutes", ""))
    return _step(group_id, meeting_id, run, _("纪要已保存。"))


@bp.route("/<int:meeting_id>/minutes/regenerate", methods=["POST"])
@facilitator_only
def regenerate_minutes(group_id: int, meeting_id: int):
    return _step(group_id, meeting_id, meetings.regenerate_minutes,
                 _("已放弃修改，按会议记录重新生成了纪要草稿。"))


@bp.route("/<int:meeting_id>/minutes.<kind>")
@facilitator_only
def export(group_id: int, meeting_id: int, kind: str):
    _group, meeting = owned_meeting(group_id, meeting_id)
    if meeting.status != MeetingStatus.CLOSED or kind not in ("pdf", "docx"):
        abort(404)
    try:
        data = minutes.to_pdf(meeting) if kind == "pdf" else minutes.to_docx(meeting)
    except minutes.ExportUnavailable as problem:
        flash(refused(problem))
        return redirect(url_for(".show", group_id=group_id, meeting_id=meeting_id))
    return send_document(data, kind, f"minutes-{meeting.id}")
