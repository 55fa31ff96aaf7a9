"""Each agency's and each facilitator's own dashboard: an agency's clerks see their agency's
figures (by domain, plan task, district and age band), a facilitator their groups' (by group
and age band), both over a chosen period with the trend; the coordinator opens any of them."""

from __future__ import annotations

from flask import Blueprint, abort, redirect, render_template, request, url_for
from flask_babel import lazy_gettext as _l

from models.office import dashboard, figures, group_figures, snapshots
from models.people.tables import Role
from webapp.access import staff_required
from webapp.db import get_session
from webapp.public.board import board_words
from webapp.staff import figures_shared as shared
from webapp.staff.shared import me

bp = Blueprint("dashboards", __name__, url_prefix="/dashboards")
agency_view = staff_required(Role.AGENCY_STAFF, Role.COORDINATOR)
facilitator_view = staff_required(Role.FACILITATOR, Role.COORDINATOR)
TITLES = {"domain": _l("按领域"), "task_id": _l("按方案任务"), "district": _l("按区县"),
          "age_band": _l("按年龄段"), "group_id": _l("按小组"), "step": _l("趋势")}


def _agency(agency_id: int):
    return dashboard.viewable_agency(get_session(), me(), agency_id) or abort(404)


def _facilitator(account_id: int):
    return dashboard.viewable_facilitator(get_session(), me(), account_id) or abort(404)


def _agency_read(agency_id: int) -> snapshots.Read:
    first, last = shared.chosen_days()
    return snapshots.read(get_session(), plan_id=me().plan_id, first=first, last=last,
                          agency_id=agency_id)


def _agency_board(agency_id: int) -> dashboard.Dashboard:
    return shared.readable(_agency_read(agency_id).board)


def _facilitator_board(account_id: int) -> dashboard.Dashboard:
    first, last = shared.chosen_days()
    groups = list(group_figures.facilitator_groups(get_session(), account_id))
    return shared.readable(dashboard.build_for_groups(
        get_session(), groups, plan_id=me().plan_id, first=first, last=last))


def _page(template: str, board, charts: dict, **more):
    first, last = shared.chosen_days()
    return render_template(template, board=board, charts=charts, titles=TITLES,
                           presets=shared.PRESETS, units=shared.UNITS, first=first, last=last,
                           period=shared.period_args(), **more, **board_words())


@bp.route("/agency/")
@agency_view
def agency_pick():
    """Agency staff: their own agency's view; the coordinator: the one chosen."""
    chosen = me().agency_id if me().role == Role.AGENCY_STAFF else \
        request.args.get("agency", type=int)
    if chosen is None:
        return redirect(url_for("dashboard.page"))
    return redirect(url_for(".agency", agency_id=chosen, **shared.period_args()))


@bp.route("/agency/<int:agency_id>/")
@agency_view
def agency(agency_id: int):
    found = _agency(agency_id)
    counted = _agency_read(agency_id)
    board = shared.readable(counted.board)
    return _page("dashboards/agency.html", board, shared.agency_charts(board), agency=found,
                 definitions=figures.AGENCY_DEFINITIONS,
                 counted_at=shared.local_time(counted.computed_at))


@bp.route("/agency/<int:agency_id>/<key>.<fmt>")
@agency_view
def agency_export(agency_id: int, key: str, fmt: str):
    _agency(agency_id)
    if key not in TITLES or key == "group_id":
        abort(404)
    return shared.export(_agency_board(agency_id), key, fmt, str(TITLES[key]),
                         shared.agency_table, f"agency-{agency_id}")


@bp.route("/facilitator/")
@facilitator_view
def facilitator_pick():
    """A facilitator: their own view; the coordinator: the one chosen."""
    chosen = me().id if me().role == Role.FACILITATOR else \
        request.args.get("facilitator", type=int)
    if chosen is None:
        return redirect(url_for("dashboard.page"))
    return redirect(url_for(".facilitator", account_id=chosen, **shared.period_args()))


@bp.route("/facilitator/<int:account_id>/")
@facilitator_view
def facilitator(account_id: int):
    found = _facilitator(account_id)
    board = _facilitator_board(account_id)
    return _page("dashboards/facilitator.html", board, shared.group_charts(board),
                 facilitator=found, definitions=group_figures.DEFINITIONS, G=group_figures)


@bp.route("/facilitator/<int:account_id>/<key>.<fmt>")
@facilitator_view
def facilitator_export(account_id: int, key: str, fmt: str):
    _facilitator(account_id)
    if key not in ("group_id", "age_band", "step"):
        abort(404)
    return shared.export(_facilitator_board(account_id), key, fmt, str(TITLES[key]),
                         shared.group_table, f"facilitator-{account_id}")
