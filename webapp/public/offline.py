"""Classroom and offline use: the web-app manifest, the service worker and the offline page.

The service worker is served from the site's root so that it may look after every page; it
keeps only pages that say nothing about a person (the suggestion form, the offline page,
the map of places and each place page opened, as seen without an account) and the static
files, never a child's own pages.
"""

from __future__ import annotations

from flask import Blueprint, current_app, render_template, url_for
from flask_babel import gettext as _

from webapp.access import public

bp = Blueprint("offline", __name__)
# Bump when the list of kept files or a kept file changes (static files are served from the
# cache first): the worker drops every older cache.
CACHE_VERSION = "ts-shell-3"
SHELL = ("offline.page", "suggest.form")
STATIC = ("site.css", "js/suggest.js", "js/offline.js", "js/places.js",
          "vendor/leaflet/leaflet.js", "vendor/leaflet/leaflet.css",
          "vendor/leaflet/images/marker-icon.png", "vendor/leaflet/images/marker-icon-2x.png",
          "vendor/leaflet/images/marker-shadow.png",
          "icons/icon-192.png", "icons/icon-512.png")
# The pages kept as they were last seen (a path pattern for the worker): the map of places
# and one place's page. The picker (/places/pick) belongs to a form or a chat: not kept.
SAVED_PAGES = r"^/places/(\d+)?$"


@bp.route("/manifest.webmanifest")
@public
def manifest():
    body = {
        "name": _("童声：说出你的想法"), "short_name": _("童声"), "lang": "zh-Hans",
        "start_url": url_for("suggest.form"), "scope": "/", "display": "standalone",
        "background_color": "#ffffff", "theme_color": "#0b6e4f",
        "icons": [{"src": url_for("static", filename=f"icons/icon-{size}.png"),
                   "sizes": f"{size}x{size}", "type": "image/png"} for size in (192, 512)],
    }
    return current_app.response_class(current_app.json.dumps(body),
                                      mimetype="application/manifest+json")


@bp.route("/sw.js")
@public
def service_worker():
    """The worker, with the list of what it keeps filled in from the routes."""
    shell = [url_for(endpoint) for endpoint in SHELL]
    shell += [url_for("static", filename=name) for name in STATIC]
    response = current_app.response_class(
        render_template("offline/sw.js", version=CACHE_VERSION, shell=shell,
                        offline=url_for("offline.page"), saved_pattern=SAVED_PAGES,
                        icon=url_for("static", filename="icons/icon-192.png")),
        mimetype="text/javascript")
    return response


@bp.route("/offline")
@public
def page():
    return render_template("offline/page.html")
