"""The coordinator's dashboard: the city's rates, the agencies ranked, the trend by week or
month and each breakdown (agency, domain, plan task, topic, district, group, age band), each
with a chart, its table and an export; links to every agency's and facilitator's own view."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from models.common import CHINA, utcnow
from models.files.pdfdoc import FontMissing
from models.office import dashboard, figures, group_figures, reports, snapshots
from models.people.tables import Role
from webapp.access import staff_required
from webapp.db import get_session
from webapp.files import send_document
from webapp.i18n import refused
from webapp.public.board import board_words
from webapp.staff import figures_shared as shared

bp = Blueprint("dashboard", __name__, url_prefix="/coordinator/dashboard")
coordinator_only = staff_required(Role.COORDINATOR)
TITLES = {"agency_id": _l("按部门"), "domain": _l("按领域"), "task_id": _l("按方案任务"),
          "topic": _l("按议题"), "district": _l("按区县"), "group_id": _l("按小组"),
          "group_kind": _l("按小组类型（议事会、观察团）"), "age_band": _l("按年龄段"),
          "step": _l("趋势"), "ranking": _l("部门排名")}
QUICK = {"7": _l("最近 7 天"), "30": _l("最近 30 天"), "90": _l("最近 90 天")}


def _plan() -> str:
    return current_user.account.plan_id


def _read() -> snapshots.Read:
    first, last = shared.chosen_days()
    return snapshots.read(get_session(), plan_id=_plan(), first=first, last=last)


def _board() -> dashboard.Dashboard:
    return shared.readable(_read().board)


@bp.route("/")
@coordinator_only
def page():
    found, session = _read(), get_session()
    board = shared.readable(found.board)
    first, last = shared.chosen_days()
    return render_template(
        "coordinator/dashboard.html", board=board, titles=TITLES, quick=QUICK,
        presets=shared.PRESETS, first=first, last=last, units=shared.UNITS,
        charts=shared.agency_charts(board), definitions=figures.STAFF_DEFINITIONS,
        agencies=figures.agencies_led(session, _plan()),
        facilitators=group_figures.facilitators(session, _plan()),
        period=shared.period_args(), counted_at=shared.local_time(found.computed_at),
        **board_words())


@bp.route("/report/<kind>.<fmt>")
@coordinator_only
def report(kind: str, fmt: str):
    """The last whole week's or month's report for the leadership, as Excel or PDF."""
    if kind not in reports.KINDS or fmt not in ("xlsx", "pdf"):
        abort(404)
    found = reports.build(get_session(), _plan(), kind, utcnow().astimezone(CHINA).date())
    try:
        data = reports.to_xlsx(found) if fmt == "xlsx" else reports.to_pdf(found)
    except FontMissing as problem:
        flash(refused(problem))
        return redirect(url_for(".page"))
    return send_document(data, fmt, f"report-{kind}-{found.first:%Y%m%d}")


@bp.route("/<key>.<fmt>")
@coordinator_only
def export(key: str, fmt: str):
    """One table of the page as CSV or Excel, the same rows the page shows."""
    if key not in TITLES:
        abort(404)
    return shared.export(_board(), key, fmt, str(TITLES[key]), shared.agency_table, "figures")
