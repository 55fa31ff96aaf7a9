"""Open311 GeoReport v2: services, requests in JSON and XML, api keys, errors, schemathesis."""

from xml.etree import ElementTree

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from models.plans.plan import load_plan, plan_ids
from tests.flow import dispatched


def test_the_api_matches_its_openapi_description(app):
    """schemathesis drives every operation with generated input and checks every reply."""
    app.config["RATELIMIT_ENABLED"] = False
    schema = schemathesis.openapi.from_wsgi("/open311/v2/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) == 7
    for operation in operations:
        @settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
        @given(case=operation.as_strategy())
        def check(case):
            case.call_and_validate()

        check()


def test_services_are_the_topics_of_a_plan(client):
    services = client.get("/open311/v2/services.json?jurisdiction_id=hengyang").get_json()
    codes = {s["service_code"] for s in services}
    assert "schooling" in codes and "transport" in codes and len(codes) == 17


def test_services_in_xml(client):
    response = client.get("/open311/v2/services.xml?jurisdiction_id=changzhou")
    root = ElementTree.fromstring(response.data)
    assert root.tag == "services" and root.find("service/service_code") is not None


def test_a_post_without_service_code_is_classified_and_names_the_lead_agency(client):
    response = client.post("/open311/v2/requests.json", data={
        "api_key": "demo", "jurisdiction_id": "hengyang",
        "description": "学校门口的红绿灯时间太短了，过马路很危险"})
    assert response.status_code == 200
    created = response.get_json()[0]
    lead = load_plan("hengyang").route(created["service_code"]).lead_agencies[0]
    assert created["service_code"] == "transport" and lead in created["agency_responsible"]
    pending = client.get(f"/open311/v2/requests/{created['service_request_id']}.json")
    assert pending.status_code == 404, "nothing is public before a facilitator approves it"


def test_a_post_with_service_code_keeps_the_callers_topic(client):
    created = client.post("/open311/v2/requests.json", data={
        "api_key": "demo", "service_code": "culture_sports",
        "description": "希望图书馆周末晚上也开门"}).get_json()[0]
    assert created["service_code"] == "culture_sports"


def test_a_post_without_a_key_is_refused_in_the_standard_error_format(client):
    response = client.post("/open311/v2/requests.json", data={"description": "x"})
    assert response.status_code == 403
    assert response.get_json()[0]["code"] == 403 and "api_key" in response.get_json()[0][
        "description"]


def test_errors_in_xml(client):
    response = client.post("/open311/v2/requests.xml", data={"api_key": "wrong",
                                                              "description": "x"})
    root = ElementTree.fromstring(response.data)
    assert response.status_code == 403 and root.tag == "errors"
    assert root.find("error/code").text == "403"


def test_requests_filter_by_status_and_service(client, session):
    item = dispatched(session)
    item.consent_to_publish = True
    session.add(item)
    session.commit()
    listed = client.get("/open311/v2/requests.json?status=open&service_code=schooling").get_json()
    assert item.tracking_code in [r["service_request_id"] for r in listed]
    closed = client.get("/open311/v2/requests.json?status=closed").get_json()
    assert item.tracking_code not in [r["service_request_id"] for r in closed]
    one = client.get(f"/open311/v2/requests/{item.tracking_code}.xml")
    assert ElementTree.fromstring(one.data).find("request/expected_datetime").text


def test_an_unknown_jurisdiction_is_a_400(client):
    response = client.get("/open311/v2/services.json?jurisdiction_id=atlantis")
    assert response.status_code == 400 and response.get_json()[0]["code"] == 400


def test_a_bad_date_filter_is_a_400(client):
    response = client.get("/open311/v2/requests.json?start_date=yesterday")
    assert response.status_code == 400


def test_nul_bytes_are_bad_input_not_a_crash(client):
    response = client.get("/open311/v2/requests/TS-%00.json")
    assert response.status_code == 400 and response.get_json()[0]["code"] == 400
    listing = client.get("/open311/v2/requests.json?service_request_id=%00")
    assert listing.status_code == 200, "a NUL in a query argument is dropped, not a crash"
    assert client.get("/track/TS-%00").status_code == 404


@pytest.mark.parametrize("city", plan_ids())
def test_the_demo_key_works_for_every_city(client, city):
    """The README's demo key: a reviewer trying any of the five cities is never refused."""
    response = client.post("/open311/v2/requests.json", data={
        "api_key": "demo", "jurisdiction_id": city, "description": "希望图书馆周末晚上也开门"})
    assert response.status_code == 200, response.get_data(as_text=True)
    assert response.get_json()[0]["service_request_id"]
