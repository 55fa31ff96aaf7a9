"""What the facilitator's visit pages and the observer children's share: start, save, photos."""

from __future__ import annotations

from flask import request

from models.councils import observation
from models.files.photos import PhotoRejected, store_photo
from models.people.tables import Group
from webapp.db import get_session
from webapp.files import send_photo
from webapp.i18n import refused


def start_visit(form, group: Group, **who) -> observation.Visit | None:
    """A new visit from the form, or None with the reason shown under the place."""
    if not form.validate_on_submit():
        return None
    try:
        return observation.start(get_session(), group=group, checklist=form.checklist.data,
                                 place_name=form.place_name.data,
                                 visited_on=form.visited_on.data, **who)
    except observation.VisitProblem as problem:
        form.place_name.errors.append(refused(problem))
        return None


def entries_from_form(visit) -> tuple[list[observation.Entry], dict]:
    """Read every item of the form; a refused photo is reported, the rest is kept."""
    entries, errors = [], {}
    for item in observation.checklist_of(visit).items:
        upload = request.files.get(f"photo-{item.key}")
        name = None
        if upload and upload.filename:
            try:
                name = store_photo(get_session(), upload.read())
            except PhotoRejected as rejected:
                errors[item.key] = str(rejected)
        entries.append(observation.Entry(item.key, request.form.get(f"rating-{item.key}") or None,
                                         request.form.get(f"comment-{item.key}", ""), name))
    return entries, errors


def save_visit(visit, **details) -> dict:
    """Save every rating, comment and photo; the errors to show, "_" for the whole visit.

    A form kept on a device while offline carries an idempotency key: sent twice (a retry,
    a second tab), it changes the visit once.
    """
    entries, errors = entries_from_form(visit)
    try:
        observation.save(get_session(), visit=visit, entries=entries,
                         key=request.form.get("idempotency_key") or None, **details)
    except observation.VisitProblem as problem:
        get_session().rollback()
        errors["_"] = refused(problem)
    return errors


def send_visit_photo(visit, name: str):
    """A photo of this visit, and nothing else."""
    return send_photo(name, {row.photo for row in observation.items(get_session(), visit)})
