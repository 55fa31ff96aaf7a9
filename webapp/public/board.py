"""The public board 你说我办 and each agency's figures for children's suggestions, no sign-in.

What is public is decided by ``models/privacy/publication.py`` alone; this module only reads the
query string and draws the pages.
"""

from __future__ import annotations

import time
from datetime import datetime, timedelta

from flask import Blueprint, current_app, render_template, request
from flask_babel import lazy_gettext as _l
from sqlmodel import select

from models.common import CHINA, utcnow
from models.office import figures
from models.office.board import BoardFilter, board_page
from models.paging import PageRequest
from models.plans.plan import load_plan
from models.plans.tables import CityPlan
from models.privacy.publication import public_condition
from webapp.access import public
from webapp.db import get_session

bp = Blueprint("board", __name__)
ADOPTION = {"adopted": _l("采纳"), "partly": _l("部分采纳"), "not_adopted": _l("暂不采纳"),
            "already_done": _l("已经在做")}
ADOPTION_MARKS = {"adopted": "✅", "partly": "🌓", "not_adopted": "⏳", "already_done": "🛠️"}
PERIODS = {"all": _l("全部"), "year": _l("今年"), "90": _l("最近 90 天")}


@bp.context_processor
def board_words() -> dict:
    return {"ADOPTION": ADOPTION, "ADOPTION_MARKS": ADOPTION_MARKS, "F": figures}


def _cities() -> list[tuple[str, str]]:
    query = select(CityPlan.id, CityPlan.city).where(CityPlan.is_active).order_by(CityPlan.id)
    return [tuple(row) for row in get_session().exec(query)]


def _plan_id(cities: list[tuple[str, str]]) -> str:
    """The city asked for, or the site's own city; an unknown one falls back quietly."""
    wanted = request.args.get("plan", "")
    known = {plan_id for plan_id, _ in cities}
    return wanted if wanted in known else current_app.config["DEFAULT_PLAN"]


def _agency_id(agencies: list[tuple[int, str]]) -> int | None:
    wanted = request.args.get("agency", "")
    return int(wanted) if wanted.isdigit() and int(wanted) in dict(agencies) else None


@bp.route("/board")
@public
def index():
    cities = _cities()
    plan_id = _plan_id(cities)
    domains = [d.name for d in load_plan(plan_id).domains]
    agencies = figures.agencies_led(get_session(), plan_id, public_condition())
    domain = request.args.get("domain", "")
    wanted = BoardFilter(plan_id=plan_id, domain=domain if domain in domains else "",
                         agency_id=_agency_id(agencies))
    found = board_page(get_session(), wanted, PageRequest.from_args(request.args),
                       after=request.args.get("after"))
    return render_template("board/index.html", page=found, wanted=wanted, cities=cities,
                           domains=domains, agencies=agencies)


def _period(choice: str) -> figures.Period:
    now = utcnow().astimezone(CHINA)
    if choice == "year":
        return figures.Period(start=datetime(now.year, 1, 1, tzinfo=CHINA))
    if choice == "90":
        return figures.Period(start=now - timedelta(days=90))
    return figures.Period()


def _public_figures(plan_id: str, choice: str) -> list[figures.Figures]:
    """Each agency's public figures, counted at most once every ``BOARD_FIGURES_SECONDS``
    per process: they count the city's whole history (seconds of database work at a million
    suggestions), change slowly, and hold counts only, never a child's words."""
    kept = current_app.extensions.setdefault("board_figures", {})
    key, now = (plan_id, choice), time.monotonic()
    if key not in kept or now - kept[key][0] >= current_app.config["BOARD_FIGURES_SECONDS"]:
        kept[key] = (now, figures.by_agency(get_session(), plan_id=plan_id,
                                            period=_period(choice), scope=public_condition()))
    return kept[key][1]


@bp.route("/board/agencies")
@public
def agencies():
    cities = _cities()
    plan_id = _plan_id(cities)
    choice = request.args.get("period", "all")
    choice = choice if choice in PERIODS else "all"
    found = _public_figures(plan_id, choice)
    city = figures.total(found, plan_id)
    return render_template("board/agencies.html", found=found, city=city, plan_id=plan_id,
                           cities=cities, periods=PERIODS, choice=choice,
                           definitions=figures.DEFINITIONS)
