"""🔊 where the browser has no Chinese voice: the assistant's own lines spoken on the server.

A page offers it (``speak_url``) only when the site has an engine (``SPEECH_ENGINE``:
"auto" finds espeak-ng, "" turns it off) and the page is in Chinese; each line's button
carries its signature (``speak_mark``), and /speak speaks nothing else (models/assistant/speech.py).
"""

from __future__ import annotations

from flask import Blueprint, abort, current_app, request, url_for
from flask_babel import get_locale

from models.assistant import speech
from webapp.access import public
from webapp.ratelimit import configured, limiter

bp = Blueprint("speak", __name__)


def _engine() -> str | None:
    found = current_app.extensions.get("speech_engine", False)
    if found is False:  # looked up once per app: it does not come or go while it runs
        found = speech.find_engine(current_app.config.get("SPEECH_ENGINE"))
        current_app.extensions["speech_engine"] = found
    return found


def _secret() -> bytes:
    return str(current_app.secret_key).encode()


@bp.app_template_global("speak_url")
def speak_url() -> str:
    """Where a Chinese page's 🔊 asks for sound, or "" (no engine, or not in Chinese)."""
    chinese = str(get_locale() or "").startswith("zh")
    return url_for("speak.say") if chinese and _engine() else ""


@bp.app_template_filter("speak_mark")
def speak_mark(text: str) -> str:
    """The mark of a line this site wrote, for its 🔊 button ("" when too long to speak)."""
    return speech.signature(_secret(), text) if len(text) <= speech.MAX_CHARS else ""


@bp.route("/speak", methods=["POST"])
@public
@limiter.limit(configured("SPEAK_LIMIT"))
def say():
    engine = _engine() or abort(404)
    asked = request.get_json(silent=True) or {}
    text, mark = str(asked.get("text", "")), str(asked.get("mark", ""))
    if not speech.signed(_secret(), text, mark):
        abort(400)
    try:
        audio = speech.synthesise(engine, text)
    except speech.SpeechFailed:
        abort(503)
    response = current_app.response_class(audio, mimetype="audio/wav")
    response.headers["Cache-Control"] = "no-store"
    return response
