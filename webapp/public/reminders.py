"""Web push on a child's device: subscribe to be told when news reaches one's suggestions.

The browser sends its push subscription (a JSON POST with the page's CSRF token); the site
keeps it with the suggestions this device (its ``ts_owner`` key) or this signed-in child
wrote. ``/push/off`` forgets it. What is pushed is in ``models.notices.push``: two words and
a link, never the child's words or a code.
"""

from __future__ import annotations

from flask import Blueprint, abort, current_app, jsonify, request
from flask_babel import get_locale
from flask_babel import gettext as _
from sqlmodel import select

from models.notices import push
from models.refusals import Invalid
from models.suggestions import devices
from models.suggestions.tables import Suggestion
from webapp.access import public
from webapp.db import get_session
from webapp.i18n import refused
from webapp.owner import presented_hash
from webapp.public.child_city import signed_in_child
from webapp.push import device_language
from webapp.ratelimit import limiter

bp = Blueprint("reminders", __name__, url_prefix="/push")
LIMIT = "20 per minute"


def push_keys() -> push.PushKeys | None:
    """The site's push keys (None: this site sends no push, the button is not shown)."""
    pusher = current_app.extensions["settings"].push
    return pusher.keys() if pusher is not None else None


@bp.app_template_global("push_public_key")
def push_public_key() -> str:
    keys = push_keys()
    return keys.public_key if keys is not None else ""


def _followed() -> tuple[list[Suggestion], int | None]:
    member = signed_in_child()
    if member is not None:
        query = select(Suggestion).where(Suggestion.member_id == member.id)
        return list(get_session().exec(query)), member.id
    return devices.device_suggestions(get_session(), presented_hash()), None


@bp.route("/on", methods=["POST"])
@public
@limiter.limit(LIMIT)
def subscribe():
    keys = push_keys() or abort(404)
    body = request.get_json(silent=True) or {}
    subscription = body.get("subscription") if isinstance(body, dict) else None
    if not isinstance(subscription, dict) or not isinstance(subscription.get("keys"), dict):
        return jsonify(error=_("这个浏览器的提醒设置不对，换个浏览器试试吧。")), 400
    suggestions, member_id = _followed()
    if not suggestions and member_id is None:
        return jsonify(error=_("先提一个建议吧，有新消息时才能提醒你。")), 400
    try:
        found = push.subscribe(get_session(), keys,
                               endpoint=str(subscription.get("endpoint", "")),
                               p256dh=str(subscription["keys"].get("p256dh", "")),
                               auth=str(subscription["keys"].get("auth", "")),
                               suggestions=suggestions, member_id=member_id,
                               lang=device_language(get_locale()))
    except Invalid as problem:
        return jsonify(error=refused(problem)), 400
    return jsonify(ok=True, follows=len(suggestions), id=found.id)


@bp.route("/off", methods=["POST"])
@public
@limiter.limit(LIMIT)
def unsubscribe():
    body = request.get_json(silent=True) or {}
    endpoint = body.get("endpoint", "") if isinstance(body, dict) else ""
    return jsonify(ok=push.unsubscribe(get_session(), str(endpoint)))
