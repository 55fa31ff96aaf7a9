"""The map of child-friendly places: a map and a list, a page per place, and picking a place.

The map library (Leaflet) is served by the site; the tile server is a setting
(``MAP_TILES``, a URL template, and ``MAP_ATTRIBUTION``). With no tiles the markers stand on
a plain background and the list below does everything the map does, so a classroom with no
internet, a screen reader or a keyboard loses nothing.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import Blueprint, abort, current_app, redirect, render_template, request, url_for

from models.places import summary
from models.places.places import city_place, city_places
from models.places.tables import KIND_CHECKLISTS, KIND_ICONS, KIND_NAMES, Place, PlaceKind
from models.plans.plan import load_plan
from webapp.access import public
from webapp.db import get_session
from webapp.public.child_city import city_of_request
from webapp.security import CSP

bp = Blueprint("places", __name__, url_prefix="/places")
PICK_FOR = ("suggest", "chat")


@bp.app_template_global("city_place_names")
def city_place_names(plan_id: str) -> list[str]:
    """The names of the city's places, offered where an observer visit names its place: the
    same name ties the visit to the place on the map."""
    return [place.name for place in city_places(get_session(), plan_id)]






def tile_source(template: str) -> str:
    """The origin the tiles come from, for the page's img-src ('' for the site itself).

    A subdomain placeholder ("t{s}.tianditu.gov.cn") becomes a wildcard ("*.tianditu.gov.cn").
    """
    parts = urlsplit(template)
    if not parts.scheme or not parts.netloc:
        return ""
    labels = parts.netloc.split(".")
    if "{" in labels[0]:
        labels[0] = "*"
    return f"{parts.scheme}://{'.'.join(labels)}"


def _with_tiles(page: str, status: int = 200):
    """The page, its img-src opened to the tile server and nothing else."""
    source = tile_source(current_app.config["MAP_TILES"])
    headers = {"Content-Security-Policy": CSP.replace("img-src 'self'",
                                                      f"img-src 'self' {source}")} \
        if source else {}
    return page, status, headers


def _marker(place: Place, pick: dict | None) -> dict:
    link = url_for(".pick_done", place_id=place.id, **pick) if pick else \
        url_for(".place", place_id=place.id)
    return {"id": place.id, "name": place.name, "icon": KIND_ICONS[place.kind],
            "lat": place.lat, "lng": place.lng, "url": link}


def _map_config(places: list[Place], pick: dict | None) -> dict:
    return {"tiles": current_app.config["MAP_TILES"],
            "attribution": current_app.config["MAP_ATTRIBUTION"],
            "places": [_marker(p, pick) for p in places]}


def _kind() -> str:
    kind = request.args.get("kind", "")
    return kind if kind in {k.value for k in PlaceKind} else ""


def _map_page(pick: dict | None = None):
    session, plan_id, kind = get_session(), city_of_request(), _kind()
    places = city_places(session, plan_id, kind)
    page = render_template("places/index.html", places=places, kind=kind, kinds=KIND_NAMES,
                           icons=KIND_ICONS, counts=summary.counts(session, plan_id),
                           city=load_plan(plan_id).city, plan_id=plan_id, pick=pick,
                           map_config=_map_config(places, pick))
    return _with_tiles(page)


@bp.route("/")
@public
def index():
    """Every place of the city on a map and in a list, narrowed to one kind if asked."""
    return _map_page()


def _pick_args() -> dict:
    """Where a picked place goes back to: the suggestion form, or this device's chat."""
    back = request.args.get("for", "suggest")
    if back not in PICK_FOR:
        abort(404)
    args = {"for": back, "plan": city_of_request()}
    if back == "chat":
        args["chat"] = request.args.get("chat") or abort(404)
    return args


@bp.route("/pick")
@public
def pick():
    """The same map and list; each place has a big "选这里" that returns it to the form."""
    return _map_page(_pick_args())


@bp.route("/pick/<int:place_id>")
@public
def pick_done(place_id: int):
    """The place picked: the suggestion form opens with it, the chat asks to send it."""
    args = _pick_args()
    found = city_place(get_session(), args["plan"], place_id) or abort(404)
    if args["for"] == "chat":
        return render_template("places/picked_chat.html", place=found, chat_id=args["chat"],
                               icon=KIND_ICONS[found.kind])
    return redirect(url_for("suggest.form", place=found.id, plan=found.plan_id), code=303)


@bp.route("/<int:place_id>")
@public
def place(place_id: int):
    """One place: its observer visits and scores, and its public suggestions being handled."""
    session = get_session()
    found = session.get(Place, place_id) or abort(404)
    page = render_template("places/place.html", place=found, kinds=KIND_NAMES,
                           icon=KIND_ICONS[found.kind], visits=summary.visits(session, found),
                           suggestions=summary.open_suggestions(session, found),
                           checklist=KIND_CHECKLISTS[found.kind],
                           map_config=_map_config([found], None))
    return _with_tiles(page)
