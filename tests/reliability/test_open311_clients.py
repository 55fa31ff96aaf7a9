"""Issue 15: the published GeoReport v2 clients from PyPI, against a real server.

``tongsheng serve`` (gunicorn) on the demo city, on SQLite and, with TEST_DATABASE_URL, on
PostgreSQL. ``georeport`` (0.3) reads services, service definitions and requests in JSON
and XML; the older ``open311`` (1.1) reads the same in XML, posts with ``api_key`` in the
query string and turns its token into the request id. Both are pinned in the dev extra.
"""

from __future__ import annotations

from urllib.error import HTTPError
from xml.etree import ElementTree

import pytest
import requests
from georeport import GeoReport
from sqlmodel import Session, create_engine, select

from benchmarks.load import harness
from tests.reliability import legacy_open311

pytestmark = pytest.mark.slow
TEXT = "公园里的滑梯坏了，上面有个大洞，小朋友会摔下来"


@pytest.fixture(scope="module")
def server(templates, tmp_path_factory):
    folder = tmp_path_factory.mktemp("open311-clients")
    url = templates.fresh(folder)
    running = harness.Server(url, folder / "instance", workers=1).start()
    running.database_url = url
    yield running
    running.stop()


@pytest.fixture(scope="module")
def legacy(server):
    open311 = legacy_open311.load()
    yield open311(endpoint=f"{server.url}/open311/v2", api_key="demo", format="xml",
                  jurisdiction="hengyang")
    legacy_open311.unload()


def _approved(server, code: str) -> None:
    """The coordinator approves the posted item, so the public may read it."""
    from models.suggestions import lifecycle
    from models.suggestions.tables import Suggestion
    from tests.flow import actor

    engine = create_engine(server.database_url)
    with Session(engine) as session:
        item = session.exec(select(Suggestion).where(Suggestion.tracking_code == code)).one()
        lifecycle.approve(session, item, actor=actor(session, "coordinator"))
        session.commit()
    engine.dispose()


@pytest.fixture(scope="module")
def posted(server, legacy):
    """One request posted by the `open311` client, approved and so public."""
    answer = legacy.post_service_request(
        description=TEXT, service_code="public_space", address_string="人民公园东门",
        lat="26.893456", long="112.571234", email="parent@example.com",
        **{"attribute[consent_to_publish]": "yes", "attribute[child_age]": "15"})
    created = answer["service_requests"]["request"]
    _approved(server, created["service_request_id"])
    return created


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_georeport_reads_services_and_their_definitions(server, fmt):
    client = GeoReport(f"{server.url}/open311/v2", jurisdiction="hengyang", output_format=fmt)
    services = client.get_service_list()
    assert len(services) == 17 and {"transport", "schooling"} <= {
        s["service_code"] for s in services}
    definition = client.get_service_definition("transport")
    assert definition["service_code"] == "transport"
    attributes = definition["attributes"]
    attributes = attributes["attribute"] if fmt == "xml" else attributes
    assert [a["code"] for a in attributes] == ["consent_to_publish", "child_age"]


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_georeport_reads_the_requests_the_open311_client_posted(server, posted, fmt):
    client = GeoReport(f"{server.url}/open311/v2", jurisdiction="hengyang", output_format=fmt)
    code = posted["service_request_id"]
    one = client.get_service_request(code)
    assert one["service_request_id"] == code and one["address"] == "人民公园东门"
    assert float(one["lat"]) == 26.89 and float(one["long"]) == 112.57
    listed = client.get_service_requests(service_request_id=code)
    listed = listed if isinstance(listed, list) else [listed]
    assert [row["service_request_id"] for row in listed] == [code]
    assert "parent@example.com" not in requests.get(
        f"{server.url}/open311/v2/requests.{fmt}", timeout=10).text


def test_the_open311_client_posts_and_turns_its_token_into_the_id(server, legacy, posted):
    assert posted["service_request_id"] and posted["token"]
    found = legacy.request_id_from_token(posted["token"])
    assert found["service_request_id"] == posted["service_request_id"]


def test_the_open311_client_reads_services_definitions_and_requests(server, legacy, posted):
    codes = {service["service_code"] for service in legacy.service_list()}
    assert "public_space" in codes
    definition = legacy.service_definition("public_space")["service_definition"]
    assert definition["service_code"] == "public_space"
    assert definition["attributes"]["attribute"][0]["code"] == "consent_to_publish"
    code = posted["service_request_id"]
    one = legacy.get_service_request(code)["service_requests"]["request"]
    assert one["service_request_id"] == code
    listed = legacy.service_requests(service_request_id=code)
    assert listed["service_request_id"] == code


def test_the_open311_client_gets_open311_errors_not_pages(server, legacy):
    with pytest.raises(HTTPError) as refused:
        legacy.request_id_from_token("no-such-token")
    body = refused.value.read()
    assert refused.value.code == 404 and ElementTree.fromstring(body).tag == "errors"
    legacy.configure(api_key="revoked-or-wrong")
    try:
        with pytest.raises(HTTPError) as wrong_key:
            legacy.post_service_request(description=TEXT)
    finally:
        legacy.reset()
    assert wrong_key.value.code == 403
    assert ElementTree.fromstring(wrong_key.value.read()).findtext("error/code") == "403"
