"""Open311 as third-party clients use it: keys in the query or the body, service definitions,
tokens, points, discovery, errors that are never HTML, and keys issued and revoked."""

from __future__ import annotations

import re
from xml.etree import ElementTree

import pytest
from click.testing import CliRunner
from sqlalchemy import inspect, text
from sqlmodel import select

from models.office.api_keys import ApiClient, hash_key
from models.office.open311 import Open311Request
from models.people import accounts
from models.people.tables import Role
from models.suggestions import lifecycle
from models.suggestions.tables import Suggestion
from tests.flow import actor
from webapp.cli.commands import cli

POST = "/open311/v2/requests.json"
TEXT = "学校门口的红绿灯时间太短了，过马路很危险"


def _post(client, url: str = POST, **fields):
    return client.post(url, data={"description": TEXT, **fields})


def _made_public(session, code: str) -> Suggestion:
    """What the coordinator does with a consented item from no group: approve it."""
    item = session.exec(select(Suggestion).where(Suggestion.tracking_code == code)).one()
    item.consent_to_publish = True
    session.add(item)
    lifecycle.approve(session, item, actor=actor(session, "coordinator"))
    session.commit()
    return item


def test_the_api_key_may_come_in_the_query_string(client):
    """The `open311` client from PyPI sends api_key and jurisdiction_id in the URL."""
    response = _post(client, f"{POST}?api_key=demo&jurisdiction_id=hengyang")
    assert response.status_code == 200 and response.get_json()[0]["service_request_id"]
    refused = _post(client, f"{POST}?api_key=wrong")
    assert refused.status_code == 403 and refused.get_json()[0]["code"] == 403


def test_a_service_definition_lists_its_attributes_in_json(client):
    found = client.get("/open311/v2/services/transport.json?jurisdiction_id=hengyang")
    definition = found.get_json()
    assert found.status_code == 200 and definition["service_code"] == "transport"
    codes = [attribute["code"] for attribute in definition["attributes"]]
    assert codes == ["consent_to_publish", "child_age"]
    consent = definition["attributes"][0]
    assert consent["datatype"] == "singlevaluelist" and consent["variable"] is True
    assert {value["key"] for value in consent["values"]} == {"yes", "no"}


def test_a_service_definition_in_xml_has_the_standards_shape(client):
    """<service_definition><service_code/><attributes><attribute>…, as GeoReport v2 shows."""
    found = client.get("/open311/v2/services/transport.xml")
    root = ElementTree.fromstring(found.data)
    assert root.tag == "service_definition"
    assert [child.tag for child in root] == ["service_code", "attributes"]
    assert root.findtext("service_code") == "transport"
    attribute = root.find("attributes/attribute")
    assert attribute.findtext("code") == "consent_to_publish"
    assert attribute.findtext("variable") == "true" and attribute.findtext("order") == "1"
    keys = [value.findtext("key") for value in attribute.findall("values/value")]
    assert keys == ["yes", "no"]


def test_an_unknown_service_is_a_404_in_the_asked_format(client):
    response = client.get("/open311/v2/services/dragons.xml")
    root = ElementTree.fromstring(response.data)
    assert response.status_code == 404 and root.tag == "errors"
    assert root.findtext("error/code") == "404" and "dragons" in root.findtext(
        "error/description")


def test_a_post_returns_a_token_that_finds_the_request_id(client):
    created = _post(client, api_key="demo").get_json()[0]
    assert created["token"] and created["service_request_id"]
    found = client.get(f"/open311/v2/tokens/{created['token']}.json")
    assert found.get_json() == [{"service_request_id": created["service_request_id"],
                                 "token": created["token"]}]
    in_xml = ElementTree.fromstring(client.get(f"/open311/v2/tokens/{created['token']}.xml").data)
    assert in_xml.findtext("request/service_request_id") == created["service_request_id"]
    unknown = client.get("/open311/v2/tokens/not-a-token.xml")
    assert unknown.status_code == 404 and ElementTree.fromstring(unknown.data).tag == "errors"


def test_a_token_belongs_to_its_city(client):
    created = _post(client, api_key="demo", jurisdiction_id="changzhou").get_json()[0]
    other = client.get(f"/open311/v2/tokens/{created['token']}.json?jurisdiction_id=hengyang")
    assert other.status_code == 404


def test_a_point_is_stored_coarse_and_shown_beside_a_published_place(client, session):
    created = _post(client, api_key="demo", lat="26.893456", long="112.571234",
                    address_string="人民公园北门").get_json()[0]
    kept = session.exec(select(Open311Request)).one()
    assert (kept.latitude, kept.longitude) == (26.89, 112.57)
    _made_public(session, created["service_request_id"])
    shown = client.get(f"/open311/v2/requests/{created['service_request_id']}.json").get_json()[0]
    assert (shown["lat"], shown["long"], shown["address"]) == (26.89, 112.57, "人民公园北门")
    listed = client.get("/open311/v2/requests.xml").data.decode()
    assert "<lat>26.89</lat>" in listed and "<long>112.57</long>" in listed


def test_no_point_is_shown_where_no_place_text_is(client, session):
    """A point without a published place would say where the child was when nothing else does."""
    created = _post(client, api_key="demo", lat="26.893456", long="112.571234").get_json()[0]
    _made_public(session, created["service_request_id"])
    shown = client.get(f"/open311/v2/requests/{created['service_request_id']}.json").get_json()[0]
    assert shown["lat"] is None and shown["long"] is None and shown["address"] == ""


def test_a_home_address_is_coarsened_before_it_is_stored(client, session):
    created = _post(client, api_key="demo", address_string="幸福路18号3栋2单元301").get_json()[0]
    item = _made_public(session, created["service_request_id"])
    assert item.place == "幸福路"


@pytest.mark.parametrize(("fields", "words"), [
    ({"lat": "26.9"}, "together"), ({"lat": "north", "long": "112"}, "lat must be a number"),
    ({"lat": "95", "long": "112"}, "between"),
    ({"attribute[consent_to_publish]": "maybe"}, "consent_to_publish"),
    ({"attribute[child_age]": "ten"}, "child_age")])
def test_bad_fields_are_400_with_the_reason(client, fields, words):
    response = _post(client, api_key="demo", **fields)
    assert response.status_code == 400 and words in response.get_json()[0]["description"]


@pytest.mark.parametrize(("age", "public"), [("15", True), ("10", False), (None, False)])
def test_the_childs_yes_counts_only_without_a_guardians_consent_to_wait_for(client, session,
                                                                           age, public):
    fields = {"attribute[consent_to_publish]": "yes"}
    if age:
        fields["attribute[child_age]"] = age
    code = _post(client, api_key="demo", **fields).get_json()[0]["service_request_id"]
    item = session.exec(select(Suggestion).where(Suggestion.tracking_code == code)).one()
    assert item.consent_to_publish is public


def test_contact_details_sent_through_the_api_are_never_stored(client, session, app):
    created = _post(client, api_key="demo", first_name="梓萱", last_name="邝",
                    email="xiaohong@example.com", phone="13912345678", device_id="dev-77",
                    account_id="acct-77", address_string="人民公园").get_json()[0]
    assert created["service_request_id"]
    engine = app.extensions["engine"]
    with engine.connect() as connection:
        for table in inspect(engine).get_table_names():
            rows = connection.execute(text(f'SELECT * FROM "{table}"'))  # noqa: S608
            dump = " ".join(str(row) for row in rows)
            for secret in ("xiaohong@example.com", "13912345678", "dev-77", "acct-77", "梓萱"):
                assert secret not in dump, f"{secret} stored in {table}"


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_an_unknown_jurisdiction_is_a_400_error_list(client, fmt):
    response = client.get(f"/open311/v2/services.{fmt}?jurisdiction_id=atlantis")
    assert response.status_code == 400
    if fmt == "json":
        assert response.get_json()[0]["code"] == 400
    else:
        assert ElementTree.fromstring(response.data).findtext("error/code") == "400"


@pytest.mark.parametrize(("method", "url", "status"), [
    ("get", "/open311/v2/nothing.xml", 404), ("get", "/open311/v2/requests/a/b.xml", 404),
    ("delete", "/open311/v2/requests.xml", 405), ("get", "/open311/v2/tokens/x.json/more", 404)])
def test_no_error_under_open311_is_an_html_page(client, method, url, status):
    response = getattr(client, method)(url)
    body = response.get_data(as_text=True)
    assert response.status_code == status and "<html" not in body.lower()
    if url.endswith(".xml"):
        assert ElementTree.fromstring(response.data).findtext("error/code") == str(status)
    else:
        assert response.get_json()[0]["code"] == status


def test_too_many_lookups_are_a_429_error_list_in_xml(app, client):
    app.config["OPEN311_LOOKUP_LIMIT"] = "2 per minute"
    statuses = [client.get("/open311/v2/tokens/nope.xml") for _ in range(3)]
    assert statuses[-1].status_code == 429
    assert ElementTree.fromstring(statuses[-1].data).findtext("error/code") == "429"


def test_the_discovery_document_points_at_the_endpoint(client):
    found = client.get("/open311/v2/discovery.json").get_json()
    endpoint = found["endpoints"][0]
    assert endpoint["url"].endswith("/open311/v2") and "application/json" in endpoint["formats"]
    assert endpoint["specification"] == "http://wiki.open311.org/GeoReport_v2"
    root = ElementTree.fromstring(client.get("/open311/v2/discovery.xml").data)
    assert root.tag == "discovery" and root.findtext("endpoints/endpoint/type") == "production"
    assert [f.text for f in root.findall("endpoints/endpoint/formats/format")] == [
        "application/json", "text/xml"]


def test_a_coordinator_issues_a_key_shown_once_and_revokes_it(client, auth, session):
    auth.staff("coordinator")
    page = client.post("/coordinator/manage/api-keys/issue", data={"name": "12345 热线"})
    key = re.search(r'id="issued-key">([^<]+)<', page.get_data(as_text=True)).group(1)
    stored = session.exec(select(ApiClient).where(ApiClient.name == "12345 热线")).one()
    assert stored.key_hash == hash_key(key) and key not in str(stored.model_dump())
    assert stored.plan_id == "hengyang"
    listing = client.get("/coordinator/manage/api-keys/").get_data(as_text=True)
    assert "12345 热线" in listing and key not in listing and key[:10] in listing
    assert _post(client, api_key=key).status_code == 200
    assert _post(client, api_key=key, jurisdiction_id="changzhou").status_code == 403, \
        "a city's key posts to that city only"
    client.post(f"/coordinator/manage/api-keys/{stored.id}/revoke")
    refused = _post(client, api_key=key)
    assert refused.status_code == 403 and refused.get_json()[0]["code"] == 403


def test_another_citys_coordinator_cannot_see_or_revoke_a_key(client, auth, session):
    auth.staff("coordinator")
    client.post("/coordinator/manage/api-keys/issue", data={"name": "衡阳热线"})
    theirs = session.exec(select(ApiClient).where(ApiClient.name == "衡阳热线")).one()
    accounts.create_account(session, username="czcoord", display_name="常州", role=Role.COORDINATOR,
                            password="a-long-password-1", plan_id="changzhou")
    session.commit()
    auth.signout()
    auth.staff("czcoord", "a-long-password-1")
    assert "衡阳热线" not in client.get("/coordinator/manage/api-keys/").get_data(as_text=True)
    assert client.post(f"/coordinator/manage/api-keys/{theirs.id}/revoke").status_code == 404
    session.refresh(theirs)
    assert theirs.is_active


def test_keys_are_issued_listed_and_revoked_by_command(database_url, monkeypatch, client):
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setenv("TONGSHENG_SECRET_KEY", "test")
    runner = CliRunner()
    issued = runner.invoke(cli, ["api-key", "issue", "市民热线", "--city", "hengyang"])
    assert issued.exit_code == 0, issued.output
    key = issued.stdout.strip().splitlines()[-1]
    assert _post(client, api_key=key).status_code == 200
    listed = runner.invoke(cli, ["api-key", "list"]).output
    row = next(line for line in listed.splitlines() if "市民热线" in line)
    assert key not in listed and "hengyang" in row and "active" in row
    assert runner.invoke(cli, ["api-key", "revoke", row.split("\t")[0]]).exit_code == 0
    assert _post(client, api_key=key).status_code == 403
    assert runner.invoke(cli, ["api-key", "issue", "x", "--city", "atlantis"]).exit_code != 0
