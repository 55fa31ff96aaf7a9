"""The children's assistant on the web: a chat page, a JSON turn, and a plain-form fallback.

A chat belongs to the device that started it (a random token in a cookie) or to the signed-in
child it is tied to; nobody else can read it, post to it, or see its photo or QR code.
"""

from __future__ import annotations

import secrets

from flask import (
    Blueprint,
    abort,
    after_this_request,
    current_app,
    jsonify,
    make_response,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError

from models.assistant import conversation as chats
from models.assistant import dialogue
from models.councils.checklists import CHECKLISTS
from models.files.photos import PhotoRejected, store_photo
from models.people.tables import Group, Meeting
from models.places.places import city_place
from models.safety import case_talk
from models.suggestions import devices
from webapp import owner
from webapp.access import public
from webapp.db import get_session
from webapp.files import send_photo
from webapp.forms.common import ChatPhotoForm, ChatPlaceForm, ChatTurnForm
from webapp.public.chat_render import localised, qr_svg, ruby, track_url, with_ruby
from webapp.public.child_city import city_of_request, signed_in_child
from webapp.ratelimit import configured, limiter

bp = Blueprint("chat", __name__, url_prefix="/chat")
DEVICE_COOKIE = "ts_device"
bp.add_app_template_filter(ruby, "ruby")
bp.add_app_template_filter(localised, "localised")
bp.add_app_template_global(track_url, "track_url")


def _token() -> str | None:
    return request.cookies.get(DEVICE_COOKIE)




def _member_id() -> int | None:
    member = signed_in_child()
    return member.id if member is not None else None


def _chatter() -> str:
    """Who is chatting: the signed-in child, else this device."""
    member_id = _member_id()
    return f"member|{member_id}" if member_id else f"device|{_token()}"


def _too_fast(_limit):
    """The script gets a JSON answer it can show; the plain form gets the usual page."""
    if request.is_json:
        words = _("你说得太快啦，休息一分钟再说吧。你写的话还在。")
        return make_response(jsonify(error=words), 429)
    return None


def _first_word() -> bool:
    """No child and no device yet: only the address counts (a class starts chats together)."""
    return _member_id() is None and _token() is None


per_chatter = limiter.shared_limit(configured("CHAT_LIMIT"), scope="chat", key_func=_chatter,
                                   exempt_when=_first_word, on_breach=_too_fast)
per_address = limiter.shared_limit(configured("CHAT_ADDRESS_LIMIT"), scope="chat_address",
                                   on_breach=_too_fast)


def limited(view):
    """Turns and photos: per child or device, and loosely per address (a class shares one)."""
    return per_chatter(per_address(view))


def _owned(conversation_id: str) -> chats.Conversation:
    """The conversation if it is this signed-in child's, or this anonymous device's; else 404."""
    found = get_session().get(chats.Conversation, conversation_id)
    if found is None or not found.belongs_to(_token(), _member_id()):
        abort(404)
    return found


def forget_device(response):
    """At sign-in and sign-out the device's chat token goes: no chat passes to the next person."""
    response.delete_cookie(DEVICE_COOKIE, path="/chat", httponly=True, samesite="Lax",
                           secure=current_app.config["SESSION_COOKIE_SECURE"])
    return response


def _remember_device(token: str):
    def remember(response):
        response.set_cookie(DEVICE_COOKIE, token, max_age=60 * 60 * 24 * 30, httponly=True,
                            samesite="Lax", path="/chat",
                            secure=current_app.config["SESSION_COOKIE_SECURE"])
        return response
    return remember


def device_token() -> str | None:
    """This device's chat token, if it has one (the cookie only the chat pages receive)."""
    return _token()


def on_this_device(found: chats.Conversation, token: str, status: int = 302):
    """Show this chat and remember the device it now belongs to (a safeguarding case's chat)."""
    response = redirect(url_for("chat.page", conversation_id=found.id), code=status)
    return _remember_device(token)(response)


def _owner_key() -> str | None:
    """An anonymous device's key for what it submits; a signed-in child owns by account."""
    return None if signed_in_child() is not None else owner.key_hash(adopt=_token())


def _context() -> dict:
    """Where a new chat starts, from the link's arguments: a meeting, a checklist, a city."""
    if request.args.get("meeting"):
        return _meeting_context(request.args["meeting"])
    checklist = request.args.get("checklist") or None
    if checklist is not None and checklist not in CHECKLISTS:
        abort(404)
    plan_id = city_of_request()
    member = signed_in_child()
    args = {"plan": plan_id, **({"checklist": checklist} if checklist else {})}
    return {"plan_id": plan_id, "group_id": member.group_id if member else None,
            "meeting_id": None, "checklist": checklist, "args": args}


def _meeting_context(code: str) -> dict:
    """A council meeting's chat: tied to the meeting and its group; a closed one takes none."""
    found = chats.meeting_by_code(get_session(), code)
    if found is None:
        abort(404)
    group = get_session().get(Group, found.group_id)
    return {"plan_id": group.plan_id, "group_id": group.id, "meeting_id": found.id,
            "checklist": None, "args": {"meeting": found.join_code}}


def _open(context: dict, *, fresh: bool = False):
    """Resume this child's (or device's) unfinished chat here (a safeguarding case's chat
    too); else a new one, not yet stored. ``fresh``: always a new one.

    Nothing is written until the first message: opening the page a thousand times adds no row.
    """
    found = None if fresh else chats.resumable(
        get_session(), token=_token(), member_id=_member_id(), plan_id=context["plan_id"],
        meeting_id=context["meeting_id"], checklist=context["checklist"])
    if found is not None:
        return redirect(url_for("chat.page", conversation_id=found.id))
    if signed_in_child() is None:
        owner.adopt(_token())
    return _render(_unsaved(context), ChatTurnForm(seq=0), args=context["args"])


def _unsaved(context: dict) -> chats.Conversation:
    state = dialogue.new_state(context["plan_id"], checklist=context["checklist"])
    state["ask_age"] = signed_in_child() is None  # no account, no consent record: ask the age band
    return chats.Conversation(plan_id=context["plan_id"], group_id=context["group_id"],
                              meeting_id=context["meeting_id"], member_id=_member_id(),
                              device_hash="", state=state)


def _create(context: dict) -> chats.Conversation:
    """The first message: now the chat is stored, tied to this child or this device."""
    token = _token() or secrets.token_urlsafe(32)
    if _token() is None:
        after_this_request(_remember_device(token))
    conversation = _unsaved(context)
    return chats.start(get_session(), plan_id=conversation.plan_id, token=token,
                       group_id=conversation.group_id, meeting_id=conversation.meeting_id,
                       member_id=conversation.member_id, state=conversation.state)




@bp.route("")
@public
def start():
    """The city's public link; a signed-in child chats for their own group and plan.

    ``?new=1`` starts a fresh conversation (after a safeguarding case, a new suggestion).
    """
    return _open(_context(), fresh=request.args.get("new") == "1")


@bp.route("/checklist/<key>")
@public
def checklist(key: str):
    """An observer's checklist: the chat offers its items and puts its place first."""
    if key not in CHECKLISTS:
        abort(404)
    context = _context()
    context.update(checklist=key, args={**context["args"], "checklist": key})
    return _open(context)


@bp.route("/meeting/<code>")
@public
def meeting(code: str):
    """A council meeting's link: what the child says is tied to the meeting and its group."""
    return _open(_meeting_context(code))


@bp.route("/<conversation_id>")
@public
def page(conversation_id: str):
    found = _owned(conversation_id)
    if signed_in_child() is None:
        owner.adopt(_token())
    case_talk.mark_seen(get_session(), found)
    return _render(found, ChatTurnForm(seq=found.state["seq"]))


def _render(found: chats.Conversation, form: ChatTurnForm, status: int = 200,
            photo_form: ChatPhotoForm | None = None, args: dict | None = None):
    """The chat page; ``args`` marks a chat not stored yet, whose first message stores it."""
    meeting = get_session().get(Meeting, found.meeting_id) if found.meeting_id else None
    asked = devices.questions_for(get_session(), member_id=_member_id(),
                                  key_hash=owner.presented_hash())
    return render_template("chat/chat.html", chat=found, state=found.state, form=form,
                           asked=asked,
                           photo_form=photo_form or ChatPhotoForm(), meeting=meeting,
                           checklist=CHECKLISTS.get(found.state.get("checklist") or ""),
                           urls=_urls(found, args), pinyin=request.args.get("pinyin") == "1",
                           poll_seconds=current_app.config["CASE_CHAT_POLL_SECONDS"]), status


def _urls(found: chats.Conversation, args: dict | None) -> dict:
    if args is not None:
        return {"say": url_for("chat.say_new", **args), "turn": url_for("chat.turn_new", **args)}
    return {"say": url_for("chat.say", conversation_id=found.id),
            "turn": url_for("chat.turn", conversation_id=found.id),
            "qr": url_for("chat.qr", conversation_id=found.id, code="CODE"),
            "photo": url_for("chat.photo", conversation_id=found.id),
            "pick": url_for("places.pick", chat=found.id, plan=found.plan_id, **{"for": "chat"}),
            "news": url_for("chat.news", conversation_id=found.id)}


def _say(found: chats.Conversation | None, context: dict | None = None):
    """One plain-form turn; a new chat is stored only once the message is good."""
    form = ChatTurnForm()
    if not form.validate_on_submit():
        shown = found or _unsaved(context)
        return _render(shown, form, 400, args=None if found else context["args"])
    found = found or _create(context)
    try:
        chats.take_turn(get_session(), found, form.text.data, form.seq.data,
                        owner_key_hash=_owner_key())
    except chats.StaleTurn:
        form.text.errors.append(_("页面过期了。你写的话还在，请再发一次。"))
        form.seq.data = found.state["seq"]
        return _render(found, form, 409)
    return redirect(url_for("chat.page", conversation_id=found.id, _anchor="end"))


@bp.route("/<conversation_id>/say", methods=["POST"])
@public
@limited
def say(conversation_id: str):
    """The plain-form fallback: one turn per POST, then the page again (works without JS)."""
    return _say(_owned(conversation_id))


@bp.route("/new/say", methods=["POST"])
@public
@limited
def say_new():
    """The first message of a new chat, without JavaScript."""
    return _say(None, _context())


def _turn(found: chats.Conversation | None, context: dict | None = None):
    form = ChatTurnForm(formdata=None, data=_turn_payload(), meta={"csrf": False})
    if not form.validate():
        return jsonify(error=_first_error(form)), 400
    found = found or _create(context)
    try:
        messages = chats.take_turn(get_session(), found, form.text.data, form.seq.data,
                                   owner_key_hash=_owner_key())
    except chats.StaleTurn:
        return jsonify(error=_("页面过期了，正在刷新。你写的话还在。"), reload=True), 409
    return jsonify(messages=with_ruby(localised(messages)), seq=found.state["seq"],
                   step=found.state["step"], urls=_urls(found, None),
                   case=bool(found.state.get("case")))


@bp.route("/<conversation_id>/place", methods=["POST"])
@public
@limited
def pick_place(conversation_id: str):
    """A place picked on the map answers the helper's "where?" (a plain form, with CSRF)."""
    found = _owned(conversation_id)
    form = ChatPlaceForm()
    place = city_place(get_session(), found.plan_id, form.place_id.data) \
        if form.validate_on_submit() else None
    if place is None:
        abort(400)
    chats.pick_place(get_session(), found, place.id, place.name, owner_key_hash=_owner_key())
    return redirect(url_for("chat.page", conversation_id=found.id, _anchor="end"), code=303)


@bp.route("/<conversation_id>/news.json")
@public
def news(conversation_id: str):
    """What the safeguarding lead wrote to this child since the page last showed it.

    A case chat's page asks every few seconds (``CASE_CHAT_POLL_SECONDS``): the adult's words
    appear in the conversation without the child having to type again.
    """
    found = _owned(conversation_id)
    return jsonify(messages=with_ruby(localised(case_talk.take_unseen(get_session(), found))))


@bp.route("/<conversation_id>/turn", methods=["POST"])
@public
@limited
def turn(conversation_id: str):
    """One turn as JSON for the script; CSRF comes in the X-CSRFToken header."""
    return _turn(_owned(conversation_id))


@bp.route("/new/turn", methods=["POST"])
@public
@limited
def turn_new():
    """The first message of a new chat, as JSON: the reply carries the chat's own addresses."""
    return _turn(None, _context())


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
@limited
def photo(conversation_id: str):
    """Attach one photo: checked, re-encoded without location, stored under a random name."""
    found = _owned(conversation_id)
    form = ChatPhotoForm()
    if form.validate_on_submit():
        try:
            name = store_photo(get_session(), form.photo.data.read())
        except PhotoRejected as rejected:
            form.photo.errors.append(str(rejected))
        else:
            chats.attach_photo(get_session(), found, name)
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
    return send_photo(name, {name})


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

