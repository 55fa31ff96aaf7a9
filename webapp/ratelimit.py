"""Rate limits: one Flask-Limiter for the whole site, counting in Redis when there is one.

The storage is chosen in ``init_app``, after the configuration is read, so every worker
shares the counts through ``REDIS_URL``. If Redis stops answering, the limiter counts in
this process's memory instead of failing the request (nobody gets a 500 at sign-in).

While Redis is down, Flask-Limiter applies only its fallback limit (a loose per-address
count, ``RATELIMIT_IN_MEMORY_FALLBACK``); a child's PIN stays guarded all the same, since its
count lives in the database (``models/people/pin_guard.py``).

Behind a reverse proxy the client's address comes from ``X-Forwarded-For``, but only as
many hops as ``TRUSTED_PROXIES`` says (default 0: the header is ignored, since anybody can
send it). Limits key on what is actually at stake (a child's name in a group, a signed-in
member, a device) and only loosely on the address, because a whole school can share one.
"""

from __future__ import annotations

from flask import Flask, current_app
from werkzeug.middleware.proxy_fix import ProxyFix

from webapp.extensions import client_address, limiter

__all__ = ["client_address", "configured", "init_app", "limiter"]


def init_app(app: Flask) -> None:
    """Trust the configured proxies, then count in Redis (or memory without it)."""
    proxies = int(app.config.get("TRUSTED_PROXIES") or 0)
    if proxies > 0:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies)
    uri = app.config.setdefault("RATELIMIT_STORAGE_URI",
                                app.config.get("REDIS_URL") or "memory://")
    app.config.setdefault("RATELIMIT_KEY_PREFIX", "tongsheng")
    app.config.setdefault("RATELIMIT_IN_MEMORY_FALLBACK", "1000 per minute")
    if uri.startswith("redis"):
        # A Redis that does not answer costs at most half a second before memory takes over.
        app.config.setdefault("RATELIMIT_STORAGE_OPTIONS",
                              {"socket_connect_timeout": 0.5, "socket_timeout": 0.5})
    limiter.init_app(app)


def configured(name: str):
    """A limit read from the configuration at request time, so a test or a site can tune it."""
    return lambda: current_app.config[name]
