"""The coordinator's places on the map: add one, change one, import a CSV table of them."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from models.people.tables import Role
from models.places import places
from models.places.tables import KIND_NAMES, Place
from webapp.access import staff_required
from webapp.db import get_session
from webapp.forms.places import PlaceForm, PlaceImportForm
from webapp.i18n import refused

bp = Blueprint("places_admin", __name__, url_prefix="/coordinator/manage/places")
coordinator_only = staff_required(Role.COORDINATOR)
MAX_TABLE = 1_000_000


def _plan_id() -> str:
    return current_user.account.plan_id


def _render(form: PlaceForm, upload: PlaceImportForm, status: int = 200, problems=()):
    return render_template("places/manage.html", form=form, upload=upload, kinds=KIND_NAMES,
                           places=places.city_places(get_session(), _plan_id()),
                           problems=problems), status


def _data(form: PlaceForm) -> places.PlaceInput:
    return places.checked(form.name.data, form.kind.data, form.district.data or "",
                          form.lat.data, form.lng.data)


def _stored(form: PlaceForm, place: Place | None = None) -> bool:
    """The form's place saved, or its refusal shown on the form."""
    try:
        places.save(get_session(), _plan_id(), _data(form), place)
    except places.PlaceProblem as problem:
        form.name.errors = [*form.name.errors, refused(problem)]
        return False
    return True


@bp.route("/")
@coordinator_only
def page():
    return _render(PlaceForm(), PlaceImportForm())


@bp.route("/add", methods=["POST"])
@coordinator_only
def add():
    form = PlaceForm()
    if form.validate_on_submit() and _stored(form):
        flash(_("地点已加到地图上。"))
        return redirect(url_for(".page"), code=303)
    return _render(form, PlaceImportForm(), 400)


def _own(place_id: int) -> Place:
    return places.city_place(get_session(), _plan_id(), place_id) or abort(404)


@bp.route("/<int:place_id>", methods=["GET", "POST"])
@coordinator_only
def edit(place_id: int):
    found = _own(place_id)
    form = PlaceForm(obj=found)
    if form.validate_on_submit() and _stored(form, found):
        flash(_("地点已修改。"))
        return redirect(url_for(".page"), code=303)
    status = 400 if form.is_submitted() else 200
    return render_template("places/edit.html", form=form, place=found), status


@bp.route("/import", methods=["POST"])
@coordinator_only
def import_table():
    upload = PlaceImportForm()
    if not upload.validate_on_submit():
        return _render(PlaceForm(), upload, 400)
    try:
        text = upload.table.data.read(MAX_TABLE + 1).decode("utf-8")
        if len(text) > MAX_TABLE:
            raise UnicodeError
        stored, problems = places.import_csv(get_session(), _plan_id(), text)
    except UnicodeError:
        upload.table.errors = [_("表格要用 UTF-8 编码的 CSV，并且小于 1 MB。")]
        return _render(PlaceForm(), upload, 400)
    except places.PlaceProblem as problem:
        upload.table.errors = [refused(problem)]
        return _render(PlaceForm(), upload, 400)
    if problems:
        return _render(PlaceForm(), upload, 400, problems)
    flash(_("已导入 %(n)s 个地点。", n=stored))
    return redirect(url_for(".page"), code=303)
