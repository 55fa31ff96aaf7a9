"""Junk on every endpoint, as every kind of user: a clear refusal, never a server error.

The walk covers every rule in the URL map, so a new form or endpoint is tested the day it
is added: its URL parameters get a real demo id, an id that does not exist and one too big
for any database integer; its body gets empty, oversized, control-character and
wrong-type values for every field a form of ours might read.
"""

import io

import pytest
from sqlmodel import select

from models.people.tables import Group, Meeting
from models.suggestions.tables import Suggestion

JUNK_FIELDS = (
    "text", "place", "reason", "note", "answer", "formal_reply", "title", "topic", "agenda",
    "nickname", "pin", "invite_code", "username", "password", "code", "agency_id", "agency",
    "choice", "option", "options", "rating", "comment", "age_band", "birth", "guardian",
    "method", "notice_version", "date", "starts_at", "due_weight", "next_step", "next_date",
    "kind", "message", "level", "name", "role", "display_name", "email", "phone", "contact",
    "target_id", "other_id", "template", "show_name", "item", "rating_0", "status", "sort",
    "service_code", "description", "api_key", "lat", "long", "address_string", "body",
    "idempotency_key", "confirm", "reply", "quick", "minutes",
)
JUNK_VALUES = ("", "\x00<script>alert(1)</script>' OR 1=1 --", "9" * 40, "x" * 20_000)
HUGE_ID = 10**20


def _ids(session) -> dict[str, list[str]]:
    """A real id for each URL parameter, one that does not exist, and one too big."""
    group = session.exec(select(Group).where(Group.invite_code == "HYKIDS")).one()
    suggestion = session.exec(select(Suggestion).where(Suggestion.group_id == group.id)).first()
    meeting = session.exec(select(Meeting).where(Meeting.group_id == group.id)).first()
    real = {"group_id": group.id, "suggestion_id": suggestion.id,
            "meeting_id": meeting.id if meeting else 1, "code": suggestion.tracking_code}
    return {name: [str(real.get(name, 1)), "2147483000", str(HUGE_ID)] for name in (
        "group_id", "suggestion_id", "meeting_id", "visit_id", "attachment_id", "member_id",
        "case_id", "agency_id", "account_id", "object_id", "step_id", "extension_id",
        "client_id", "review_id", "number", "place_id")} | {
        "code": [real["code"], "TS-ZZZZZZ", "../../etc/passwd"],
        "conversation_id": ["nope", "x" * 300],
        "fmt": ["json", "xml", "exe"], "kind": ["suggestion", "password_hash"],
        "name": ["site.css", "../secret_key"], "filename": ["a.jpg", "../../instance/secret_key"],
        "request_id": ["1", "TS-ZZZZZZ", "-1"], "token": ["nope", "x" * 300]}


def _urls(app, session, method: str) -> list[str]:
    ids = _ids(session)
    urls = []
    for rule in app.url_map.iter_rules():
        if method not in rule.methods or rule.endpoint == "static":
            continue
        for index in range(3):
            values = {arg: ids.get(arg, ["junk"])[min(index, len(ids.get(arg, ["junk"])) - 1)]
                      for arg in rule.arguments}
            urls.append(rule.build(values, append_unknown=False)[1])
    endings = ("/signin/out", "/delete")  # they end the session: walk them last
    return sorted(set(urls), key=lambda url: url.endswith(endings))


def _sign_in(auth, who: str) -> None:
    if who == "child":
        auth.child()
    elif who != "anonymous":
        auth.staff(who)


ROLES = ["anonymous", "child", "facilitator", "agency1", "coordinator"]


@pytest.mark.parametrize("who", ROLES)
def test_junk_posted_anywhere_gets_a_refusal_not_a_server_error(app, client, auth, session, who):
    _sign_in(auth, who)
    failures = []
    for url in _urls(app, session, "POST"):
        for value in JUNK_VALUES:
            data = {field: value for field in JUNK_FIELDS}
            data["photo"] = (io.BytesIO(b"<?php echo 1; ?>"), "x.jpg")
            data["file"] = (io.BytesIO(b"\x00" * 64), "x.pdf")
            response = client.post(url, data=data, content_type="multipart/form-data")
            if response.status_code >= 500:
                failures.append((url, value[:12], response.status_code))
    assert not failures, failures


@pytest.mark.parametrize("who", ROLES)
def test_junk_query_strings_anywhere_get_a_refusal_not_a_server_error(app, client, auth,
                                                                      session, who):
    _sign_in(auth, who)
    query = {"sort": "password_hash", "page": "-1", "status": "zzz", "from": "2026-99-99",
             "to": "x", "agency": str(HUGE_ID), "domain": "\x00", "topic": "'", "q": "x" * 5000,
             "format": "exe", "group": "-5", "start_date": "never", "end_date": "2026-02-30"}
    failures = []
    for url in _urls(app, session, "GET"):
        if url.endswith(("/signin/out", "/delete")):
            continue
        response = client.get(url, query_string=query)
        if response.status_code >= 500:
            failures.append((url, response.status_code))
    assert not failures, failures


def test_a_failed_child_form_keeps_what_the_child_wrote(client):
    text = "公园的秋千坏了，" * 200  # far over the length limit
    response = client.post("/suggest/", data={"text": text, "place": "人民公园"})
    page = response.get_data(as_text=True)
    assert response.status_code in (200, 400, 422)
    assert "人民公园" in page and "公园的秋千坏了" in page
