"""The OpenAPI 3 description of TongSheng's Open311 GeoReport v2 endpoints."""

from __future__ import annotations

from classifier.topics import TOPIC_IDS
from models.plans.plan import plan_ids

ERRORS = {"type": "array", "items": {
    "type": "object", "required": ["code", "description"],
    "properties": {"code": {"type": "integer"}, "description": {"type": "string"}}}}
TEXT = {"type": "string"}
NO_NUL = r"^[^\u0000]*$"  # no database keeps a NUL in text; such input is a 400
PLAIN = {"type": "string", "pattern": NO_NUL}
MAYBE_TEXT = {"type": "string", "nullable": True}
SERVICE = {"type": "object", "required": ["service_code", "service_name", "metadata", "type"],
           "properties": {"service_code": TEXT, "service_name": TEXT, "description": TEXT,
                          "metadata": {"type": "boolean"},
                          "type": {"type": "string", "enum": ["realtime", "batch", "blackbox"]},
                          "keywords": TEXT, "group": TEXT}}
REQUEST = {"type": "object", "required": ["service_request_id", "status", "requested_datetime"],
           "properties": {
               "service_request_id": TEXT, "status": {"type": "string",
                                                      "enum": ["open", "closed"]},
               "status_notes": TEXT, "service_name": TEXT, "service_code": TEXT,
               "description": TEXT, "agency_responsible": TEXT, "service_notice": TEXT,
               "requested_datetime": {"type": "string", "format": "date-time"},
               "updated_datetime": {"type": "string", "format": "date-time"},
               "expected_datetime": {"type": "string", "format": "date-time",
                                     "nullable": True},
               "address": TEXT, "address_id": TEXT, "zipcode": TEXT, "media_url": TEXT,
               "lat": {"type": "number", "nullable": True, "description":
                       "rounded to 0.01°; null unless a place text is shown"},
               "long": {"type": "number", "nullable": True},
               "tongsheng_status": {"type": "string", "description":
                                    "TongSheng's detailed status (an extension field)"}}}
VALUE = {"type": "object", "properties": {"key": TEXT, "name": TEXT}}
ATTRIBUTE = {"type": "object", "required": ["code", "datatype", "required", "variable", "order"],
             "properties": {"variable": {"type": "boolean"}, "code": TEXT, "datatype": TEXT,
                            "required": {"type": "boolean"}, "datatype_description": TEXT,
                            "order": {"type": "integer"}, "description": TEXT,
                            "values": {"type": "array", "items": VALUE}}}
DEFINITION = {"type": "object", "required": ["service_code", "attributes"],
              "properties": {"service_code": TEXT,
                             "attributes": {"type": "array", "items": ATTRIBUTE}}}
TOKEN = {"type": "object", "required": ["service_request_id", "token"],
         "properties": {"service_request_id": TEXT, "token": TEXT}}
DISCOVERY = {"type": "object", "required": ["changeset", "endpoints"], "properties": {
    "changeset": TEXT, "contact": TEXT, "key_service": TEXT,
    "endpoints": {"type": "array", "items": {"type": "object", "properties": {
        "specification": TEXT, "url": TEXT, "changeset": TEXT, "type": TEXT,
        "formats": {"type": "array", "items": TEXT}}}}}}
CREATED = {"type": "object", "required": ["service_request_id"],
           "properties": {"service_request_id": TEXT, "service_notice": TEXT,
                          "account_id": MAYBE_TEXT, "token": MAYBE_TEXT,
                          "agency_responsible": TEXT, "service_code": TEXT}}


def _json(schema: dict, description: str = "OK") -> dict:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _errors(*codes: int) -> dict:
    words = {400: "Bad request", 403: "Missing or wrong api_key", 404: "Not found",
             429: "Too many requests"}
    return {str(code): _json(ERRORS, words[code]) for code in codes}


def _param(name: str, schema: dict, where: str = "query", required: bool = False) -> dict:
    return {"name": name, "in": where, "required": required, "schema": schema}


def openapi() -> dict:
    """Built on request so the plan ids and topics are always the shipped ones."""
    jurisdiction = _param("jurisdiction_id", {"type": "string", "enum": plan_ids()})
    query = [jurisdiction, _param("service_request_id", PLAIN),
             _param("service_code", {"type": "string", "enum": list(TOPIC_IDS)}),
             _param("start_date", {"type": "string", "format": "date-time"}),
             _param("end_date", {"type": "string", "format": "date-time"}),
             _param("status", {"type": "string", "enum": ["open", "closed", "open,closed"]})]
    form = {"type": "object", "required": ["api_key", "description"], "properties": {
        "api_key": {"type": "string", "example": "demo", "pattern": NO_NUL},
        "jurisdiction_id": {"type": "string", "enum": plan_ids()},
        "service_code": {"type": "string", "enum": list(TOPIC_IDS)},
        "description": {"type": "string", "minLength": 1, "maxLength": 4000,
                        "pattern": r"^[^\u0000]*[^\s\u0000][^\u0000]*$",
                        "example": "学校门口的红绿灯时间太短了"},
        "address_string": {"type": "string", "maxLength": 200, "pattern": NO_NUL},
        "lat": {"type": "number", "minimum": -90, "maximum": 90},
        "long": {"type": "number", "minimum": -180, "maximum": 180},
        "attribute[consent_to_publish]": {"type": "string", "enum": ["yes", "no"]},
        "attribute[child_age]": {"type": "integer", "minimum": 3, "maximum": 18}}}
    return {
        "openapi": "3.0.3",
        "info": {"title": "TongSheng 童声 Open311 GeoReport v2", "version": "2.0",
                 "description": "jurisdiction = city plan, service = topic; a POST without "
                                "service_code is classified automatically."},
        "paths": {
            "/open311/v2/services.json": {"get": {
                "summary": "Services (topics) of a jurisdiction (plan)",
                "parameters": [jurisdiction],
                "responses": {"200": _json({"type": "array", "items": SERVICE}),
                              **_errors(400)}}},
            "/open311/v2/services/{service_code}.json": {"get": {
                "summary": "A service's definition: the attributes a POST may carry",
                "parameters": [_param("service_code", PLAIN, "path", True), jurisdiction],
                "responses": {"200": _json(DEFINITION), **_errors(400, 404)}}},
            "/open311/v2/tokens/{token}.json": {"get": {
                "summary": "The service_request_id a POST's token stands for",
                "parameters": [_param("token", PLAIN, "path", True), jurisdiction],
                "responses": {"200": _json({"type": "array", "items": TOKEN}),
                              **_errors(400, 404, 429)}}},
            "/open311/v2/discovery.json": {"get": {
                "summary": "The discovery document", "parameters": [],
                "responses": {"200": _json(DISCOVERY)}}},
            "/open311/v2/requests.json": {
                "get": {"summary": "Public service requests, with the standard filters",
                        "description": "Only requests the child agreed to publish, approved, "
                                       "not urgent, in their masked text. At most 10 "
                                       "comma-separated service_request_id values; reads "
                                       "are rate-limited per address.",
                        "parameters": query,
                        "responses": {"200": _json({"type": "array", "items": REQUEST}),
                                      **_errors(400, 429)}},
                "post": {"summary": "Create a service request",
                         "requestBody": {"required": True, "content": {
                             "application/x-www-form-urlencoded": {"schema": form}}},
                         "responses": {"200": _json({"type": "array", "items": CREATED}),
                                       **_errors(400, 403, 429)}}},
            "/open311/v2/requests/{service_request_id}.json": {"get": {
                "summary": "One public service request (anything else is a 404)",
                "parameters": [_param("service_request_id", PLAIN, "path", True), jurisdiction],
                "responses": {"200": _json({"type": "array", "items": REQUEST}),
                              **_errors(400, 404, 429)}}},
        },
    }
