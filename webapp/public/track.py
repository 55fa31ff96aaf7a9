"""The child's view of a suggestion by its tracking code: what happened, the answer, a rating."""

from __future__ import annotations

from flask import Blueprint, abort, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlmodel import select

from models.files import attachments
from models.people import consent
from models.privacy import publication
from models.refusals import Refusal
from models.safety.safeguarding import case_for_thread
from models.suggestions import devices, lifecycle, questions, timeline
from models.suggestions.handling import rating_thread
from models.suggestions.lifecycle import (
    actor_for_code,
    actor_for_member,
)
from models.suggestions.status import Status
from models.suggestions.tables import Suggestion
from models.suggestions.tracking import read_code
from webapp.access import public
from webapp.actions import run_step
from webapp.db import get_session
from webapp.files import send_attachment
from webapp.forms.flow import ContestForm, RatingForm, ReplyForm, TrackForm
from webapp.owner import presented_hash
from webapp.ratelimit import limiter

bp = Blueprint("track", __name__, url_prefix="/track")
DUE_WEIGHT_CHILD = {"adopted": _l("他们采纳了你的建议"), "partly": _l("他们采纳了你的一部分建议"),
                    "not_adopted": _l("这次没能采纳"), "already_done": _l("他们已经在做这件事了")}
RATING_FACES = {"satisfied": "😊", "mostly": "🙂", "unsatisfied": "😟"}
LOOKUP_LIMIT = "60 per minute"
PROBLEMS = (Refusal,)


@bp.context_processor
def child_words() -> dict:
    return {"DUE_WEIGHT_CHILD": DUE_WEIGHT_CHILD, "RATING_FACES": RATING_FACES,
            "RATING_WORDS": timeline.RATING_WORDS}


def _find(code: str) -> Suggestion:
    code = read_code(code) or abort(404)
    found = get_session().exec(select(Suggestion).where(Suggestion.tracking_code == code)).first()
    return found or abort(404)


def _owner_signed_in(found: Suggestion) -> bool:
    return bool(current_user.is_authenticated and current_user.is_child
                and found.member_id == current_user.member.id)


def _owner_device(found: Suggestion) -> bool:
    """The device that wrote an anonymous suggestion carries its key (see ``owner.py``)."""
    return devices.device_owns(get_session(), found, presented_hash())


def _is_owner(found: Suggestion) -> bool:
    return _owner_signed_in(found) or _owner_device(found)


def _visible(code: str) -> Suggestion:
    """The code alone shows a public item; the author also sees their own before that."""
    found = _find(code)
    if not (_is_owner(found) or publication.is_public(get_session(), found)):
        abort(404)
    return found


def _owned(code: str) -> Suggestion:
    """Only the author acts on a suggestion: whoever else knows the code gets a 404."""
    found = _find(code)
    return found if _is_owner(found) else abort(404)


def _actor(found: Suggestion):
    """The signed-in author, or the device that wrote it (a child without an account)."""
    return actor_for_member(current_user.member) if _owner_signed_in(found) else \
        actor_for_code(found)


@bp.route("/", methods=["GET"])
@public
def lookup():
    form = TrackForm(request.args)
    if request.args and form.validate():
        code = read_code(form.code.data)
        if code:
            return redirect(url_for(".page", code=code))
        form.code.errors.append(_("这不像查询码。查询码是 TS 加 6 个字母或数字，比如 TS-A98ZC9。"))
    return render_template("track/lookup.html", form=form), 400 if request.args else 200


def _page(found: Suggestion, status: int = 200, **forms):
    session = get_session()
    merged_into = session.get(Suggestion, found.merged_into_id) if found.merged_into_id else None
    answer = timeline.latest_answer(session, found)
    return render_template(
        "track/page.html", s=found, steps=timeline.child_timeline(session, found),
        answer=answer, words=timeline.answer_words(answer) if answer else {},
        rating=timeline.latest_rating(session, found), merged_into=merged_into,
        files=attachments.for_suggestion(session, timeline.case_of(session, found).id)
        if answer else [],
        own_words=_is_owner(found), owner=_is_owner(found), Status=Status,
        held=consent.is_held(session, found),
        rating_form=forms.get("rating_form") or RatingForm(formdata=None),
        contest_form=forms.get("contest_form") or ContestForm(formdata=None),
        reply_form=forms.get("reply_form") or ReplyForm(formdata=None),
        question=questions.open_question(session, found) if _is_owner(found) else None,
        new=request.args.get("new") == "1",
        case=case_for_thread(session, rating_thread(session, found))), status


@bp.route("/<code>")
@public
@limiter.limit(LOOKUP_LIMIT)
def page(code: str):
    """A code typed loosely (``tsa98zc9``, ``A98ZC9``) is sent on to its canonical address."""
    canonical = read_code(code)
    if canonical and canonical != code:
        return redirect(url_for(".page", code=canonical), code=301)
    return _page(_visible(code))


def _act(code: str, form, form_name: str, run, done: str):
    """The child's rating or objection; bad input shows the page again with what they wrote."""
    found = _owned(code)
    return run_step(lambda session: run(session, found), done=done, form=form,
                    problems=PROBLEMS, then=url_for(".page", code=found.tracking_code),
                    again=lambda status: _page(found, status, **{form_name: form}))


@bp.route("/<code>/rate", methods=["POST"])
@public
@limiter.limit(LOOKUP_LIMIT)
def rate(code: str):
    form = RatingForm()
    return _act(code, form, "rating_form", lambda session, found: lifecycle.rate(
        session, found, actor=_actor(found), value=form.value.data,
        comment=form.comment.data or ""), _("谢谢你的评价！"))


@bp.route("/<code>/contest", methods=["POST"])
@public
@limiter.limit(LOOKUP_LIMIT)
def contest(code: str):
    form = ContestForm()
    return _act(code, form, "contest_form", lambda session, found: lifecycle.contest(
        session, found, actor=_actor(found), text=form.text.data),
        _("收到了！妇儿工委办会再看看。"))


@bp.route("/<code>/reply", methods=["POST"])
@public
@limiter.limit(LOOKUP_LIMIT)
def reply(code: str):
    """The child answers the facilitator's question; it goes back to the facilitator."""
    form = ReplyForm()
    return _act(code, form, "reply_form", lambda session, found: questions.answer(
        session, found, actor=_actor(found), text=form.text.data),
        _("谢谢你的回答！辅导员会接着看你的建议。"))


@bp.route("/<code>/files/<int:attachment_id>")
@public
@limiter.limit(LOOKUP_LIMIT)
def file(code: str, attachment_id: int):
    found = _visible(code)
    if timeline.latest_answer(get_session(), found) is None:
        abort(404)
    return send_attachment(timeline.case_of(get_session(), found).id, attachment_id)
