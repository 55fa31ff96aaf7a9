"""The facilitator's workspace: home, groups, members and guardian consent — only their own."""

from __future__ import annotations

import base64
import io

import qrcode
from flask import (
    Blueprint,
    abort,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _

from models import paging
from models.councils import facilitation
from models.people import consent, groups, pin_guard
from models.people.groups import GroupProblem, Leaving
from models.people.tables import Group, GroupKind, GroupLevel, Member
from models.privacy import scope
from models.suggestions import moderation
from models.suggestions.tables import Suggestion
from webapp.db import get_session
from webapp.forms.group import ButtonForm, ConsentForm, GroupForm, LeaveForm, MemberForm
from webapp.i18n import refused
from webapp.security import audit
from webapp.staff.shared import facilitator_only, me, owned_group, rules  # noqa: F401

bp = Blueprint("facilitator", __name__, url_prefix="/facilitator")


def owned_member(group: Group, member_id: int) -> Member:
    return groups.group_member(get_session(), group, member_id) or abort(404)


@bp.route("/")
@facilitator_only
def home():
    return render_template("facilitator/home.html", home=facilitation.home(get_session(), me()))


@bp.route("/groups/new", methods=["GET", "POST"])
@facilitator_only
def new_group():
    form = GroupForm()
    if form.validate_on_submit():
        group = groups.create_group(get_session(), account=me(), name=form.name.data,
                                    kind=GroupKind(form.kind.data),
                                    level=GroupLevel(form.level.data),
                                    district=form.district.data or "")
        flash(_("小组建好了。把邀请码或海报发给孩子们吧。"))
        return redirect(url_for(".group", group_id=group.id))
    return render_template("facilitator/group_form.html", form=form, group=None)


@bp.route("/groups/<int:group_id>/edit", methods=["GET", "POST"])
@facilitator_only
def edit_group(group_id: int):
    group = owned_group(group_id)
    form = GroupForm(obj=group)
    del form.kind
    if form.validate_on_submit():
        groups.update_group(get_session(), group=group, name=form.name.data,
                            level=GroupLevel(form.level.data), is_active=form.is_active.data,
                            district=form.district.data or "")
        flash(_("已保存。"))
        return redirect(url_for(".group", group_id=group.id))
    return render_template("facilitator/group_form.html", form=form, group=group)


@bp.route("/groups/<int:group_id>")
@facilitator_only
def group(group_id: int):
    session = get_session()
    found = owned_group(group_id)
    members = scope.group_members(session, found)
    waiting = consent.waiting_members(session, members, **rules())
    newest = scope.group_suggestions(found).order_by(
        Suggestion.urgent.desc(), Suggestion.created_at.desc(), Suggestion.id.desc())
    return render_template("facilitator/group.html", group=found, members=members,
                           waiting=waiting, age_band=consent.age_band,
                           meetings=scope.group_meetings(session, found),
                           suggestions=paging.page(session, newest,
                                                   paging.PageRequest.from_args(request.args)),
                           queue_count=paging.count(session, moderation.review_query(
                               scope.group_suggestions(found))))


@bp.route("/groups/<int:group_id>/code", methods=["POST"])
@facilitator_only
def new_code(group_id: int):
    code = groups.new_invite_code(get_session(), group=owned_group(group_id))
    flash(_("新的邀请码是 %(code)s，旧的已经不能用了。", code=code))
    return redirect(url_for(".group", group_id=group_id))


def qr_data_url(text: str) -> str:
    """A QR code as a data: URL, so the poster needs no extra request."""
    image = qrcode.make(text, box_size=10, border=2)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return "data:image/png;base64," + base64.b64encode(out.getvalue()).decode()


@bp.route("/groups/<int:group_id>/poster")
@facilitator_only
def poster(group_id: int):
    group = owned_group(group_id)
    link = url_for("auth.child_join", code=group.invite_code, _external=True)
    return render_template("facilitator/poster.html", group=group, link=link,
                           qr=qr_data_url(link))


@bp.route("/groups/<int:group_id>/members/new", methods=["GET", "POST"])
@facilitator_only
def new_member(group_id: int):
    group = owned_group(group_id)
    form = MemberForm()
    if form.validate_on_submit():
        try:
            member = groups.add_member(get_session(), group=group, nickname=form.nickname.data,
                                       birth_year=form.birth_year.data,
                                       birth_month=form.birth_month.data, pin=form.pin.data)
        except GroupProblem as problem:
            form.nickname.errors.append(refused(problem))
        else:
            flash(_("%(name)s 加入了小组。", name=member.nickname))
            return redirect(url_for(".member", group_id=group.id, member_id=member.id))
    return render_template("facilitator/member_form.html", form=form, group=group)


def _member_page(group: Group, member: Member, consent_form=None, leave_form=None,
                 new_pin: str = ""):
    session = get_session()
    return render_template(
        "facilitator/member.html", group=group, member=member, new_pin=new_pin,
        barred=pin_guard.barred(member), button=ButtonForm(),
        age_band=consent.age_band(member), history=consent.consent_history(session, member),
        waiting=consent.needs_consent(session, member, **rules()),
        held=consent.held_suggestions(session, member),
        suggestions=scope.member_suggestions(session, member),
        consent_form=consent_form or ConsentForm(), leave_form=leave_form or LeaveForm(),
        notice_version=rules()["notice_version"])


@bp.route("/groups/<int:group_id>/members/<int:member_id>")
@facilitator_only
def member(group_id: int, member_id: int):
    group = owned_group(group_id)
    return _member_page(group, owned_member(group, member_id))


@bp.route("/groups/<int:group_id>/members/<int:member_id>/consent", methods=["POST"])
@facilitator_only
def record_consent(group_id: int, member_id: int):
    group = owned_group(group_id)
    member = owned_member(group, member_id)
    form = ConsentForm()
    if not form.validate_on_submit():
        return _member_page(group, member, consent_form=form), 400
    session = get_session()
    consent.record_consent(session, member=member, given_by=form.given_by.data,
                           method=form.method.data, notice_version=rules()["notice_version"],
                           recorded_by=me())
    sent = moderation.release_held(session, member=member, account=me(), **rules())
    done = _("等待中的 %(n)d 条建议已送出。", n=len(sent)) if sent else ""
    flash(_("已记录监护人同意。") + done)
    return redirect(url_for(".member", group_id=group.id, member_id=member.id))


@bp.route("/groups/<int:group_id>/members/<int:member_id>/unlock", methods=["POST"])
@facilitator_only
def unlock(group_id: int, member_id: int):
    """The facilitator knows the child: lift the lock that wrong PINs put on."""
    group = owned_group(group_id)
    member = owned_member(group, member_id)
    if ButtonForm().validate_on_submit():
        pin_guard.lift(get_session(), member)
        audit("pin_unlocked")
        flash(_("已解锁，%(name)s 可以再试着登录了。", name=member.nickname))
    return redirect(url_for(".member", group_id=group.id, member_id=member.id))


@bp.route("/groups/<int:group_id>/members/<int:member_id>/pin", methods=["POST"])
@facilitator_only
def new_pin(group_id: int, member_id: int):
    """A child forgot their PIN: a new one, shown on this page once and never stored readable."""
    group = owned_group(group_id)
    member = owned_member(group, member_id)
    if not ButtonForm().validate_on_submit():
        return redirect(url_for(".member", group_id=group.id, member_id=member.id))
    pin = pin_guard.reset_pin(get_session(), member)
    audit("pin_reset")
    return _member_page(group, member, new_pin=pin)


@bp.route("/groups/<int:group_id>/members/<int:member_id>/leave", methods=["POST"])
@facilitator_only
def remove_member(group_id: int, member_id: int):
    group = owned_group(group_id)
    member = owned_member(group, member_id)
    form = LeaveForm()
    if not form.validate_on_submit():
        return _member_page(group, member, leave_form=form), 400
    try:
        groups.remove_member(get_session(), member=member, leaving=Leaving(form.leaving.data),
                             actor=me())
    except GroupProblem as problem:
        flash(refused(problem))
    else:
        flash(_("%(name)s 已离开小组。", name=member.nickname))
    return redirect(url_for(".group", group_id=group.id))
