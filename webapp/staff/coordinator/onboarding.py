"""Nothing vanishes: the agencies nobody can sign in for, and agency staff onboarded in bulk
from a CSV or Excel sheet (checked row by row before anyone is created)."""

from __future__ import annotations

from flask import Blueprint, render_template
from flask_login import current_user

from models.notices.unreachable import unstaffed_agencies
from models.people import staff_import
from models.people.tables import Role
from webapp.access import staff_required
from webapp.db import get_session
from webapp.forms.dispatching import StaffSheetForm

bp = Blueprint("onboarding", __name__, url_prefix="/coordinator/agencies")
coordinator_only = staff_required(Role.COORDINATOR)


def _plan() -> str:
    return current_user.account.plan_id


@bp.route("/no-account")
@coordinator_only
def no_account():
    """Every agency of the city with no active account, those holding open items first."""
    return render_template("coordinator/no_account.html",
                           found=unstaffed_agencies(get_session(), _plan()))


@bp.route("/staff-import", methods=["GET", "POST"])
@coordinator_only
def staff_import_page():
    """Upload a sheet: every row checked; created only when all are right and asked for."""
    form = StaffSheetForm()
    rows, created, problem = [], [], ""
    if form.validate_on_submit():
        upload = form.sheet.data
        session = get_session()
        try:
            rows = staff_import.check(session, _plan(), staff_import.read_sheet(
                upload.read(), upload.filename or ""))
            if not form.only_check.data and not any(r.problems for r in rows):
                created = staff_import.import_staff(session, _plan(), rows)
        except staff_import.SheetProblem as found:
            session.rollback()
            problem = str(found)
    status = 400 if problem or any(r.problems for r in rows) or form.errors else 200
    return render_template("coordinator/staff_import.html", form=form, rows=rows,
                           created=created, problem=problem), status
