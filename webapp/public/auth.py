"""Signing in: children with an invite code, nickname and PIN; adults with a password and a code.

Staff need a one-time code (TOTP) on top of the password: the password step only leaves a
short-lived "pending" mark in the session, and no login session exists until the code is
right. Staff without an authenticator app enrol on their first sign-in (QR code).
"""

from __future__ import annotations

from flask import (
    Flask,
    after_this_request,
    flash,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user, logout_user

from models.people import accounts
from models.privacy import audit as audit_log
from webapp.access import public
from webapp.classroom import classroom_code
from webapp.db import commit, get_session
from webapp.extensions import csrf, login_manager
from webapp.forms.common import ChildJoinForm, ChildSignInForm, StaffSignInForm
from webapp.i18n import refused
from webapp.public.auth_code import second_step
from webapp.public.chat import forget_device
from webapp.public.signin import (
    HOME_FOR_ROLE,
    ChildUser,
    bp,
    child_key,
    count_failures,
    group_key,
    per_address,
    safe_next,
    staff_key,
    start_session,
)
from webapp.security import audit, unexpected_fields

__all__ = ["HOME_FOR_ROLE", "bp", "init_app"]


def init_app(app: Flask) -> None:
    login_manager.init_app(app)
    login_manager.login_view = "auth.choose"
    login_manager.login_message = _("请先登录。")
    csrf.init_app(app)


@bp.route("/")
@public
def choose():
    return render_template("auth/choose.html")


@bp.route("/child", methods=["GET", "POST"])
@public
@count_failures(child_key, "SIGNIN_LIMIT")
@count_failures(group_key, "SIGNIN_GROUP_LIMIT")
@per_address
def child_signin():
    form = ChildSignInForm()
    if not form.is_submitted() and classroom_code():
        form.invite_code.data = classroom_code()
    if form.validate_on_submit():
        found = accounts.authenticate_child(get_session(), form.invite_code.data,
                                            form.nickname.data, form.pin.data)
        commit()  # a wrong PIN counts even though the answer is a refusal
        if found.member is not None:
            start_session(ChildUser(found.member))
            audit("signin", actor_kind="child")
            return redirect(safe_next(url_for("child.home")))
        audit("signin_failed", actor_kind="child")
        form.pin.errors.append(_barred_words(found.barred) if found.barred else
                               _("邀请码、昵称或密码不对，再试一次吧。"))
        return render_template("auth/child.html", form=form), 429 if found.barred else 200
    return render_template("auth/child.html", form=form)


def _barred_words(barred) -> str:
    if barred.locked:
        return _("密码错了太多次，为了保护你，这个昵称先锁住了。请找你的辅导员帮你解锁。")
    if barred.seconds >= 60:
        return _("密码错了好几次，请过 %(n)d 分钟再试。", n=-(-barred.seconds // 60))
    return _("密码错了好几次，请过 %(n)d 秒再试。", n=barred.seconds)


@bp.route("/join", methods=["GET", "POST"])
@public
@count_failures(group_key, "SIGNIN_GROUP_LIMIT")
@per_address
def child_join():
    form = ChildJoinForm(invite_code=request.args.get("code", ""))
    if request.method == "POST" and unexpected_fields(form):
        form.validate()
        form.nickname.errors.append(_("我们不需要真名、电话、身份证号或地址，请只填页面上的内容。"))
        return render_template("auth/join.html", form=form), 400
    if form.validate_on_submit():
        try:
            member = accounts.join_group(get_session(), form.to_joining())
        except accounts.JoinRefused as refusal:
            form.invite_code.errors.append(refused(refusal))
        else:
            start_session(ChildUser(member))
            flash(_("欢迎你加入！记住你的昵称和密码哦。"))
            return redirect(url_for("child.home"))
    return render_template("auth/join.html", form=form)


@bp.route("/staff", methods=["GET", "POST"])
@public
@count_failures(staff_key, "SIGNIN_LIMIT")
@per_address
def staff_signin():
    form = StaffSignInForm()
    if form.validate_on_submit():
        account = accounts.authenticate_staff(get_session(), form.username.data,
                                              form.password.data)
        if account is not None:
            return second_step(account)
        known = audit_log.known_username(get_session(), form.username.data)
        audit("signin_failed", actor_kind="staff", username=known)
        form.password.errors.append(_("用户名或密码不正确。"))
    return render_template("auth/staff.html", form=form)


@bp.route("/out", methods=["POST"])
@public
def signout():
    """Sign out and retire the session everywhere, not only in this browser."""
    if current_user.is_authenticated:
        audit("signout")
        accounts.retire_sessions(get_session(), current_user.row)
        logout_user()
    session.clear()
    after_this_request(forget_device)
    if classroom_code():
        # Classroom mode: nothing of this child stays in the browser; the next child's turn.
        flash(_("谢谢你！请把平板交给下一位同学。"))
        response = redirect(url_for("auth.child_signin"))
        response.headers["Clear-Site-Data"] = '"cache"'
        return response
    flash(_("你已经安全退出。"))
    return redirect(url_for("public.home"))


