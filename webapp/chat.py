"""The children's assistant on the web: a chat page, a JSON turn, and a plain-form fallback.

A chat belongs to the device that started it (a random token in a cookie) or to the signed-in
child it is tied to; nobody else can read it, post to it, or see its photo or QR code.
"""

from __future__ import annotations

import secrets
from pathlib import Path

from flask import (
    Blueprint,
    abort,
    current_app,
    jsonify,
    redirect,
    render_template,
    request,
    send_file,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user
from flask_wtf.csrf import CSRFError

from models import case_talk, dialogue
from models import conversation as chats
from models.checklists import CHECKLISTS
from models.people import Group, GroupKind, Meeting, MeetingStatus
from models.photos import PhotoRejected, photo_path, store_photo
from models.plan import plan_ids

from .access import public
from .chat_render import qr_svg, ruby, track_url, with_ruby
from .db import get_session
from .forms import ChatPhotoForm, ChatTurnForm

bp = Blueprint("chat", __name__, url_prefix="/chat")
DEVICE_COOKIE = "ts_device"
bp.add_app_template_filter(ruby, "ruby")
bp.add_app_template_global(track_url, "track_url")


def observer_checklists() -> list:
    """The checklists a signed-in child of an observer group can start a chat from."""
    member = _member()
    group = get_session().get(Group, member.group_id) if member is not None else None
    return list(CHECKLISTS.values()) if group and group.kind == GroupKind.OBSERVER else []


bp.add_app_template_global(observer_checklists, "observer_checklists")


def device_token() -> str | None:
    return request.cookies.get(DEVICE_COOKIE)


def _member():
    return current_user.member if current_user.is_authenticated and current_user.is_child \
        else None


def _owned(conversation_id: str) -> chats.Conversation:
    """The conversation if this device or signed-in child owns it; 404 for anything else."""
    found = get_session().get(chats.Conversation, conversation_id)
    member = _member()
    if found is None or not found.belongs_to(device_token(), member.id if member else None):
        abort(404)
    return found


def _open(plan_id: str, *, group_id=None, meeting_id=None, checklist=None, fresh=False):
    """Resume this device's unfinished chat here (a case's chat too), or start one."""
    token = device_token() or secrets.token_urlsafe(32)
    member = _member()
    if member is not None:
        group_id = group_id or member.group_id
    session = get_session()
    found = None if fresh else chats.resumable(session, token=token, plan_id=plan_id,
                                               meeting_id=meeting_id, checklist=checklist)
    if found is None:
        found = chats.start(session, plan_id=plan_id, token=token, group_id=group_id,
                            meeting_id=meeting_id, member_id=member.id if member else None,
                            state=dialogue.new_state(plan_id, checklist=checklist))
    return on_this_device(found, token)


def on_this_device(found: chats.Conversation, token: str, status: int = 302):
    """Show the chat and remember this device (the cookie only the chat pages receive)."""
    response = redirect(url_for("chat.page", conversation_id=found.id), code=status)
    response.set_cookie(DEVICE_COOKIE, token, max_age=60 * 60 * 24 * 30, httponly=True,
                        samesite="Lax", path="/chat",
                        secure=current_app.config["SESSION_COOKIE_SECURE"])
    return response


def _plan_id() -> str:
    """A signed-in child's own plan, else the city named in the link, else the default."""
    member = _member()
    if member is not None:
        return get_session().get(Group, member.group_id).plan_id
    plan_id = request.args.get("plan") or current_app.config["DEFAULT_PLAN"]
    if plan_id not in plan_ids():
        abort(404)
    return plan_id


@bp.route("")
@public
def start():
    """The city's public link; a signed-in child chats for their own group and plan.

    ``?new=1`` starts a fresh conversation (after a safeguarding case, a new suggestion).
    """
    return _open(_plan_id(), fresh=request.args.get("new") == "1")


@bp.route("/checklist/<key>")
@public
def checklist(key: str):
    """An observer's checklist: the chat offers its items and puts its place first."""
    if key not in CHECKLISTS:
        abort(404)
    return _open(_plan_id(), checklist=key)


@bp.route("/meeting/<code>")
@public
def meeting(code: str):
    """A council meeting's link: what the child says is tied to the meeting and its group."""
    found = chats.meeting_by_code(get_session(), code)
    if found is None or found.status == MeetingStatus.CLOSED:
        abort(404)
    group = get_session().get(Group, found.group_id)
    return _open(group.plan_id, group_id=group.id, meeting_id=found.id)


@bp.route("/<conversation_id>")
@public
def page(conversation_id: str):
    found = _owned(conversation_id)
    case_talk.mark_seen(get_session(), found)
    return _render(found, ChatTurnForm(seq=found.state["seq"]))


def _render(found: chats.Conversation, form: ChatTurnForm, status: int = 200,
            photo_form: ChatPhotoForm | None = None):
    meeting = get_session().get(Meeting, found.meeting_id) if found.meeting_id else None
    return render_template("chat/chat.html", chat=found, state=found.state, form=form,
                           photo_form=photo_form or ChatPhotoForm(), meeting=meeting,
                           checklist=CHECKLISTS.get(found.state.get("checklist") or ""),
                           pinyin=request.args.get("pinyin") == "1"), status


@bp.route("/<conversation_id>/say", methods=["POST"])
@public
def say(conversation_id: str):
    """The plain-form fallback: one turn per POST, then the page again (works without JS)."""
    found = _owned(conversation_id)
    form = ChatTurnForm()
    if not form.validate_on_submit():
        return _render(found, form, 400)
    try:
        chats.take_turn(get_session(), found, form.text.data, form.seq.data, _photo_folder())
    except chats.StaleTurn:
        form.text.errors.append(_("页面过期了。你写的话还在，请再发一次。"))
        form.seq.data = found.state["seq"]
        return _render(found, form, 409)
    return redirect(url_for("chat.page", conversation_id=found.id, _anchor="end"))


@bp.route("/<conversation_id>/turn", methods=["POST"])
@public
def turn(conversation_id: str):
    """One turn as JSON for the script; CSRF comes in the X-CSRFToken header."""
    found = _owned(conversation_id)
    form = ChatTurnForm(formdata=None, data=_turn_payload(), meta={"csrf": False})
    if not form.validate():
        return jsonify(error=_first_error(form)), 400
    try:
        messages = chats.take_turn(get_session(), found, form.text.data, form.seq.data,
                                   _photo_folder())
    except chats.StaleTurn:
        return jsonify(error=_("页面过期了，正在刷新。你写的话还在。"), reload=True), 409
    return jsonify(messages=with_ruby(messages), seq=found.state["seq"],
                   step=found.state["step"])


def _turn_payload() -> dict:
    """The text and turn number of a JSON turn; anything malformed counts as missing."""
    payload = request.get_json(silent=True)
    payload = payload if isinstance(payload, dict) else {}
    text, seq = payload.get("text"), payload.get("seq")
    return {"text": text if isinstance(text, str) else "",
            "seq": seq if isinstance(seq, int) and not isinstance(seq, bool) else None}


def _first_error(form) -> str:
    return next(iter(e for errors in form.errors.values() for e in errors))


@bp.route("/<conversation_id>/photo", methods=["POST"])
@public
def photo(conversation_id: str):
    """Attach one photo: checked, re-encoded without location, stored under a random name."""
    found = _owned(conversation_id)
    form = ChatPhotoForm()
    if form.validate_on_submit():
        try:
            name = store_photo(form.photo.data.read(), _photo_folder())
        except PhotoRejected as rejected:
            form.photo.errors.append(str(rejected))
        else:
            chats.attach_photo(get_session(), found, name, _photo_folder())
            return redirect(url_for("chat.page", conversation_id=found.id, _anchor="end"))
    return _render(found, ChatTurnForm(seq=found.state["seq"]), 400, photo_form=form)


def _mentioned(found: chats.Conversation, key: str, value: str) -> str:
    """Only what this chat itself showed (its photos, its codes) can be fetched through it."""
    if not any(m.get(key) == value for m in found.state.get("log", [])):
        abort(404)
    return value


@bp.route("/<conversation_id>/photo/<name>")
@public
def photo_file(conversation_id: str, name: str):
    name = _mentioned(_owned(conversation_id), "photo", name)
    try:
        return send_file(photo_path(_photo_folder(), name), mimetype="image/jpeg")
    except FileNotFoundError:
        abort(404)


@bp.route("/<conversation_id>/qr/<code>.svg")
@public
def qr(conversation_id: str, code: str):
    """The tracking page's address as a QR code, to photograph or print."""
    code = _mentioned(_owned(conversation_id), "code", code)
    svg = qr_svg(url_for("public.home", _external=True).rstrip("/") + track_url(code))
    return current_app.response_class(svg, mimetype="image/svg+xml")


@bp.errorhandler(CSRFError)
def csrf_failed(_error):
    if request.is_json:
        return jsonify(error=_("页面过期了，请刷新后再发一次。你写的话还在。"), reload=True), 400
    return render_template("errors/error.html", code=400, title=_("请求有问题"),
                           message=_("页面过期了，请刷新后再试一次。")), 400


def _photo_folder() -> Path:
    return Path(current_app.config.get("PHOTO_FOLDER") or Path(current_app.instance_path)
                / "photos")
