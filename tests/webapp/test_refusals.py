"""A refusal is answered the same way on every page; a bug is a 500, never a flashed 400."""

from __future__ import annotations

import pytest

from models.refusals import Conflict, Forbidden, Invalid, Refusal
from models.suggestions import handling
from models.suggestions.lifecycle import NotAllowed
from models.suggestions.status import InvalidTransition
from tests.flow import dispatched
from webapp.access import public


def test_refusals_carry_their_status():
    assert (Invalid.status, Forbidden.status, Conflict.status) == (400, 403, 409)
    assert issubclass(InvalidTransition, Conflict) and issubclass(NotAllowed, Forbidden)


def test_the_same_refusal_has_the_same_status_on_every_page(client, auth, session):
    """The item's state forbids the move: 409 for the agency and for the coordinator."""
    item = dispatched(session)
    auth.staff("agency1")
    assert client.post(f"/agency/items/{item.id}/accept").status_code in (302, 303)
    again = client.post(f"/agency/items/{item.id}/accept")
    assert again.status_code == 409 and "已签收过" in again.get_data(as_text=True)
    auth.signout()
    auth.staff("coordinator")
    late = client.post(f"/coordinator/items/{item.id}/approve")
    assert late.status_code == 409 and "不能通过审核" in late.get_data(as_text=True)


def test_a_bug_in_the_domain_is_a_500_not_a_flashed_refusal(app, client, auth, session,
                                                            monkeypatch):
    def broken(*_args, **_kwargs):
        raise ValueError("a programming error, not a rule")

    monkeypatch.setattr(handling, "accept", broken)
    monkeypatch.setattr("models.suggestions.lifecycle.accept", broken)
    app.config["PROPAGATE_EXCEPTIONS"] = False
    item = dispatched(session)
    auth.staff("agency1")
    response = client.post(f"/agency/items/{item.id}/accept")
    assert response.status_code == 500
    assert "a programming error" not in response.get_data(as_text=True)


@pytest.mark.parametrize("refusal", [Invalid("写得不对"), Forbidden("你不能这样做"),
                                     Conflict("已经办过了")])
def test_a_refusal_no_view_caught_is_answered_in_one_place(app, client, refusal: Refusal):
    @app.route("/_test/refused")
    @public
    def refused_page():
        raise refusal

    @app.route("/api/_test/refused")
    @public
    def refused_api():
        raise refusal

    page = client.get("/_test/refused")
    assert page.status_code == refusal.status and str(refusal) in page.get_data(as_text=True)
    api = client.get("/api/_test/refused")
    assert api.status_code == refusal.status
    assert api.get_json() == {"error": str(refusal), "status": refusal.status}
