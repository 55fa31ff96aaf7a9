"""Open311 GeoReport v2 under /open311/v2/: services, requests (GET and POST), one request."""

from __future__ import annotations

import json
from xml.etree import ElementTree

from flask import Blueprint, Response, current_app, request

from models.office import open311
from models.office.open311 import Open311Error
from models.plans.plan import UnknownPlan, load_plan
from webapp.access import public
from webapp.api.openapi import openapi
from webapp.db import get_session
from webapp.extensions import csrf
from webapp.ratelimit import configured, limiter

bp = Blueprint("open311", __name__, url_prefix="/open311/v2")
csrf.exempt(bp)
FORMATS = {"json": "application/json; charset=utf-8", "xml": "text/xml; charset=utf-8"}
POST_LIMIT = "60 per minute"
# Reading requests, one or many, counts in one bucket per address: codes cannot be guessed.
lookups = limiter.shared_limit(configured("OPEN311_LOOKUP_LIMIT"), scope="open311_lookup")


def _xml(root: str, item: str, rows: list[dict]) -> bytes:
    top = ElementTree.Element(root)
    for row in rows:
        node = ElementTree.SubElement(top, item)
        for key, value in row.items():
            child = ElementTree.SubElement(node, key)
            child.text = "" if value is None else str(value).lower() \
                if isinstance(value, bool) else str(value)
    return b'<?xml version="1.0" encoding="utf-8"?>' + ElementTree.tostring(top, "utf-8")


def _reply(fmt: str, rows: list[dict], root: str, item: str, status: int = 200) -> Response:
    if fmt == "xml":
        body = _xml(root, item, rows)
    else:
        body = json.dumps(rows, ensure_ascii=False).encode()
    return Response(body, status=status, mimetype=FORMATS[fmt].split(";")[0],
                    content_type=FORMATS[fmt])


def _error(fmt: str, code: int, description: str) -> Response:
    """The standard error shape: a list of {code, description}."""
    fmt = fmt if fmt in FORMATS else "json"
    return _reply(fmt, [{"code": code, "description": description}], "errors", "error", code)


def _format(fmt: str) -> str:
    if fmt not in FORMATS:
        raise Open311Error(404, "format must be json or xml")
    return fmt


def _jurisdiction() -> str:
    plan_id = request.values.get("jurisdiction_id") or current_app.config["DEFAULT_PLAN"]
    try:
        return load_plan(plan_id).id
    except UnknownPlan as error:
        raise Open311Error(404, f"unknown jurisdiction_id {plan_id}") from error


@bp.before_request
def _refuse_nul_bytes():
    """A NUL in the path is bad input (form and query text is already cleaned of it)."""
    if any("\x00" in str(value) for value in (request.view_args or {}).values()):
        raise Open311Error(400, "parameters must not contain NUL characters")


@bp.errorhandler(429)
def _too_many(_limit):
    fmt = (request.view_args or {}).get("fmt", "json")
    return _error(fmt, 429, "too many requests from this address; wait a minute")


@bp.errorhandler(Open311Error)
def _open311_error(error: Open311Error):
    fmt = (request.view_args or {}).get("fmt", "json")
    return _error(fmt, error.code, error.description)


@bp.route("/services.<fmt>")
@public
def services(fmt: str):
    fmt = _format(fmt)
    return _reply(fmt, open311.services(_jurisdiction()), "services", "service")


@bp.route("/services/<code>.<fmt>")
@public
def service_definition(code: str, fmt: str):
    fmt = _format(fmt)
    if code not in {s["service_code"] for s in open311.services(_jurisdiction())}:
        raise Open311Error(404, f"unknown service_code {code}")
    if fmt == "xml":
        return _reply(fmt, [{"service_code": code}], "service_definition", "attributes")
    return _reply(fmt, {"service_code": code, "attributes": []}, "", "")


@bp.route("/requests.<fmt>", methods=["GET"])
@public
@lookups
def requests_list(fmt: str):
    fmt = _format(fmt)
    rows = open311.find_requests(get_session(), _jurisdiction(), request.args)
    return _reply(fmt, rows, "service_requests", "request")


@bp.route("/requests.<fmt>", methods=["POST"])
@public
@limiter.limit(POST_LIMIT)
def requests_create(fmt: str):
    fmt = _format(fmt)
    session = get_session()
    client = open311.client_for_key(session, request.form.get("api_key"))
    if client is None:
        raise Open311Error(403, "a valid api_key is required")
    created = open311.create_request(session, plan_id=_jurisdiction(), client=client,
                                     form=request.form)
    return _reply(fmt, [created], "service_requests", "request")


@bp.route("/requests/<request_id>.<fmt>")
@public
@lookups
def request_one(request_id: str, fmt: str):
    fmt = _format(fmt)
    session = get_session()
    found = open311.find_one(session, _jurisdiction(), request_id)
    if found is None:
        raise Open311Error(404, f"no service request {request_id}")
    return _reply(fmt, [open311.request_dict(session, found)], "service_requests", "request")


@bp.route("/openapi.json")
@public
def openapi_description():
    return Response(json.dumps(openapi(), ensure_ascii=False), mimetype="application/json")
