"""Deny by default, role checks and scoping: nobody sees what is not theirs."""

import pytest
from sqlmodel import select

from models.people.tables import Group
from models.suggestions.tables import Assignment, Suggestion
from webapp import create_app


def test_every_view_declares_who_may_open_it():
    app = create_app({"TESTING": True, "SECRET_KEY": "x", "DATABASE_URL": "sqlite://"})
    undeclared = [rule.rule for rule in app.url_map.iter_rules()
                  if rule.endpoint != "static"
                  and not getattr(app.view_functions[rule.endpoint], "access", None)]
    assert undeclared == []


def test_a_view_without_a_declaration_is_refused(app, client):
    app.add_url_rule("/forgotten", "forgotten", lambda: "secret")
    response = client.get("/forgotten")
    assert response.status_code == 403 and b"secret" not in response.data


@pytest.mark.parametrize("path", ["/facilitator/", "/agency/", "/coordinator/"])
def test_a_child_cannot_open_staff_pages(client, auth, path):
    auth.child()
    assert client.get(path).status_code == 403


@pytest.mark.parametrize("path", ["/me/", "/facilitator/", "/agency/", "/coordinator/"])
def test_anonymous_visitors_are_sent_to_sign_in(client, path):
    response = client.get(path)
    assert response.status_code == 302 and "/signin/" in response.headers["Location"]


@pytest.mark.parametrize("username, path", [
    ("facilitator", "/coordinator/"), ("facilitator", "/agency/"),
    ("agency1", "/facilitator/"), ("agency1", "/coordinator/"),
    ("coordinator", "/me/"),
])
def test_staff_cannot_open_other_roles_pages(client, auth, username, path):
    auth.staff(username)
    assert client.get(path).status_code == 403


def _group(session, code):
    return session.exec(select(Group).where(Group.invite_code == code)).one()


def test_facilitator_sees_own_group(client, auth, session):
    auth.staff("facilitator")
    page = client.get(f"/facilitator/groups/{_group(session, 'HYKIDS').id}")
    assert page.status_code == 200 and "小明" in page.get_data(as_text=True)


def test_facilitator_gets_404_on_another_groups_page(client, auth, session):
    auth.staff("facilitator2")
    assert client.get(f"/facilitator/groups/{_group(session, 'HYKIDS').id}").status_code == 404


def _routed_elsewhere(session, agency_id):
    routed = select(Assignment.suggestion_id).where(Assignment.agency_id == agency_id)
    mine = set(session.exec(routed))
    others = session.exec(select(Suggestion).where(Suggestion.status != "submitted")).all()
    return [s for s in others if s.id not in mine and s.status not in ("in_review",)]


def test_agency_staff_cannot_open_another_agencys_item(client, auth, session):
    from models.people.tables import Account
    staff = session.exec(select(Account).where(Account.username == "agency3")).one()
    foreign = _routed_elsewhere(session, staff.agency_id)
    assert foreign, "the demo must route something elsewhere"
    auth.staff("agency3")
    assert client.get(f"/agency/items/{foreign[0].id}").status_code == 404


def test_agency_staff_opens_an_item_routed_to_them(client, auth, session):
    from models.people.tables import Account
    staff = session.exec(select(Account).where(Account.username == "agency1")).one()
    mine = session.exec(select(Assignment).where(Assignment.agency_id == staff.agency_id)).first()
    auth.staff("agency1")
    assert client.get(f"/agency/items/{mine.suggestion_id}").status_code == 200
