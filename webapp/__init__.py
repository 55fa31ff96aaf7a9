"""The TongSheng web application: one blueprint per kind of user.

Flask is imported when an app is made, not with the package: the `tongsheng` command lives
in ``webapp.cli``, and its commands that need no app (classify) never load Flask.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from flask import Flask

DEFAULTS = {
    "DEFAULT_PLAN": "hengyang",
    "PRIVACY_NOTICE_VERSION": "2026-11",
    "CONSENT_AGE": 14,
    # Failed sign-ins per child or staff name, per group (invite code) and per address;
    # the address limit is loose because a whole school can share one address.
    "SIGNIN_LIMIT": "10 per 5 minutes",
    "SIGNIN_GROUP_LIMIT": "60 per 10 minutes",
    "SIGNIN_ADDRESS_LIMIT": "100 per 10 minutes",
    # Suggestions per signed-in child or device, and per address (a classroom of 40 fits).
    "SUGGEST_LIMIT": "10 per minute",
    "SUGGEST_ADDRESS_LIMIT": "120 per minute;1500 per day",
    "OPEN311_LOOKUP_LIMIT": "30 per minute",
    "CHAT_LIMIT": "30 per minute",
    "CHAT_ADDRESS_LIMIT": "300 per minute",
    # 🔊 spoken on the server where the browser has no Chinese voice: the engine ("auto":
    # espeak-ng if installed; "": off, the button then shows only with a browser voice) and
    # how often one address may ask (a class shares one).
    "SPEECH_ENGINE": "auto",
    "SPEAK_LIMIT": "120 per minute;2000 per day",
    # Reverse proxies in front of the site whose X-Forwarded-For/-Proto may be believed.
    "TRUSTED_PROXIES": 0,
    "STAFF_TOTP_REQUIRED": True,
    "RETENTION_MONTHS": 24,
    # Minutes a safeguarding case may wait for someone to take it in hand before escalating.
    "SAFEGUARDING_ACK_MINUTES": 30,
    # Load the classifier (safeguarding, redaction, topics) in gunicorn's master before the
    # fork, so the workers share it. False: each worker loads it on its first child's text,
    # and one that never gets any (a node serving only staff pages) stays small.
    "PRELOAD_CLASSIFIER": True,
    # Seconds the public board's figures per agency are kept before they are counted again
    # (they count the city's whole history; 0: count them on every request).
    "BOARD_FIGURES_SECONDS": 300,
    # Minutes a dashboard may show the figures the sweep counted ahead (the per-day rollup,
    # any period) before it counts them itself again.
    "DASHBOARD_SNAPSHOT_MINUTES": 15,
    # ... for cities with at least this many suggestions (a smaller one counts its own).
    "DASHBOARD_SNAPSHOT_FROM": 20000,
    # The most suggestions an Excel export builds while the coordinator waits; a bigger one
    # goes to the background export (progress bar, then a download link).
    "EXPORT_XLSX_AT_ONCE": 10000,
    # Seconds between a case chat's checks for what the safeguarding lead wrote to the child.
    "CASE_CHAT_POLL_SECONDS": 10,
    # The map's tile server: a URL template ({z}/{x}/{y}, {s} for subdomains) and the words
    # its licence asks to show. Empty: no tiles, the markers on a plain background and a list.
    "MAP_TILES": "",
    "MAP_ATTRIBUTION": "",
    "SESSION_COOKIE_HTTPONLY": True,
    "SESSION_COOKIE_SAMESITE": "Lax",
    "SESSION_COOKIE_SECURE": True,
    "REMEMBER_COOKIE_SECURE": True,
    "REMEMBER_COOKIE_HTTPONLY": True,
    "WTF_CSRF_TIME_LIMIT": None,
    "MAX_CONTENT_LENGTH": 6 * 1024 * 1024,
    "BABEL_DEFAULT_LOCALE": "zh_Hans_CN",
}


def create_app(test_config: dict | None = None) -> Flask:
    """Build the app: defaults, instance config, TONGSHENG_* variables, then the test dict."""
    app = configured_flask(test_config)
    _init_subsystems(app)
    _register_blueprints(app)
    return app


def create_job_app() -> Flask:
    """What queue jobs need and nothing more: configuration from the environment, the
    engine and the domain's settings; no pages, forms or templates are imported."""
    from webapp import db, settings

    app = configured_flask()
    settings.init_app(app)
    db.init_app(app)
    return app


def configured_flask(test_config: dict | None = None) -> Flask:
    """A Flask object holding the configuration and the secret, with nothing mounted yet."""
    from flask import Flask

    from webapp.requests import CleanRequest

    app = Flask(__name__, instance_relative_config=True,
                template_folder=str(Path(__file__).parent.parent / "templates"))
    app.request_class = CleanRequest
    app.config.from_mapping(DEFAULTS)
    app.config.from_pyfile("config.py", silent=True)
    app.config.from_prefixed_env("TONGSHENG")
    for name in ("DATABASE_URL", "REDIS_URL"):
        if os.environ.get(name):
            app.config[name] = os.environ[name]
    if test_config:
        app.config.update(test_config)
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = _instance_secret(app)
    return app


class MissingSecret(click.ClickException):
    """Production without TONGSHENG_SECRET_KEY: refuse to start rather than sign with a
    secret that only this node knows."""


def _instance_secret(app: Flask) -> str:
    """A secret kept in the instance folder, so a restart keeps everyone signed in."""
    from webapp.settings import single_machine

    if not single_machine(app) and not app.debug:
        raise MissingSecret("set TONGSHENG_SECRET_KEY (the same on every node): with "
                            "PostgreSQL or TONGSHENG_PRODUCTION no per-node secret file is used")
    path = Path(app.instance_path) / "secret_key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(48))
        path.chmod(0o600)
    return path.read_text().strip()


def _init_subsystems(app: Flask) -> None:
    from webapp import (
        access,
        converters,
        db,
        errors,
        i18n,
        ratelimit,
        security,
        settings,
        templating,
    )
    from webapp.public import auth

    settings.init_app(app)
    converters.init_app(app)
    ratelimit.init_app(app)
    db.init_app(app)
    i18n.init_app(app)
    security.init_app(app)
    auth.init_app(app)
    access.init_app(app)
    errors.init_app(app)
    templating.init_app(app)


def _register_blueprints(app: Flask) -> None:
    """Mount the blueprints, grouped by who uses them."""
    from webapp.api import open311
    from webapp.child import group, group_visits
    from webapp.child import pages as child
    from webapp.public import (
        auth,
        auth_code,
        board,
        chat,
        chat_case,
        mine,
        mydata,
        notices,
        offline,
        places,
        reminders,
        report,
        speak,
        suggest,
        track,
    )
    from webapp.public import pages as public
    from webapp.staff import admin, agency, dashboards
    from webapp.staff.coordinator import (
        accesslog,
        api_keys,
        dashboard,
        dispatching,
        export_jobs,
        follow_up,
        onboarding,
        places_admin,
        plan_editing,
        safeguarding,
        safeguarding_leads,
        supervision,
    )
    from webapp.staff.coordinator import pages as coordinator
    from webapp.staff.facilitator import classroom, meetings, observer, review
    from webapp.staff.facilitator import pages as facilitator

    everyone = (public, auth, auth_code, suggest, track, mine, board, chat, chat_case, report,
                mydata, notices, offline, places, reminders, speak)
    children = (child, group, group_visits)
    facilitators = (facilitator, review, meetings, observer, classroom)
    agencies = (agency, dashboards)
    city_office = (coordinator, dashboard, dispatching, follow_up, onboarding, plan_editing,
                   supervision, export_jobs, admin, safeguarding, safeguarding_leads, accesslog,
                   api_keys, places_admin)
    machines = (open311,)
    groups = (everyone, children, facilitators, agencies, city_office, machines)
    # auth and auth_code add their views to the one "auth" blueprint (webapp.public.signin).
    for bp in dict.fromkeys(module.bp for modules in groups for module in modules):
        app.register_blueprint(bp)
