"""What every dashboard page needs (the coordinator's, an agency's, a facilitator's), kept
out of the blueprints so none imports another's: the period read from the query string, the
charts' data and each table as CSV or Excel. The numbers come from ``models.office``."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from flask import Response, abort, request
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from models.common import CHINA, utcnow
from models.office import exports, figures, group_figures, periods
from models.office.dashboard import Dashboard, translated
from webapp.files import DOCUMENT_TYPES

PRESETS = {key: _l(label) for key, label in periods.PRESETS.items()}
ADOPTION_KEYS = ("adopted", "partly", "not_adopted", "already_done")
ADOPTION_NAMES = (_l("采纳"), _l("部分采纳"), _l("暂不采纳"), _l("已经在做"))
UNITS = {"week": _l("每周"), "month": _l("每月")}
RATE_SERIES = (("on_time_sign", figures.ON_TIME_SIGN), ("on_time_answer", figures.ON_TIME_ANSWER),
               ("satisfaction", figures.SATISFACTION), ("return_rate", figures.RETURN_RATE))
GROUP_RATES = (("answer_rate", _l("答复率")), ("satisfaction", _l("满意率")))
GROUP_COUNTS = (("made", group_figures.MADE), ("consent_waiting", group_figures.CONSENT_WAITING),
                ("sent", group_figures.SENT), ("answered", group_figures.ANSWERED))


def today() -> date:
    return utcnow().astimezone(CHINA).date()


def local_time(moment: datetime | None) -> str | None:
    """A snapshot's time as the city reads it (HH:MM), None when counted just now."""
    return None if moment is None else f"{moment.astimezone(CHINA):%H:%M}"


def _day(name: str) -> date | None:
    value = request.args.get(name, "")
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def chosen_days() -> tuple[date | None, date | None]:
    """The first and last day asked for (local dates): ``preset`` (本周, 本月, 本季度,
    本年), ``days=N`` (the last N days) or ``from``/``to``; nothing means everything."""
    if request.args.get("preset") in periods.PRESETS:
        return periods.preset(request.args["preset"], today())
    if request.args.get("days", "").isdigit():
        return today() - timedelta(days=int(request.args["days"]) - 1), today()
    first, last = _day("from"), _day("to")
    if first and last and first > last:
        first, last = last, first
    return first, last


def period_args() -> dict:
    """The query string's period, to carry into the export links and the other views."""
    return {k: v for k, v in request.args.items() if k in ("preset", "days", "from", "to")}


def _series(rows, names) -> list[dict]:
    return [{"name": str(_(label.name) if hasattr(label, "name") else label),
             "values": [_value(getattr(f, attr)) for f in rows]} for attr, label in names]


def _value(found):
    return found.percent if isinstance(found, figures.Ratio) else found


def chart(rows, names, *, unit: str = "%", kind: str = "bar", stack: bool = False) -> dict:
    """What dashboard.js draws: the very rows of the table beside it."""
    return {"labels": [f.label for f in rows], "series": _series(rows, names),
            "unit": _(unit) if unit else "", "kind": kind, "stack": stack}


def adoption_chart(rows, kind: str = "bar") -> dict:
    data = chart(rows, (), unit="", kind=kind, stack=True)
    data["series"] = [{"name": str(name), "values": [f.adoption.get(key, 0) for f in rows]}
                      for key, name in zip(ADOPTION_KEYS, ADOPTION_NAMES, strict=True)]
    return data


def agency_charts(board: Dashboard) -> dict:
    """Every chart of a coordinator's or agency's page, by the id it is drawn in."""
    charts = {f"rates-{b.key}": chart(b.rows, RATE_SERIES) for b in board.breakdowns}
    charts |= {f"adoption-{b.key}": adoption_chart(b.rows) for b in board.breakdowns}
    charts["rates-step"] = chart(board.trend.rows, RATE_SERIES, kind="line")
    charts["counts-step"] = chart(board.trend.rows, (("received", figures.RECEIVED),
                                                     ("overdue", figures.OVERDUE)),
                                  unit="", kind="line")
    charts["adoption-step"] = adoption_chart(board.trend.rows, kind="line")
    if board.ranking:
        charts["rates-ranking"] = chart(board.ranking, RATE_SERIES)
        charts["adoption-ranking"] = adoption_chart(board.ranking)
    return charts


def group_charts(board: Dashboard) -> dict:
    """Every chart of a facilitator's page."""
    charts = {f"counts-{b.key}": chart(b.rows, GROUP_COUNTS, unit="") for b in board.breakdowns}
    charts |= {f"rates-{b.key}": chart(b.rows, GROUP_RATES) for b in board.breakdowns}
    charts |= {f"adoption-{b.key}": adoption_chart(b.rows) for b in board.breakdowns}
    charts["counts-step"] = chart(board.trend.rows, GROUP_COUNTS, unit="", kind="line")
    charts["rates-step"] = chart(board.trend.rows, GROUP_RATES, kind="line")
    charts["adoption-step"] = adoption_chart(board.trend.rows, kind="line")
    return charts


def _rate(ratio: figures.Ratio) -> str:
    return "" if ratio.percent is None else f"{ratio.percent}%"


def _days(found: figures.Figures) -> list[str]:
    late = found.days_late
    return ["", ""] if late is None else [str(late[0]), str(late[1])]


def agency_table(rows) -> tuple[list[str], list[list[str]]]:
    """The header (after the first column) and rows of an agency-figures table."""
    header = [_(figures.RECEIVED.name), _(figures.ON_TIME_SIGN.name),
              _(figures.ON_TIME_ANSWER.name), _(figures.SATISFACTION.name),
              _(figures.RETURN_RATE.name), _(figures.OVERDUE.name), _("平均超期天数"),
              _("最长超期天数"), *(str(n) for n in ADOPTION_NAMES)]
    body = [[f.label, str(f.received), _rate(f.on_time_sign), _rate(f.on_time_answer),
             _rate(f.satisfaction), _rate(f.return_rate), str(f.overdue), *_days(f),
             *(str(f.adoption.get(key, 0)) for key in ADOPTION_KEYS)] for f in rows]
    return header, body


def group_table(rows) -> tuple[list[str], list[list[str]]]:
    """The header (after the first column) and rows of a facilitator's table."""
    header = [_(group_figures.MADE.name), _(group_figures.CONSENT_WAITING.name),
              _(group_figures.IN_REVIEW.name), _(group_figures.SENT.name),
              _(group_figures.ANSWERED.name), _("答复率"), _("满意率"),
              *(str(n) for n in ADOPTION_NAMES)]
    body = [[f.label, str(f.made), str(f.consent_waiting), str(f.in_review), str(f.sent),
             str(f.answered), _rate(f.answer_rate), _rate(f.satisfaction),
             *(str(f.adoption.get(key, 0)) for key in ADOPTION_KEYS)] for f in rows]
    return header, body


def part_rows(board: Dashboard, key: str):
    """The rows of one table of the page: ``step`` (the trend), ``ranking`` or a breakdown."""
    if key == "step":
        return board.trend.rows
    if key == "ranking":
        return board.ranking
    found = next((b for b in board.breakdowns if b.key == key), None)
    return found.rows if found is not None else abort(404)


def export(board: Dashboard, key: str, fmt: str, heading: str, table, stem: str) -> Response:
    """One table of the page as CSV (streamed, UTF-8 with a BOM) or Excel: the rows shown,
    named by agency, domain, task, group or age band, never by a child."""
    if fmt not in ("csv", "xlsx"):
        abort(404)
    header, body = table(part_rows(board, key))
    header = [heading, *header]
    name = f'attachment; filename="{stem}-{key}.{fmt}"'
    if fmt == "csv":
        return Response(exports.csv_stream([body], header=header),
                        mimetype="text/csv; charset=utf-8",
                        headers={"Content-Disposition": name})
    return Response(exports.table_xlsx(header, body, heading), mimetype=DOCUMENT_TYPES["xlsx"],
                    headers={"Content-Disposition": name})


def readable(board: Dashboard) -> Dashboard:
    """The domain's own labels (age bands, 不在小组里…) in the reader's language."""
    return translated(board, _)

