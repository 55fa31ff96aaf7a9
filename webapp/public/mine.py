"""我的建议 on a device without an account, and carrying one suggestion to another device.

The list comes from the device key (``ts_owner``, see ``webapp/owner.py``): nothing to sign
in to, nothing a stranger with a tracking code can see. A carry ticket is made by a POST
from the owning device and redeemed by a POST from the other one, so a link preview or a
prefetch never uses it up.
"""

from __future__ import annotations

import base64

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlmodel import select

from models.suggestions import devices, questions
from models.suggestions.status import CHILD_LABELS
from models.suggestions.tables import Suggestion
from models.suggestions.tracking import read_code
from webapp.access import public
from webapp.db import get_session
from webapp.forms.group import ButtonForm
from webapp.owner import key_hash, presented_hash
from webapp.public.chat_render import qr_svg
from webapp.ratelimit import limiter

bp = Blueprint("mine", __name__)
CARRY_LIMIT = "20 per minute"


def _signed_in_child() -> bool:
    return bool(current_user.is_authenticated and current_user.is_child)


@bp.route("/mine")
@public
def index():
    """This device's suggestions; a signed-in child's list is on their own page."""
    if _signed_in_child():
        return redirect(url_for("child.home"))
    found = devices.device_suggestions(get_session(), presented_hash())
    return render_template("mine/index.html", suggestions=found, labels=CHILD_LABELS,
                           has_news=devices.has_news,
                           asked=questions.asked_ids(get_session(), found),
                           form=ButtonForm())


def _own(code: str) -> Suggestion:
    code = read_code(code) or abort(404)
    found = get_session().exec(select(Suggestion).where(Suggestion.tracking_code == code)).first()
    if found is None or not devices.device_owns(get_session(), found, presented_hash()):
        abort(404)
    return found


@bp.route("/mine/<code>/carry", methods=["POST"])
@public
@limiter.limit(CARRY_LIMIT)
def carry(code: str):
    """A one-time QR code and link that move this suggestion to another device."""
    found = _own(code)
    if not ButtonForm().validate_on_submit():
        abort(400)
    ticket = devices.issue_ticket(get_session(), found, presented_hash())
    link = url_for("mine.ticket", code=ticket.code, _external=True)
    image = base64.b64encode(qr_svg(link)).decode()
    return render_template("mine/carry.html", s=found, ticket=ticket, link=link,
                           qr=f"data:image/svg+xml;base64,{image}",
                           minutes=devices.TICKET_MINUTES)


@bp.route("/k/<code>", methods=["GET"])
@public
@limiter.limit(CARRY_LIMIT)
def ticket(code: str):
    """The other device: one tap to keep the suggestion here (a GET never uses the ticket)."""
    return render_template("mine/ticket.html", code=code, form=ButtonForm())


@bp.route("/k/<code>", methods=["POST"])
@public
@limiter.limit(CARRY_LIMIT)
def take(code: str):
    if not ButtonForm().validate_on_submit():
        abort(400)
    try:
        found = devices.redeem(get_session(), code, key_hash())
    except devices.CarryProblem:
        return render_template("mine/ticket.html", code=code, form=ButtonForm(), problem=_(
            "这个二维码已经用过或者过期了，请在原来的设备上再生成一个。")), 410
    flash(_("这条建议已经放到这台设备上了。"))
    return redirect(url_for("track.page", code=found.tracking_code))


def news_count() -> int:
    """How many of this device's suggestions have an answer not yet rated (home page badge)."""
    if _signed_in_child():
        return 0
    token = presented_hash()
    return devices.news_count(get_session(), token) if token else 0


bp.add_app_template_global(news_count, "device_news_count")
