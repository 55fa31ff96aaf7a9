"""Checklists 26 and 28: personal details found, flagged items wait for a rewrite, coarse places."""

import json
import re
from pathlib import Path

import pytest
from sqlmodel import select

from classifier.redact import redact
from models.privacy.personal_data import PersonalDetailsLeft, coarse_place, flags
from models.suggestions import moderation
from models.suggestions.status import Status
from models.suggestions.tables import Suggestion
from tests.flow import account, council, new_suggestion

CASES = Path(__file__).parents[2] / "training" / "data" / "pii_cases.jsonl"
NUMBER = re.compile(r"\d{7,}|\d{3,4}[- ]\d{3,4}")


def _number_masks() -> list[str]:
    """Every phone or ID number the labelled corpus says must be masked."""
    rows = [json.loads(line) for line in CASES.read_text("utf-8").splitlines() if line.strip()]
    return [(row["text"], mask) for row in rows for mask in row["must_mask"]
            if NUMBER.search(mask)]


def test_phone_and_id_recall_on_the_labelled_corpus_is_at_least_95_percent():
    cases = _number_masks()
    assert len(cases) >= 100
    caught = sum(mask not in redact(text).text for text, mask in cases)
    assert caught / len(cases) >= 0.95


def _flagged(session):
    text = "我在育才小学三年级二班，学校门口的红绿灯太短了"
    item = new_suggestion(session, topic="transport", text=text)
    assert flags(item) == ["class", "school"]
    return item


def test_a_flagged_item_cannot_be_forwarded_until_it_is_reworded(session):
    item = _flagged(session)
    facilitator = account(session, "facilitator")
    with pytest.raises(PersonalDetailsLeft, match="班级、学校名称"):
        moderation.approve(session, suggestion=item, account=facilitator,
                           notice_version="2026-11", consent_age=14)
    session.rollback()
    session.refresh(item)
    assert item.status == Status.SUBMITTED
    moderation.clarify(session, suggestion=item, text="学校门口的红绿灯时间太短了",
                       account=facilitator)
    assert moderation.approve(session, suggestion=item, account=facilitator,
                              notice_version="2026-11", consent_age=14)
    assert item.status == Status.DISPATCHED and "育才" not in item.agency_text


def test_the_facilitator_sees_why_and_nothing_is_sent(client, auth, session):
    item = _flagged(session)
    auth.staff("facilitator")
    response = client.post(f"/facilitator/review/{council(session).id}/{item.id}/approve")
    assert response.status_code == 400 and "个人信息" in response.get_data(as_text=True)
    session.refresh(item)
    assert item.status == Status.SUBMITTED


def test_a_phone_number_the_facilitator_types_back_in_is_flagged_too(session):
    item = new_suggestion(session, topic="transport", text="红绿灯太短了")
    item.clarified_text = "红绿灯太短了，请联系家长 13912345678"
    assert flags(item) == ["phone"]


def test_the_form_carries_the_just_in_time_warning(client):
    page = client.get("/suggest/").get_data(as_text=True)
    assert 'id="pii-warning"' in page and "js/suggest.js" in page
    script = client.get("/static/js/suggest.js").get_data(as_text=True)
    assert "pii-warning" in script and "input" in script


@pytest.mark.parametrize(("typed", "stored"), [
    ("幸福路18号3栋2单元301", "幸福路"),
    ("28.193456, 112.571234", "28.19, 112.57"),
    ("人民公园北门", "人民公园北门"),
    ("地铁3号线出口", "地铁3号线出口"),
])
def test_places_are_coarsened_before_they_are_stored(client, session, typed, stored):
    client.post("/suggest/", data={"text": "这里的路灯坏了", "place": typed,
                                   "plan_id": "hengyang", "idempotency_key": "p" * 24})
    found = session.exec(select(Suggestion).where(Suggestion.idempotency_key == "p" * 24)).one()
    assert found.place == stored == coarse_place(typed)


def test_open311_coordinates_are_stored_no_finer_than_001_degrees(client, session):
    response = client.post("/open311/v2/requests.json", data={
        "api_key": "demo", "description": "路口的红绿灯坏了", "lat": "28.193456",
        "long": "112.571234", "address_string": "28.193456,112.571234"})
    code = response.get_json()[0]["service_request_id"]
    found = session.exec(select(Suggestion).where(Suggestion.tracking_code == code)).one()
    stored = " ".join(str(value) for value in found.model_dump().values())
    assert "28.1934" not in stored and "112.5712" not in stored
    for degrees in re.findall(r"\d+\.(\d+)", found.place):
        assert len(degrees) <= 2
