"""Classroom mode: one shared tablet, a class of children taking turns.

The facilitator starts it on the tablet for one group: the tablet forgets the facilitator,
keeps the group's invite code in a cookie (the code is on the group's poster anyway) and
opens the children's sign-in with it filled in. Each child signs in with nickname and PIN,
speaks, and taps 换下一位同学: the sign-out clears the browser's caches (``Clear-Site-Data``)
and the page clears what the last child left in the tab, then the next child signs in.
Suggestions a child wrote without a network stay on the tablet for that child only
(see static/js/offline.js) and go out when they sign in again.
"""

from __future__ import annotations

from flask import Blueprint, current_app, flash, redirect, session, url_for
from flask_babel import gettext as _
from flask_login import logout_user

from webapp.access import public
from webapp.classroom import COOKIE, classroom_code
from webapp.staff.facilitator.pages import facilitator_only, owned_group

bp = Blueprint("classroom", __name__)
SCHOOL_DAY = 12 * 60 * 60


@bp.app_context_processor
def classroom_context() -> dict:
    return {"classroom": classroom_code()}


@bp.route("/facilitator/groups/<int:group_id>/classroom", methods=["POST"])
@facilitator_only
def start(group_id: int):
    group = owned_group(group_id)
    logout_user()  # this tablet only: the facilitator stays signed in on their own devices
    session.clear()
    flash(_("课堂模式开始了：请同学们一个一个来，说完点“换下一位同学”。"))
    response = redirect(url_for("auth.child_signin"))
    response.set_cookie(COOKIE, group.invite_code, max_age=SCHOOL_DAY, httponly=True,
                        samesite="Lax", secure=current_app.config["SESSION_COOKIE_SECURE"])
    return response


@bp.route("/classroom/end", methods=["POST"])
@public
def end():
    response = redirect(url_for("public.home"))
    response.delete_cookie(COOKIE, httponly=True, samesite="Lax",
                           secure=current_app.config["SESSION_COOKIE_SECURE"])
    flash(_("课堂模式结束了。"))
    return response
