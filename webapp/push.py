"""Web push plumbing: the site's VAPID key, the words in the device's language, sending.

The key comes from ``TONGSHENG_VAPID_PRIVATE_KEY`` (PEM, the same on every node); a
single-machine site without one keeps a key it made in ``instance/vapid_private.pem``, as it
does its secret key. A site with several nodes and no key has no push (the button is not
shown; the page still checks for news when it opens). ``TONGSHENG_VAPID_SUBJECT`` is the
contact the push services may write to; ``TONGSHENG_PUSH_SERVICES`` names the push services
whose endpoints are accepted (by default the browsers' own, see ``models.notices.push``).

The app's ``Settings.push`` is a ``Pusher``: a request, the sweep and a queue job all reach
the keys through it, read when first needed (so a test's instance folder is the one used).
"""

from __future__ import annotations

import logging
from functools import cache
from pathlib import Path

from babel.support import Translations
from flask import Flask
from sqlmodel import Session

from models.notices import push
from models.settings import bind

log = logging.getLogger("tongsheng.push")
TRANSLATIONS = Path(__file__).parent / "translations"


@cache
def _catalog(lang: str) -> Translations:
    return Translations.load(str(TRANSLATIONS), [lang])


def translate(text: str, lang: str) -> str:
    """The Chinese source ``text`` in ``lang`` (no request needed: a job has none)."""
    return text if lang.startswith("zh") else _catalog(lang).gettext(text)


def device_language(locale: str) -> str:
    """What a subscription keeps of the reader's language: "en" or "zh"."""
    return "en" if str(locale).startswith("en") else "zh"


class Pusher:
    """The app's push: its keys (None: no push on this site) and sending what waits."""

    def __init__(self, app: Flask, single_machine):
        """``single_machine(app)``: may this site keep its own key in its instance folder?"""
        self.app, self.single_machine = app, single_machine

    def keys(self) -> push.PushKeys | None:
        found = self.app.extensions.get("push_keys", False)
        if found is False:
            found = self.app.extensions["push_keys"] = self._read_keys()
        return found

    def _read_keys(self) -> push.PushKeys | None:
        config = self.app.config
        pem = (config.get("VAPID_PRIVATE_KEY") or "").replace("\\n", "\n")  # one-line env
        if not pem:
            if not self.single_machine(self.app):
                return None
            pem = _instance_key(Path(self.app.instance_path) / "vapid_private.pem")
        services = config.get("PUSH_SERVICES") or push.KNOWN_SERVICES
        if isinstance(services, str):
            services = [s.strip() for s in services.split(",") if s.strip()]
        return push.PushKeys(private_pem=pem.strip() + "\n",
                             subject=config.get("VAPID_SUBJECT", "mailto:tongsheng@localhost"),
                             services=tuple(services))

    def deliver(self, session: Session) -> dict[str, int]:
        """Send what waits, in ``session`` (the function commits one push at a time)."""
        return push.deliver_pending(session, self.keys(), translate=translate)

    def deliver_now(self, settings) -> None:
        """Without Redis: right after the request's commit, in a session of its own."""
        try:
            with bind(Session(self.app.extensions["engine"], expire_on_commit=False),
                      settings) as session:
                self.deliver(session)
        except Exception:  # noqa: BLE001 - the sweep sends what is left
            log.exception("push left for the sweep")


def _instance_key(path: Path) -> str:
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(push.new_private_pem())
        path.chmod(0o600)
    return path.read_text()
