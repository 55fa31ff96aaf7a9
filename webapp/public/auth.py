"""Signing in: children with an invite code, nickname and PIN; adults with a password and a code.

Staff need a one-time code (TOTP) on top of the password: the password step only leaves a
short-lived "pending" mark in the session, and no login session exists until the code is
right. Staff without an authenticator app enrol on their first sign-in (QR code).
"""

from __future__ import annotations

import secrets
from urllib.parse import urlsplit

from flask import (
    Blueprint,
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
from flask_login import LoginManager, UserMixin, current_user, login_user, logout_user
from flask_wtf.csrf import CSRFProtect

from models.people import accounts
from models.people.tables import Account, Member, Role
from models.privacy import audit as audit_log
from webapp.access import public
from webapp.db import get_session
from webapp.forms.common import ChildJoinForm, ChildSignInForm, StaffSignInForm
from webapp.i18n import refused
from webapp.public.chat import forget_device
from webapp.ratelimit import client_address, configured, limiter
from webapp.security import audit, start_clock, unexpected_fields

bp = Blueprint("auth", __name__, url_prefix="/signin")
login_manager = LoginManager()
csrf = CSRFProtect()

HOME_FOR_ROLE = {
    Role.FACILITATOR: "facilitator.home",
    Role.AGENCY_STAFF: "agency.inbox",
    Role.COORDINATOR: "coordinator.home",
}


class StaffUser(UserMixin):
    """A signed-in adult."""

    is_child = False

    def __init__(self, account: Account):
        self.account = self.row = account
        self.role = account.role

    def get_id(self) -> str:
        return f"a:{self.account.id}:{self.account.session_version}"

    @property
    def name(self) -> str:
        return self.account.display_name


class ChildUser(UserMixin):
    """A signed-in child member."""

    is_child = True
    role = None

    def __init__(self, member: Member):
        self.member = self.row = member

    def get_id(self) -> str:
        return f"m:{self.member.id}:{self.member.session_version}"

    @property
    def name(self) -> str:
        return self.member.nickname


def init_app(app: Flask) -> None:
    login_manager.init_app(app)
    login_manager.login_view = "auth.choose"
    login_manager.login_message = _("请先登录。")
    csrf.init_app(app)


@login_manager.user_loader
def load_user(user_id: str):
    """A session is valid only while its account is active and its version is current."""
    kind, _sep, rest = user_id.partition(":")
    row_id, _sep, version = rest.partition(":")
    if not row_id.isdigit() or not version.isdigit():
        return None
    model, wrapper = (Account, StaffUser) if kind == "a" else (Member, ChildUser)
    row = get_session().get(model, int(row_id))
    if row is None or not row.is_active or row.session_version != int(version):
        return None
    return wrapper(row)


def _field(name: str) -> str:
    return (request.form.get(name) or "").strip()


def _child_key() -> str:
    """The child a PIN is tried for: invite code and nickname, whatever else is posted."""
    return f"child|{_field('invite_code').upper()}|{_field('nickname')}"


def _group_key() -> str:
    return f"group|{_field('invite_code').upper()}"


def _staff_key() -> str:
    return f"staff|{_field('username').lower()}"


def _failed(response) -> bool:
    return response.status_code != 302


def count_failures(key_func, limit: str):
    """Count failed sign-ins only, so a class signing in together is never stopped."""
    return limiter.limit(configured(limit), key_func=key_func, methods=["POST"],
                         deduct_when=_failed)


per_address = count_failures(client_address, "SIGNIN_ADDRESS_LIMIT")


def _safe_next(default: str) -> str:
    target = request.args.get("next", "")
    parts = urlsplit(target)
    if target.startswith("/") and not target.startswith("//") and not parts.netloc:
        return target
    return default


def _start_session(user) -> None:
    """A fresh session at sign-in: a new id, nothing carried over, the clocks started."""
    session.clear()
    after_this_request(forget_device)
    login_user(user)
    session.permanent = True
    session["sid"] = secrets.token_urlsafe(16)
    start_clock()


@bp.route("/")
@public
def choose():
    return render_template("auth/choose.html")


@bp.route("/child", methods=["GET", "POST"])
@public
@count_failures(_child_key, "SIGNIN_LIMIT")
@count_failures(_group_key, "SIGNIN_GROUP_LIMIT")
@per_address
def child_signin():
    form = ChildSignInForm()
    if form.validate_on_submit():
        found = accounts.authenticate_child(get_session(), form.invite_code.data,
                                            form.nickname.data, form.pin.data)
        if found.member is not None:
            _start_session(ChildUser(found.member))
            audit("signin", actor_kind="child")
            return redirect(_safe_next(url_for("child.home")))
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
@count_failures(_group_key, "SIGNIN_GROUP_LIMIT")
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
            _start_session(ChildUser(member))
            flash(_("欢迎你加入！记住你的昵称和密码哦。"))
            return redirect(url_for("child.home"))
    return render_template("auth/join.html", form=form)


@bp.route("/staff", methods=["GET", "POST"])
@public
@count_failures(_staff_key, "SIGNIN_LIMIT")
@per_address
def staff_signin():
    form = StaffSignInForm()
    if form.validate_on_submit():
        account = accounts.authenticate_staff(get_session(), form.username.data,
                                              form.password.data)
        if account is not None:
            from webapp.public.auth_code import second_step

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
    flash(_("你已经安全退出。"))
    return redirect(url_for("public.home"))


from webapp.public import auth_code  # noqa: E402,F401  (the one-time-code views live next door)
