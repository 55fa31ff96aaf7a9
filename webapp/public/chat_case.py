"""A safeguarding case's chat: reached after a form or report, and by the case code anywhere.

Its pages live under /chat, so the device cookie that only the chat pages receive ties the
conversation to the device the child is holding.
"""

from __future__ import annotations

import secrets

from flask import (
    Blueprint,
    abort,
    current_app,
    make_response,
    redirect,
    render_template,
    url_for,
)
from flask_babel import gettext as _
from itsdangerous import BadSignature, URLSafeTimedSerializer

from models.assistant import conversation as chats
from models.safety import case_talk
from webapp.access import public
from webapp.db import get_session
from webapp.forms.common import CaseCodeForm
from webapp.public.chat import device_token, on_this_device
from webapp.ratelimit import limiter

bp = Blueprint("chat_case", __name__, url_prefix="/chat")
CLAIM_SECONDS = 15 * 60
RETURN_LIMIT = "10 per 10 minutes"


def _claims() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt="case-chat")


def to_case_chat(case, *, member_id: int | None = None):
    """After a form, a report or a rating flagged a danger: the case's chat, on this device.

    A signed-in child owns it; anyone else gets a short-lived signed link that ties the chat
    to the device that follows it, so the case code alone is never in the address.
    """
    found = case_talk.ensure_conversation(get_session(), case, member_id=member_id)
    if member_id is not None:
        return redirect(url_for("chat.page", conversation_id=found.id), code=303)
    return redirect(url_for("chat_case.claim", token=_claims().dumps(found.id)), code=303)


@bp.route("/case/<token>")
@public
def claim(token: str):
    try:
        conversation_id = _claims().loads(token, max_age=CLAIM_SECONDS)
    except BadSignature:
        abort(404)
    found = get_session().get(chats.Conversation, conversation_id) or abort(404)
    device = device_token() or secrets.token_urlsafe(32)
    if not case_talk.claim(get_session(), found, device):
        abort(404)
    return on_this_device(found, device, 303)


def _too_many(_limit):
    form = CaseCodeForm()
    form.code.errors.append(_("试得太多了，请过一会儿再试。"))
    return make_response(render_template("chat/return.html", form=form), 429)


@bp.route("/return", methods=["GET", "POST"])
@public
@limiter.limit(RETURN_LIMIT, methods=["POST"], on_breach=_too_many)
def come_back():
    """A child with a case code comes back to their conversation, on this or another device.

    Guessing codes is slowed down per address: ten tries in ten minutes.
    """
    form = CaseCodeForm()
    if form.validate_on_submit():
        device = device_token() or secrets.token_urlsafe(32)
        found = case_talk.come_back(get_session(), form.code.data, device)
        if found is not None:
            return on_this_device(found, device, 303)
        form.code.errors.append(_("没有找到这个个案码，看看有没有写错？"))
    status = 400 if form.errors else 200
    return render_template("chat/return.html", form=form), status
