"""The children's side of a group: join a meeting with its code, speak, vote and say 我也这么想."""

from __future__ import annotations

from flask import Blueprint, abort, flash, jsonify, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, logout_user
from sqlmodel import select

from models.councils import meetings, support, votes
from models.people import consent, groups
from models.people.tables import Group, GroupKind, Meeting, MeetingStatus
from models.refusals import Refusal
from models.safety import case_talk, safeguarding
from models.suggestions import premoderation
from models.suggestions.status import OPEN
from models.suggestions.tables import Suggestion
from webapp.access import child_required
from webapp.db import get_session
from webapp.forms.group import ChildLeaveForm
from webapp.i18n import refused

bp = Blueprint("group", __name__, url_prefix="/group")


def child():
    return current_user.member


def my_meeting(meeting_id: int) -> Meeting:
    """A meeting of the child's own group only."""
    return meetings.group_meeting(get_session(), _my_group(), meeting_id) or abort(404)


def _my_group() -> Group:
    return get_session().get(Group, child().group_id)


def _group_suggestions() -> list[Suggestion]:
    """What the group may see of each other's ideas: open, never urgent, adult-safe text,
    and someone else's only once a facilitator has approved it (pre-moderation)."""
    query = (select(Suggestion)
             .where(Suggestion.group_id == child().group_id, Suggestion.urgent.is_(False),
                    Suggestion.case_id.is_(None),
                    Suggestion.status.in_(OPEN), premoderation.visible_to(child().id))
             .order_by(Suggestion.created_at.desc()).limit(100))
    return list(get_session().exec(query))


@bp.route("/")
@child_required
def home(leave_form=None, status: int = 200):
    session = get_session()
    items = _group_suggestions()
    coming = meetings.upcoming(session, [_my_group()])
    open_now = [m for m in coming if m.status == MeetingStatus.OPEN]
    planned = [m for m in coming if m.status == MeetingStatus.PLANNED]
    return render_template("group/home.html", group=_my_group(), items=items,
                           counts=support.counts(session, [i.id for i in items]),
                           mine=support.supported_ids(session, child()), open_now=open_now,
                           planned=planned,
                           council=support.council_ids(session, [i.id for i in items]),
                           named=support.name_choices(session, child()),
                           code=request.args.get("code", ""), observer=GroupKind.OBSERVER,
                           leave_form=leave_form or ChildLeaveForm(formdata=None)), status


@bp.route("/leave", methods=["POST"])
@child_required
def leave():
    """The child leaves the group themselves, choosing what happens to unsent suggestions."""
    form = ChildLeaveForm()
    if not form.validate_on_submit():
        return home(leave_form=form, status=400)
    groups.remove_member(get_session(), member=child(), leaving=groups.Leaving(form.leaving.data))
    logout_user()
    flash(_("你已经离开小组了。谢谢你说出的每一个想法！想回来的时候，请找辅导员。"))
    return redirect(url_for("public.home"))


@bp.route("/join", methods=["POST"])
@child_required
def join():
    session = get_session()
    code = request.form.get("code", "").strip()
    meeting = meetings.open_by_code(session, code)
    try:
        if meeting is None:
            raise meetings.MeetingProblem(_("没有找到正在开的会议，看看大屏幕上的会议码对不对。"))
        meetings.join(session, meeting=meeting, member=child())
    except meetings.MeetingProblem as problem:
        flash(refused(problem))
        return redirect(url_for(".home", code=code))
    return redirect(url_for(".room", meeting_id=meeting.id))


def _poll_view(meeting: Meeting) -> dict:
    """The vote as this child sees it; `state` changes whenever the panel must be redrawn."""
    session = get_session()
    poll = votes.current(session, meeting)
    voted = votes.my_vote(session, poll, child()) if poll else None
    results = _results_to_show(meeting, poll, voted)
    latest = poll or (votes.polls(session, meeting) or [None])[-1]
    # The same shape as meeting.js computes from live.json: a new or closed poll redraws.
    state = f"{latest.id}:{str(latest.is_open).lower()}" if latest else ""
    return {"meeting": meeting, "poll": poll, "voted": voted, "results": results,
            "options": votes.options(session, poll) if poll else [], "state": state}


def _room(meeting: Meeting, text: str = "", status: int = 200):
    session = get_session()
    mine = [s for s in meetings.suggestions(session, meeting)
            if s.member_id == child().id and s.case_id is None]
    case = safeguarding.case_for_thread(session, meetings.thread(meeting, child()))
    talk = case_talk.conversation_of(session, case) if case else None
    return render_template("group/room.html", **_poll_view(meeting), mine=mine,
                           text=text, case=case,
                           chat_url=url_for("chat.page", conversation_id=talk.id)
                           if talk else None), status


def _results_to_show(meeting: Meeting, poll, voted):
    """A child sees the count once they have voted, or when the vote is over — not before."""
    session = get_session()
    if poll is not None and voted is None:
        return None
    shown = poll or (votes.polls(session, meeting) or [None])[-1]
    if shown is None:
        return None
    tallies = votes.results(session, shown)
    return {"poll": shown, "tallies": tallies, "total": sum(t.votes for t in tallies)}


@bp.route("/meeting/<int:meeting_id>")
@child_required
def room(meeting_id: int):
    meeting = my_meeting(meeting_id)
    if meeting.status == MeetingStatus.OPEN and meetings.attendance(
            get_session(), meeting, child()) is None:
        return redirect(url_for(".home"))
    return _room(meeting)


@bp.route("/meeting/<int:meeting_id>/poll-panel")
@child_required
def poll_panel(meeting_id: int):
    """Only the vote part of the room, for the page to swap in without a reload."""
    return render_template("group/_poll.html", **_poll_view(my_meeting(meeting_id)))


@bp.route("/meeting/<int:meeting_id>/enter", methods=["POST"])
@child_required
def enter(meeting_id: int):
    """A signed-in member joins their own group's open meeting with one tap, no code."""
    meeting = my_meeting(meeting_id)
    try:
        meetings.join(get_session(), meeting=meeting, member=child())
    except meetings.MeetingProblem as problem:
        flash(refused(problem))
        return redirect(url_for(".home"))
    return redirect(url_for(".room", meeting_id=meeting.id))


@bp.route("/meeting/<int:meeting_id>/suggest", methods=["POST"])
@child_required
def suggest(meeting_id: int):
    meeting = my_meeting(meeting_id)
    text = request.form.get("text", "")
    session = get_session()
    try:
        taken = meetings.raise_suggestion(session, meeting=meeting, text=text, member=child(),
                                          idempotency_key=request.form.get("key") or None)
    except Refusal as problem:
        flash(refused(problem))
        return _room(meeting, text=text, status=400)
    if taken.in_case:
        # Help on this phone at once; the child can go on here or in the case's chat.
        case_talk.ensure_conversation(session, taken.case, member_id=child().id,
                                      meeting_id=meeting.id)
        flash(_("我听到了，谢谢你告诉我。"))
        return redirect(url_for(".room", meeting_id=meeting.id))
    made = taken.suggestion
    flash(_("收到啦！你的建议编号是 %(code)s。", code=made.tracking_code))
    if consent.is_held(session, made):
        flash(_("要等爸爸妈妈（监护人）同意以后，它才会送到负责的部门。"))
    return redirect(url_for(".room", meeting_id=meeting.id))


@bp.route("/meeting/<int:meeting_id>/vote", methods=["POST"])
@child_required
def vote(meeting_id: int):
    session = get_session()
    meeting = my_meeting(meeting_id)
    poll = votes.current(session, meeting)
    try:
        if poll is None:
            raise votes.VoteProblem(_("投票已经结束了。"))
        votes.cast(session, poll=poll, option_id=request.form.get("option", 0, type=int),
                   member=child())
    except votes.VoteProblem as problem:
        flash(refused(problem))
        return _room(meeting, status=400)
    flash(_("投好了，谢谢你！"))
    return redirect(url_for(".room", meeting_id=meeting.id))


@bp.route("/meeting/<int:meeting_id>/live.json")
@child_required
def live(meeting_id: int):
    meeting = my_meeting(meeting_id)
    data = votes.live(get_session(), meeting)
    data.pop("suggestions", None)
    return jsonify(data)


def _my_groups_suggestion(suggestion_id: int) -> Suggestion:
    found = get_session().get(Suggestion, suggestion_id)
    if found is None or found.group_id != child().group_id or found.urgent \
            or found.case_id is not None:
        abort(404)
    if not premoderation.may_see(get_session(), found, child().id):
        abort(404)
    return found


@bp.route("/suggestions/<int:suggestion_id>/support", methods=["POST"])
@child_required
def give_support(suggestion_id: int):
    suggestion = _my_groups_suggestion(suggestion_id)
    try:
        total = support.give(get_session(), suggestion=suggestion, member=child())
    except support.SupportProblem as problem:
        flash(refused(problem))
    else:
        flash(_("你也这么想！现在有 %(n)d 位小朋友支持。", n=total))
    return redirect(url_for(".home"))


@bp.route("/suggestions/<int:suggestion_id>/name", methods=["POST"])
@child_required
def choose_name(suggestion_id: int):
    suggestion = _my_groups_suggestion(suggestion_id)
    support.choose_name(get_session(), suggestion=suggestion, member=child(),
                        show=request.form.get("show") == "yes")
    flash(_("好的，按你的意思来。"))
    return redirect(url_for(".home"))
