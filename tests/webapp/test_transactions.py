"""One owner of each transaction: the domain flushes, the request (or command, or job)
commits once, so what belongs together is stored together or not at all."""

from __future__ import annotations

import re

from sqlalchemy.exc import OperationalError
from sqlmodel import func, select

from models.safety.safeguarding import SafeguardingCase
from models.suggestions import intake
from models.suggestions.tables import Suggestion
from webapp.access import public
from webapp.db import get_session

DISCLOSURE = "我爸爸每天晚上喝醉了就打我，我很害怕，不敢回家。"


def _key(client) -> str:
    page = client.get("/suggest/").get_data(as_text=True)
    return re.search(r'name="idempotency_key" type="hidden" value="([^"]+)"', page).group(1)


def _count(session, table) -> int:
    return session.exec(select(func.count()).select_from(table)).one()


def test_an_urgent_suggestion_is_never_stored_without_its_case(client, session, monkeypatch):
    def case_fails(*_args, **_kwargs):
        raise OperationalError("INSERT INTO safeguarding_case", {}, Exception("disk full"))

    monkeypatch.setattr(intake, "open_for_suggestion", case_fails)
    suggestions, cases = _count(session, Suggestion), _count(session, SafeguardingCase)
    response = client.post("/suggest/", data={"text": DISCLOSURE, "plan_id": "hengyang",
                                              "idempotency_key": _key(client)})
    assert response.status_code == 503, "the child is asked to send again"
    assert DISCLOSURE in response.get_data(as_text=True), "with the words kept in the form"
    assert _count(session, Suggestion) == suggestions, "no suggestion without its case"
    assert _count(session, SafeguardingCase) == cases


def test_an_urgent_suggestion_and_its_case_are_stored_together(client, session):
    suggestions, cases = _count(session, Suggestion), _count(session, SafeguardingCase)
    client.post("/suggest/", data={"text": DISCLOSURE, "plan_id": "hengyang",
                                   "idempotency_key": _key(client)})
    assert _count(session, Suggestion) == suggestions + 1
    assert _count(session, SafeguardingCase) == cases + 1


def test_a_refused_request_keeps_nothing_it_wrote(app, client, session):
    """Whatever a view wrote before answering 4xx is rolled back by the request's owner."""
    @app.route("/_test/half-done")
    @public
    def half_done():
        item = get_session().exec(select(Suggestion)).first()
        item.place = "half-done"
        get_session().flush()
        return "refused", 409

    assert client.get("/_test/half-done").status_code == 409
    assert session.exec(select(Suggestion).where(Suggestion.place == "half-done")).first() is None
