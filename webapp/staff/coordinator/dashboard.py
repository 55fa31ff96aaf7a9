"""The coordinator's dashboard: rates, the agencies ranked, and a chart with its table for
each breakdown (domain, topic, agency, district, group, age band), with a CSV beside each."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta

from flask import Blueprint, Response, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from models.common import CHINA, utcnow
from models.files.pdfdoc import FontMissing
from models.office import dashboard, exports, figures, reports
from models.office.figures import Figures, Period
from models.people.tables import Role
from webapp.access import staff_required
from webapp.db import get_session
from webapp.files import send_document
from webapp.i18n import refused
from webapp.public.board import board_words

bp = Blueprint("dashboard", __name__, url_prefix="/coordinator/dashboard")
coordinator_only = staff_required(Role.COORDINATOR)
TITLES = {"agency_id": _l("按部门"), "domain": _l("按领域"), "topic": _l("按议题"),
          "district": _l("按区县"), "group_kind": _l("按小组（议事会、观察团）"),
          "age_band": _l("按年龄段")}
QUICK = {"7": _l("最近 7 天"), "30": _l("最近 30 天"), "90": _l("最近 90 天"), "": _l("全部")}


def _plan() -> str:
    return current_user.account.plan_id


def _day(name: str) -> date | None:
    value = request.args.get(name, "")
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _moment(day: date | None) -> datetime | None:
    """The start of a day in the city, so a period is read in local dates."""
    return datetime.combine(day, time.min, tzinfo=CHINA) if day else None


def chosen_days() -> tuple[date | None, date | None]:
    """The first and last day asked for (local dates); ``days=N`` is the last N days."""
    if request.args.get("days", "").isdigit():
        today = utcnow().astimezone(CHINA).date()
        return today - timedelta(days=int(request.args["days"]) - 1), today
    first, last = _day("from"), _day("to")
    if first and last and first > last:
        first, last = last, first
    return first, last


def chosen_period() -> Period:
    first, last = chosen_days()
    return Period(start=_moment(first), end=_moment(last + timedelta(days=1)) if last else None)


RATE_SERIES = (("on_time_sign", figures.ON_TIME_SIGN), ("on_time_answer", figures.ON_TIME_ANSWER),
               ("satisfaction", figures.SATISFACTION), ("return_rate", figures.RETURN_RATE))


def chart_data(rows: list[Figures]) -> dict:
    """What dashboard.js draws: the same rows and percentages as the table beside it."""
    return {"labels": [f.label for f in rows],
            "series": [{"name": _(definition.name),
                        "values": [getattr(f, name).percent for f in rows]}
                       for name, definition in RATE_SERIES],
            "percent": _("%")}


@bp.route("/")
@coordinator_only
def page():
    board = dashboard.translated(
        dashboard.build(get_session(), plan_id=_plan(), period=chosen_period()), _)
    first, last = chosen_days()
    return render_template(
        "coordinator/dashboard.html", board=board, titles=TITLES, quick=QUICK,
        first=first, last=last, days=request.args.get("days", ""),
        charts={b.key: chart_data(b.rows) for b in board.breakdowns},
        ranking_chart=chart_data(board.ranking), definitions=figures.STAFF_DEFINITIONS,
        **board_words())


def _csv_row(f: Figures) -> list[str]:
    def rate(ratio) -> str:
        return "" if ratio.percent is None else f"{ratio.percent}%"
    return [f.label, str(f.received), rate(f.on_time_sign), rate(f.on_time_answer),
            rate(f.satisfaction), rate(f.return_rate), str(f.overdue),
            *(str(f.adoption.get(weight, 0)) for weight in ADOPTION_KEYS)]


ADOPTION_KEYS = ("adopted", "partly", "not_adopted", "already_done")


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


@bp.route("/<key>.csv")
@coordinator_only
def csv(key: str):
    """One breakdown's table as CSV, the same rows the page shows."""
    if key not in TITLES:
        abort(404)
    found = dashboard.breakdown(get_session(), key, plan_id=_plan(), period=chosen_period())
    rows = [replace(f, label=_(f.label)) if f.label in dashboard.OWN_LABELS else f
            for f in found.rows]
    rows = rows if key != "agency_id" else dashboard.ranking(rows)
    header = [str(TITLES[key]), _("收到的建议"), _("按期签收率"), _("按期办结率"), _("满意率"),
              _("退单率"), _("超期件数"), _("采纳"), _("部分采纳"), _("暂不采纳"), _("已经在做")]
    body = exports.csv_stream([[_csv_row(f) for f in rows]], header=header)
    return Response(b"".join(body), mimetype="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f"attachment; filename=figures-{key}.csv"})
