"""The Flask extensions, each created once here and bound to an app by the app factory.

Views import them from here (never from another blueprint's module); their setup with the
app's configuration lives in ``webapp.ratelimit``, ``webapp.i18n`` and ``webapp.public.auth``.
"""

from __future__ import annotations

from flask import request
from flask_babel import Babel
from flask_limiter import Limiter
from flask_login import LoginManager
from flask_wtf.csrf import CSRFProtect


def client_address() -> str:
    """The caller's address, as ProxyFix worked it out from the trusted proxies."""
    return request.remote_addr or "unknown"


login_manager = LoginManager()
csrf = CSRFProtect()
babel = Babel()
limiter = Limiter(key_func=client_address, default_limits=[], headers_enabled=True,
                  in_memory_fallback_enabled=True)
