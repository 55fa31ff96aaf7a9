"""The plain suggestion form: no sign-in needed, one suggestion per click, nothing typed is lost."""

from __future__ import annotations

import secrets
from functools import cache

from flask import Blueprint, current_app, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from models import consent
from models.intake import Taken, take_words
from models.lifecycle import Actor, Draft, IdempotencyConflict, actor_for_member, find_replay
from models.people import Group
from models.plan import load_all
from models.safeguarding import SafeguardingCase

from .access import public
from .chat_case import to_case_chat
from .db import get_session
from .flow_forms import SuggestForm
from .ratelimit import over_limit

bp = Blueprint("suggest", __name__, url_prefix="/suggest")
SUBMIT_LIMIT = "30 per minute"


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
    form = _form()
    if over_limit("suggest.submit", current_app.config.get("SUGGEST_LIMIT", SUBMIT_LIMIT)):
        return _render(form, 429, _("你送得太快啦，请等一分钟再点“送出”。你写的内容还在。"))
    if not form.validate_on_submit():
        return _render(form, 400)
    if _waits_for_consent():
        return _render(form, 403, _(
            "你的爸爸妈妈（监护人）还没有同意童声的隐私规则，所以建议还不能送出。"
            "你写的内容还在，请先把“监护人同意”页给他们看。"))
    draft, actor = _draft(form)
    session = get_session()
    try:
        taken = take_words(session, draft, actor, thread=f"form:{draft.idempotency_key}",
                           look_first=False)
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
            current_app.logger.exception("suggestion not stored")
            return _render(form, 503, _("没有保存成功。你写的内容还在，请再点一次“送出”。"))
        taken = Taken(suggestion, session.get(SafeguardingCase, suggestion.case_id)
                      if suggestion.case_id else None)
    except SQLAlchemyError:
        session.rollback()
        current_app.logger.exception("suggestion not stored")
        return _render(form, 503, _("没有保存成功。你写的内容还在，请再点一次“送出”。"))
    if taken.in_case:
        return to_case_chat(taken.case, member_id=draft.member_id)
    return redirect(url_for("track.page", code=taken.suggestion.tracking_code, new=1), code=303)
