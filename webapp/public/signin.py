"""What signing in needs on both steps (password or PIN, then a staff code): the "auth"
blueprint, who a signed-in person is, the failure counters and a safe start of a session.

``auth`` (password and PIN) and ``auth_code`` (the one-time code) both build on this module
and never import each other's helpers.
"""

from __future__ import annotations

import secrets
from urllib.parse import urlsplit

from flask import Blueprint, after_this_request, request, session
from flask_login import UserMixin, login_user

from models.people.tables import Account, Member, Role
from webapp.db import get_session
from webapp.extensions import login_manager
from webapp.public.chat import forget_device
from webapp.ratelimit import client_address, configured, limiter
from webapp.security import start_clock

bp = Blueprint("auth", __name__, url_prefix="/signin")

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


def child_key() -> str:
    """The child a PIN is tried for: invite code and nickname, whatever else is posted."""
    return f"child|{_field('invite_code').upper()}|{_field('nickname')}"


def group_key() -> str:
    return f"group|{_field('invite_code').upper()}"


def staff_key() -> str:
    return f"staff|{_field('username').lower()}"


def _failed(response) -> bool:
    return response.status_code != 302


def count_failures(key_func, limit: str):
    """Count failed sign-ins only, so a class signing in together is never stopped."""
    return limiter.limit(configured(limit), key_func=key_func, methods=["POST"],
                         deduct_when=_failed)


per_address = count_failures(client_address, "SIGNIN_ADDRESS_LIMIT")


def safe_next(default: str) -> str:
    target = request.args.get("next", "")
    parts = urlsplit(target)
    if target.startswith("/") and not target.startswith("//") and not parts.netloc:
        return target
    return default


def start_session(user) -> None:
    """A fresh session at sign-in: a new id, nothing carried over, the clocks started."""
    session.clear()
    after_this_request(forget_device)
    login_user(user)
    session.permanent = True
    session["sid"] = secrets.token_urlsafe(16)
    start_clock()
