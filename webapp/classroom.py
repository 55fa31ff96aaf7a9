"""Which group a shared classroom tablet serves (see staff/facilitator/classroom.py)."""

from __future__ import annotations

from flask import request

COOKIE = "ts_classroom"


def classroom_code() -> str:
    """The invite code of the group this tablet serves in classroom mode, or ''."""
    return request.cookies.get(COOKIE, "")[:16] if request else ""
