"""The plain suggestion form: no sign-in needed, one suggestion per click, nothing typed is lost."""

from __future__ import annotations

import secrets
from functools import cache

from flask import (
    Blueprint,
    current_app,
    make_response,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy.exc import SQLAlchemyError

from models.assistant.steps import ADULT_BAND
from models.people import consent
from models.people.tables import Group
from models.places.places import city_place
from models.plans.plan import load_all
from models.suggestions.intake import hold_for_age, take_words
from models.suggestions.lifecycle import Actor, Draft, IdempotencyConflict, actor_for_member
from webapp.access import public
from webapp.db import commit, get_session
from webapp.forms.flow import SuggestForm
from webapp.owner import key_hash
from webapp.public.chat_case import to_case_chat
from webapp.ratelimit import client_address, configured, limiter

bp = Blueprint("suggest", __name__, url_prefix="/suggest")


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
        _picked(form)
    return form


def _picked(form: SuggestForm) -> None:
    """Back from the map: the place picked fills "在哪里", in its own city."""
    cities = {plan_id for plan_id, _city in form.plan_id.choices}
    plan_id = request.args.get("plan") if request.args.get("plan") in cities \
        else form.plan_id.data
    found = city_place(get_session(), plan_id, request.args.get("place", type=int))
    if found is not None:
        form.plan_id.data, form.place.data, form.place_id.data = plan_id, found.name, found.id


def _place_id(form: SuggestForm) -> int | None:
    """The map's place, while "在哪里" still says it (a child may have typed another since)."""
    found = city_place(get_session(), form.plan_id.data, int(form.place_id.data or 0))
    place = (form.place.data or "").strip()
    return found.id if found is not None and place.startswith(found.name) else None


def _render(form: SuggestForm, status: int = 200, problem: str = ""):
    return render_template("suggest/form.html", form=form, problem=problem,
                           signed_in=_child() is not None,
                           waits_for_guardian=_waits_for_consent()), status


def _waits_for_consent() -> bool:
    """A signed-in child under the consent age whose guardian has not agreed to this notice."""
    member = _child()
    return member is not None and consent.needs_consent(
        get_session(), member, notice_version=current_app.config["PRIVACY_NOTICE_VERSION"],
        consent_age=int(current_app.config["CONSENT_AGE"]))


def _submitter() -> str:
    """Who is sending: a signed-in child, else this device's key (never created here)."""
    member = _child()
    if member is not None:
        return f"member|{member.id}"
    return f"device|{request.cookies.get('ts_owner') or client_address()}"


def _too_fast(_limit):
    return make_response(_render(
        _form(), 429, _("你送得太快啦，请等一分钟再点“送出”。你写的内容还在。")))


@bp.route("/", methods=["GET"])
@public
def form():
    if _child() is None:
        key_hash()  # the device gets its key now, so each child in a classroom counts alone
    return _render(_form())


def _draft(form: SuggestForm) -> tuple[Draft, Actor]:
    member = _child()
    draft = Draft(plan_id=form.plan_id.data, text=form.text.data.strip(),
                  place=(form.place.data or "").strip(), place_id=_place_id(form),
                  group_id=member.group_id if member else None,
                  member_id=member.id if member else None,
                  consent_to_publish=bool(form.consent_to_publish.data),
                  idempotency_key=form.idempotency_key.data,
                  owner_key_hash=None if member else key_hash())
    actor = actor_for_member(member) if member else Actor(kind="code", name="小朋友")
    return draft, actor


def _hold_if_young(session, suggestion, band: str | None) -> None:
    """A child without an account under 14, or who did not say, waits for a guardian's OK
    exactly as in the chat (``hold_for_age`` leaves a signed-in child's item alone)."""
    if suggestion is not None and band != ADULT_BAND:
        hold_for_age(session, suggestion, band or "unknown")


@bp.route("/", methods=["POST"])
@public
@limiter.limit(configured("SUGGEST_LIMIT"), key_func=_submitter, on_breach=_too_fast)
@limiter.limit(configured("SUGGEST_ADDRESS_LIMIT"), on_breach=_too_fast)
def submit():
    form = _form()
    if not form.validate_on_submit():
        return _render(form, 400)
    draft, actor = _draft(form)
    session = get_session()
    try:
        taken = take_words(session, draft, actor, thread=f"form:{draft.idempotency_key}",
                           look_first=False)
        _hold_if_young(session, taken.suggestion, form.age_band.data)
        commit(session)  # the suggestion and its safeguarding case, together or not at all
    except IdempotencyConflict:
        session.rollback()
        form.idempotency_key.data = secrets.token_urlsafe(24)
        return _render(form, 422,
                       _("这个页面已经提交过别的建议了。你写的内容还在，请再点一次“送出”。"))
    except SQLAlchemyError:  # a second click racing the first is answered by take_suggestion
        session.rollback()
        current_app.logger.exception("suggestion not stored")
        return _render(form, 503, _("没有保存成功。你写的内容还在，请再点一次“送出”。"))
    if taken.in_case:
        return to_case_chat(taken.case, member_id=draft.member_id)
    return redirect(url_for("track.page", code=taken.suggestion.tracking_code, new=1), code=303)
