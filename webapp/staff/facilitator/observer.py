"""Observer visits: a checklist per place, ratings with comments and photos, then suggestions."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from models.councils import observation, visit_report
from models.councils.checklists import RATINGS
from models.files.pdfdoc import FontMissing
from models.people.tables import Group
from webapp.db import get_session
from webapp.files import send_document
from webapp.forms.group import VisitForm
from webapp.i18n import refused
from webapp.staff.shared import facilitator_only, me, owned_group
from webapp.visiting import save_visit, send_visit_photo, start_visit

bp = Blueprint("observer", __name__, url_prefix="/facilitator/groups/<int:group_id>/visits")


def owned_visit(group_id: int, visit_id: int) -> tuple[Group, observation.Visit]:
    group = owned_group(group_id)
    return group, observation.group_visit(get_session(), group, visit_id) or abort(404)


@bp.route("/", methods=["GET", "POST"])
@facilitator_only
def visits(group_id: int):
    group = owned_group(group_id)
    form = VisitForm()
    visit = start_visit(form, group, account=me())
    if visit is not None:
        return redirect(url_for(".visit", group_id=group.id, visit_id=visit.id))
    status = 400 if form.errors else 200
    return render_template("observer/visits.html", group=group, form=form,
                           visits=observation.group_visits(get_session(), group)), status


def _visit_page(group, visit, errors: dict | None = None, status: int = 200):
    def photo_src(name: str) -> str:
        return url_for(".photo", group_id=group.id, visit_id=visit.id, name=name)

    return render_template("observer/visit.html", group=group, visit=visit,
                           checklist=observation.checklist_of(visit), ratings=RATINGS,
                           rows=observation.items(get_session(), visit), photo_src=photo_src,
                           errors=errors or {}), status


@bp.route("/<int:visit_id>")
@facilitator_only
def visit(group_id: int, visit_id: int):
    return _visit_page(*owned_visit(group_id, visit_id))


@bp.route("/<int:visit_id>", methods=["POST"])
@facilitator_only
def save(group_id: int, visit_id: int):
    group, visit = owned_visit(group_id, visit_id)
    errors = save_visit(visit, notes=request.form.get("notes", ""))
    if errors:
        flash(_("有的照片没有存上，请看下面的提示。其他内容已保存。") if "_" not in errors
              else errors["_"])
        return _visit_page(group, visit, errors, 400)
    flash(_("观察记录已保存。"))
    return redirect(url_for(".visit", group_id=group.id, visit_id=visit.id))


@bp.route("/<int:visit_id>/suggest", methods=["POST"])
@facilitator_only
def suggest(group_id: int, visit_id: int):
    group, visit = owned_visit(group_id, visit_id)
    try:
        made = observation.to_suggestions(get_session(), visit=visit, account=me())
    except observation.VisitProblem as problem:
        flash(refused(problem))
        return _visit_page(group, visit, status=400)
    flash(_("%(n)d 条“需要改进”已经变成建议，放进了审核队列。", n=len(made)) if made
          else _("这些项目已经变成建议了。"))
    return redirect(url_for(".visit", group_id=group.id, visit_id=visit.id))


@bp.route("/<int:visit_id>/report")
@facilitator_only
def report(group_id: int, visit_id: int):
    group, visit = owned_visit(group_id, visit_id)
    return render_template("observer/report.html", group=group, visit=visit,
                           checklist=observation.checklist_of(visit), ratings=RATINGS,
                           rows=observation.items(get_session(), visit))


@bp.route("/<int:visit_id>/report.<kind>")
@facilitator_only
def report_file(group_id: int, visit_id: int, kind: str):
    group, visit = owned_visit(group_id, visit_id)
    if kind not in ("pdf", "docx"):
        abort(404)
    try:
        data = (visit_report.report_pdf if kind == "pdf" else visit_report.report_docx)(
            get_session(), visit)
    except FontMissing as problem:
        flash(refused(problem))
        return redirect(url_for(".report", group_id=group.id, visit_id=visit.id))
    return send_document(data, kind, f"visit-{visit.id}")


@bp.route("/<int:visit_id>/photos/<name>")
@facilitator_only
def photo(group_id: int, visit_id: int, name: str):
    """A visit photo, only for the facilitators of the group that took it."""
    _group, visit = owned_visit(group_id, visit_id)
    return send_visit_photo(visit, name)
