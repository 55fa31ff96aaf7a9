"""Observer children on their phones: start a visit, rate each item, make suggestions."""

from __future__ import annotations

from datetime import date

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from models.councils import observation
from models.councils.checklists import RATINGS
from models.people import consent
from models.people.tables import Group, GroupKind
from models.safety import case_talk, safeguarding
from webapp.access import child_required
from webapp.db import get_session
from webapp.forms.group import VisitForm
from webapp.i18n import refused
from webapp.visiting import save_visit, send_visit_photo, start_visit

bp = Blueprint("group_visits", __name__, url_prefix="/group/visits")


def child():
    return current_user.member


def observer_group() -> Group:
    """The child's own group, if it is an observer group; councils have no visits here."""
    group = get_session().get(Group, child().group_id)
    return group if group.kind == GroupKind.OBSERVER else abort(404)


def my_visit(visit_id: int) -> observation.Visit:
    return observation.group_visit(get_session(), observer_group(), visit_id) or abort(404)


@bp.route("/", methods=["GET", "POST"])
@child_required
def visits():
    group = observer_group()
    form = VisitForm()
    if not form.is_submitted():
        form.visited_on.data = date.today()
    visit = start_visit(form, group, member=child())
    if visit is not None:
        return redirect(url_for(".visit", visit_id=visit.id))
    return render_template("group/visits.html", group=group, form=form,
                           visits=observation.group_visits(get_session(), group)), \
        400 if form.errors else 200


def _page(visit, errors: dict | None = None, status: int = 200):
    def photo_src(name: str) -> str:
        return url_for(".photo", visit_id=visit.id, name=name)

    session = get_session()
    rows = observation.items(session, visit)
    case = safeguarding.case_for_thread(session, observation.thread(visit, child()))
    talk = case_talk.ensure_conversation(session, case, member_id=child().id) if case else None
    return render_template("group/visit.html", visit=visit, rows=rows, ratings=RATINGS,
                           case=case, chat_url=url_for("chat.page", conversation_id=talk.id)
                           if talk else None,
                           checklist=observation.checklist_of(visit), photo_src=photo_src,
                           errors=errors or {},
                           waiting=[r for r in rows if r.rating == "needs_work"
                                    and not r.suggestion_id]), status


@bp.route("/<int:visit_id>")
@child_required
def visit(visit_id: int):
    return _page(my_visit(visit_id))


@bp.route("/<int:visit_id>", methods=["POST"])
@child_required
def save(visit_id: int):
    visit = my_visit(visit_id)
    errors = save_visit(visit, member=child(), notes=visit.notes)
    if errors:
        flash(errors.get("_") or _("有的照片没有存上，请看下面的提示。其他内容已经存好了。"))
        return _page(visit, errors, 400)
    flash(_("存好啦！"))
    return redirect(url_for(".visit", visit_id=visit.id))


@bp.route("/<int:visit_id>/suggest", methods=["POST"])
@child_required
def suggest(visit_id: int):
    visit = my_visit(visit_id)
    try:
        made = observation.to_suggestions(get_session(), visit=visit, member=child())
    except observation.VisitProblem as problem:
        flash(refused(problem))
        return _page(visit, status=400)
    flash(_("%(n)d 条“需要改进”变成了建议，辅导员看过以后就会送到负责的部门。", n=len(made))
          if made else _("这些项目已经变成建议了。"))
    if any(consent.is_held(get_session(), item) for item in made):
        flash(_("你的爸爸妈妈（监护人）还没有同意，所以你的建议要先等一等，他们同意以后才会送出去。"))
    return redirect(url_for(".visit", visit_id=visit.id))


@bp.route("/<int:visit_id>/photos/<name>")
@child_required
def photo(visit_id: int, name: str):
    """A photo of the child's own group's visit, and nothing else."""
    return send_visit_photo(my_visit(visit_id), name)
