"""Open311 GeoReport v2 under /open311/v2/: discovery, services and their definitions,
requests (GET and POST), one request, tokens. Every error is an Open311 error list in the
format the URL asked for, never an HTML page (``_machine_error``)."""

from __future__ import annotations

import json

from flask import Blueprint, Response, current_app, request, url_for

from models.office import open311, open311_post, open311_services
from models.office.open311 import Open311Error
from models.plans.plan import UnknownPlan, load_plan
from webapp import errors
from webapp.access import public
from webapp.api.openapi import openapi
from webapp.api.xml import FORMATS, to_xml
from webapp.db import get_session
from webapp.extensions import csrf
from webapp.ratelimit import configured, limiter

bp = Blueprint("open311", __name__, url_prefix="/open311/v2")
csrf.exempt(bp)
POST_LIMIT = "60 per minute"
ERROR_WORDS = {400: "bad request", 403: "forbidden", 404: "not found",
               405: "method not allowed", 413: "request too large",
               429: "too many requests from this address; wait a minute",
               500: "server error; try again later", 503: "busy; try again later"}
# Reading requests, one or many, counts in one bucket per address: codes cannot be guessed.
lookups = limiter.shared_limit(configured("OPEN311_LOOKUP_LIMIT"), scope="open311_lookup")


def _reply(fmt: str, body, root: str, item: str = "", status: int = 200) -> Response:
    data = to_xml(root, item, body) if fmt == "xml" else json.dumps(
        body, ensure_ascii=False).encode()
    return Response(data, status=status, content_type=FORMATS[fmt])


def _error(fmt: str, code: int, description: str) -> Response:
    """The standard error shape: a list of {code, description}."""
    fmt = fmt if fmt in FORMATS else "json"
    return _reply(fmt, [{"code": code, "description": description}], "errors", "error", code)


def _asked_format() -> str:
    """The format of the URL being answered, even one no view matched (…/x.xml → xml)."""
    fmt = (request.view_args or {}).get("fmt") or request.path.rsplit(".", 1)[-1]
    return fmt if fmt in FORMATS else "json"


def _machine_error(code: int) -> Response:
    return _error(_asked_format(), code, ERROR_WORDS.get(code, "error"))


@bp.record_once
def _errors_in_open311_format(state) -> None:
    errors.for_machines(state.app, bp.url_prefix + "/", _machine_error)


def _format(fmt: str) -> str:
    if fmt not in FORMATS:
        raise Open311Error(404, "format must be json or xml")
    return fmt


def _jurisdiction() -> str:
    """The plan a request is for; an unknown one is the caller's mistake (400)."""
    plan_id = request.values.get("jurisdiction_id") or current_app.config["DEFAULT_PLAN"]
    try:
        return load_plan(plan_id).id
    except UnknownPlan as error:
        raise Open311Error(400, f"unknown jurisdiction_id {plan_id}") from error


@bp.before_request
def _refuse_nul_bytes():
    """A NUL in the path is bad input (form and query text is already cleaned of it)."""
    if any("\x00" in str(value) for value in (request.view_args or {}).values()):
        raise Open311Error(400, "parameters must not contain NUL characters")


@bp.errorhandler(429)
def _too_many(_limit):
    return _machine_error(429)


@bp.errorhandler(Open311Error)
def _open311_error(error: Open311Error):
    return _error(_asked_format(), error.code, error.description)


@bp.route("/discovery.<fmt>")
@public
def discovery(fmt: str):
    fmt = _format(fmt)
    base = url_for("open311.discovery", fmt=fmt, _external=True).rsplit("/", 1)[0]
    found = open311_services.discovery(base, "API keys are issued by the city's coordinator "
                                             "(童声 → 城市方案与账号 → Open311 密钥)")
    return _reply(fmt, found, "discovery")


@bp.route("/services.<fmt>")
@public
def services(fmt: str):
    fmt = _format(fmt)
    return _reply(fmt, open311_services.services(_jurisdiction()), "services", "service")


@bp.route("/services/<code>.<fmt>")
@bp.route("/service/<code>.<fmt>")  # the path the `open311` client on PyPI asks for
@public
def service_definition(code: str, fmt: str):
    fmt = _format(fmt)
    found = open311_services.service_definition(_jurisdiction(), code)
    return _reply(fmt, found, "service_definition")


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
    """``api_key`` and the other fields may come in the body or the query string."""
    fmt = _format(fmt)
    session, plan_id = get_session(), _jurisdiction()
    client = open311_post.check_client(
        open311.client_for_key(session, request.values.get("api_key")), plan_id)
    created = open311_post.create_request(session, plan_id=plan_id, client=client,
                                          values=request.values)
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


@bp.route("/tokens/<token>.<fmt>")
@public
@lookups
def token(token: str, fmt: str):
    fmt = _format(fmt)
    found = open311_post.request_for_token(get_session(), _jurisdiction(), token)
    if found is None:
        raise Open311Error(404, f"no service request for token {token}")
    return _reply(fmt, [found], "service_requests", "request")


@bp.route("/openapi.json")
@public
def openapi_description():
    return Response(json.dumps(openapi(), ensure_ascii=False), mimetype="application/json")
