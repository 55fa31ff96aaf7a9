"""The secret that acts on a child's own suggestion, held by their device.

A tracking code is a receipt that may be seen by others (on a poster, in the public list),
so it only ever shows a public item. Rating an answer, objecting to it and seeing one's own
item before approval need more: the signed-in author, or the device that wrote it, which
holds a random key in the ``ts_owner`` cookie (only its hash is stored on the suggestion).

A device that chatted before this key existed has its chat token adopted as its key, so the
tracking links of its earlier chat suggestions keep working there (revision 0003 copied the
chat's token hash onto them).
"""

from __future__ import annotations

import secrets

from flask import after_this_request, current_app, g, request

from models.assistant.conversation import token_hash

OWNER_COOKIE = "ts_owner"
ONE_YEAR = 60 * 60 * 24 * 365


def presented_hash() -> str | None:
    """The hash of the key this request carries, if any (nothing is created)."""
    token = g.get("owner_token") or request.cookies.get(OWNER_COOKIE)
    return token_hash(token) if token else None


def key_hash(adopt: str | None = None) -> str:
    """The hash of this device's key; a device without one is given one (or ``adopt``)."""
    token = g.get("owner_token") or request.cookies.get(OWNER_COOKIE)
    if not token:
        token = g.owner_token = adopt or secrets.token_urlsafe(32)
        after_this_request(_remember)
    return token_hash(token)


def adopt(device_token: str | None) -> None:
    """A chat device without a key: its chat token becomes its key (see the module note)."""
    if device_token and not request.cookies.get(OWNER_COOKIE):
        key_hash(adopt=device_token)


def _remember(response):
    response.set_cookie(OWNER_COOKIE, g.owner_token, max_age=ONE_YEAR, httponly=True,
                        samesite="Lax", path="/",
                        secure=current_app.config["SESSION_COOKIE_SECURE"])
    return response
