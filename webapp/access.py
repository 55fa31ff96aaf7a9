"""Deny by default: every view states who may open it, or nobody can.

Views carry an ``access`` attribute set by one of the decorators below; a request for a
view without one is refused before the view runs, and a test walks the URL map for it.
"""

from __future__ import annotations

from functools import wraps

from flask import Flask, abort, current_app, redirect, request, url_for
from flask_login import current_user

from models.people.tables import Role


def public(view):
    """Anyone, signed in or not, may open this view."""
    view.access = "public"
    return view


def child_required(view):
    """Only a signed-in child member."""
    @wraps(view)
    def wrapper(*args, **kwargs):
        if not current_user.is_authenticated:
            return redirect(url_for("auth.child_signin", next=request.path))
        if not current_user.is_child:
            abort(403)
        return view(*args, **kwargs)

    wrapper.access = "child"
    return wrapper


def staff_required(*roles: Role):
    """Only signed-in staff with one of these roles."""
    def decorate(view):
        @wraps(view)
        def wrapper(*args, **kwargs):
            if not current_user.is_authenticated:
                return redirect(url_for("auth.staff_signin", next=request.path))
            if current_user.is_child or current_user.role not in roles:
                abort(403)
            return view(*args, **kwargs)

        wrapper.access = "staff:" + ",".join(sorted(roles))
        return wrapper

    return decorate


def init_app(app: Flask) -> None:
    app.before_request(enforce_declared_access)


def enforce_declared_access():
    """Refuse any view that forgot to declare who may open it."""
    if request.endpoint is None:
        return None
    view = current_app.view_functions.get(request.endpoint)
    if request.endpoint == "static" or getattr(view, "access", None):
        return None
    abort(403)
