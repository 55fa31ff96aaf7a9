"""Chinese is the source language of every user-facing string; English is the second.

The language is the visitor's choice, kept in a cookie (no account needed, nothing about the
person stored); without a choice the site speaks the city's default, Simplified Chinese.
"""

from __future__ import annotations

from flask import Blueprint, Flask, current_app, redirect, request
from flask_babel import LazyString, get_locale, gettext

from models.i18n import Message
from webapp.access import public
from webapp.extensions import babel

LANGUAGES = {"zh_Hans_CN": "中文", "en": "English"}
HTML_LANG = {"zh_Hans_CN": "zh-Hans", "en": "en"}
COOKIE = "ts_lang"
ONE_YEAR = 365 * 24 * 3600

bp = Blueprint("language", __name__)


def select_locale() -> str:
    chosen = request.cookies.get(COOKIE, "")
    return chosen if chosen in LANGUAGES else current_app.config["BABEL_DEFAULT_LOCALE"]


def _same_site(path: str) -> str:
    """Only a path on this site: never a redirect to somewhere else."""
    if not path.startswith("/") or path.startswith("//") or "\\" in path:
        return "/"
    return path


@bp.get("/language/<code>")
@public
def choose(code: str):
    response = redirect(_same_site(request.args.get("next", "/")))
    if code in LANGUAGES:
        response.set_cookie(COOKIE, code, max_age=ONE_YEAR, samesite="Lax", httponly=True,
                            secure=current_app.config.get("SESSION_COOKIE_SECURE", True))
    return response


def _language_context() -> dict:
    current = str(get_locale() or current_app.config["BABEL_DEFAULT_LOCALE"])
    return {"LANGUAGES": LANGUAGES, "current_language": current,
            "html_lang": HTML_LANG.get(current, "zh-Hans")}


def localise(value):
    """A domain text in the reader's language; anything else (a child's words) as it is."""
    if isinstance(value, Message):
        return value.in_language(gettext)
    return value


def refused(problem: Exception) -> str:
    """What a refused action says, in the reader's language (the domain raises it in Chinese)."""
    said = problem.args[0] if problem.args else ""
    return localise(said) if isinstance(said, Message) else str(problem)


def lazy(text: str) -> LazyString:
    """A domain text said in the reader's language when shown (choices built at import time)."""
    return LazyString(localise, text)


def choices(pairs) -> list[tuple]:
    """(value, label) pairs whose domain labels are shown in the reader's language."""
    return [(value, lazy(label)) for value, label in pairs]


def init_app(app: Flask) -> None:
    babel.init_app(app, locale_selector=select_locale)
    app.register_blueprint(bp)
    app.context_processor(_language_context)
    # Every {{ value }} that is a domain message is said in the reader's language.
    app.jinja_env.finalize = localise
