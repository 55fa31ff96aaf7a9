"""The plain suggestion form: no sign-in needed, one suggestion per click, nothing typed is lost."""

from __future__ import annotations

import secrets
import threading
import time
from functools import cache

from flask import Blueprint, abort, current_app, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_limiter.util import get_remote_address
from flask_login import current_user
from limits import RateLimitItem, parse
from limits.storage import Storage, storage_from_string
from limits.strategies import FixedWindowRateLimiter
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from models import consent
from models.intake import take_suggestion
from models.lifecycle import Actor, Draft, IdempotencyConflict, actor_for_member, find_replay
from models.people import Group
from models.plan import load_all

from .access import public
from .db import get_session
from .flow_forms import SuggestForm

bp = Blueprint("suggest", __name__, url_prefix="/suggest")
SUBMIT_LIMIT = "30 per minute"
LIMIT_KEY = "suggest.submit"


class WindowCounts(Storage):
    """Fixed-window counts in this process's memory; an ended window is dropped at its next hit.

    ``limits``' memory storage starts a timer thread on almost every hit to expire keys,
    which cost the submit path a millisecond of CPU and several of waiting; this one never
    needs a thread. With Redis configured, the site's Redis storage is used instead.
    """

    STORAGE_SCHEME = ["tongsheng-memory"]
    PURGE_ABOVE = 4096

    def __init__(self, uri: str | None = None, wrap_exceptions: bool = False, **options):
        self.windows: dict[str, tuple[int, float]] = {}
        self.lock = threading.Lock()
        super().__init__(uri, wrap_exceptions=wrap_exceptions, **options)

    @property
    def base_exceptions(self) -> type[Exception]:
        return ValueError

    def incr(self, key: str, expiry: float, amount: int = 1) -> int:
        now = time.time()
        with self.lock:
            count, ends = self.windows.get(key, (0, 0.0))
            if ends <= now:
                count, ends = 0, now + expiry
                if len(self.windows) > self.PURGE_ABOVE:
                    self.windows = {k: v for k, v in self.windows.items() if v[1] > now}
            self.windows[key] = (count + amount, ends)
            return count + amount

    def get(self, key: str) -> int:
        count, ends = self.windows.get(key, (0, 0.0))
        return count if ends > time.time() else 0

    def get_expiry(self, key: str) -> float:
        return self.windows.get(key, (0, time.time()))[1]

    def check(self) -> bool:
        return True

    def reset(self) -> int:
        with self.lock:
            count, self.windows = len(self.windows), {}
        return count

    def clear(self, key: str) -> None:
        with self.lock:
            self.windows.pop(key, None)


@bp.record_once
def _set_up_limit(state) -> None:
    """The submit limit counts where the site's limiter does: Redis if set, else this process."""
    uri = state.app.config.get("RATELIMIT_STORAGE_URI") or "memory://"
    storage = WindowCounts() if uri.startswith("memory://") else storage_from_string(uri)
    state.app.extensions[LIMIT_KEY] = FixedWindowRateLimiter(storage)


@cache
def _limit(text: str) -> RateLimitItem:
    return parse(text)


def _over_limit() -> bool:
    """Per address, SUGGEST_LIMIT (30 a minute unless configured) fixed windows, as before."""
    config = current_app.config
    if not config.get("RATELIMIT_ENABLED", True):
        return False
    limit = _limit(config.get("SUGGEST_LIMIT", SUBMIT_LIMIT))
    return not current_app.extensions[LIMIT_KEY].hit(limit, LIMIT_KEY, get_remote_address())


def _child():
    return current_user.member if current_user.is_authenticated and current_user.is_child \
        else None


@cache
def _cities() -> tuple[tuple[str, str], ...]:
    """Every shipped plan as (id, city): the plan files only change with a deploy."""
    return tuple((plan.id, plan.city) for plan in load_all())


def _form() -> SuggestForm:
    form = SuggestForm()
    form.plan_id.choices = list(_cities())
    member = _child()
    if member is not None:
        group = get_session().get(Group, member.group_id)
        form.plan_id.choices = [c for c in form.plan_id.choices if c[0] == group.plan_id]
    if not form.is_submitted():
        form.plan_id.data = form.plan_id.choices[0][0] if member else \
            current_app.config["DEFAULT_PLAN"]
        form.idempotency_key.data = secrets.token_urlsafe(24)
    return form


def _render(form: SuggestForm, status: int = 200, problem: str = ""):
    return render_template("suggest/form.html", form=form, problem=problem,
                           signed_in=_child() is not None, consent_needed=status == 403), status


def _waits_for_consent() -> bool:
    """A signed-in child under the consent age whose guardian has not agreed to this notice."""
    member = _child()
    return member is not None and consent.needs_consent(
        get_session(), member, notice_version=current_app.config["PRIVACY_NOTICE_VERSION"],
        consent_age=int(current_app.config["CONSENT_AGE"]))


@bp.route("/", methods=["GET"])
@public
def form():
    if _waits_for_consent():
        return redirect(url_for("mydata.consent"))
    return _render(_form())


def _draft(form: SuggestForm) -> tuple[Draft, Actor]:
    member = _child()
    draft = Draft(plan_id=form.plan_id.data, text=form.text.data.strip(),
                  place=(form.place.data or "").strip(),
                  group_id=member.group_id if member else None,
                  member_id=member.id if member else None,
                  consent_to_publish=bool(form.consent_to_publish.data),
                  idempotency_key=form.idempotency_key.data)
    actor = actor_for_member(member) if member else Actor(kind="code", name="小朋友")
    return draft, actor


@bp.route("/", methods=["POST"])
@public
def submit():
    if _over_limit():
        abort(429)
    form = _form()
    if not form.validate_on_submit():
        return _render(form, 400)
    if _waits_for_consent():
        return _render(form, 403, _(
            "你的爸爸妈妈（监护人）还没有同意童声的隐私规则，所以建议还不能送出。"
            "你写的内容还在，请先把“监护人同意”页给他们看。"))
    draft, actor = _draft(form)
    session = get_session()
    try:
        suggestion = take_suggestion(session, draft, actor, look_first=False)
    except IdempotencyConflict:
        session.rollback()
        form.idempotency_key.data = secrets.token_urlsafe(24)
        return _render(form, 422,
                       _("这个页面已经提交过别的建议了。你写的内容还在，请再点一次“送出”。"))
    except IntegrityError:
        # A second click raced the first one with the same key: show the one that was saved.
        session.rollback()
        suggestion = find_replay(session, draft)
        if suggestion is None:
            return _render(form, 503, _("没有保存成功。你写的内容还在，请再点一次“送出”。"))
    except SQLAlchemyError:
        session.rollback()
        current_app.logger.exception("suggestion not stored")
        return _render(form, 503, _("没有保存成功。你写的内容还在，请再点一次“送出”。"))
    return redirect(url_for("track.page", code=suggestion.tracking_code, new=1), code=303)
