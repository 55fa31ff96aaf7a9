"""Checklist 27: a disclosure opens a restricted case; the lead is told; the record is kept."""

import pytest
from sqlmodel import select

from models.notices.notifications import Notification
from models.people.tables import Account
from models.safety.safeguarding import SafeguardingCase, SafeguardingReport
from models.suggestions import intake
from models.suggestions.lifecycle import Classification, Draft, actor_for_member
from models.suggestions.tables import Suggestion

from .conftest import group, member

DISCLOSURE = "爸爸喝醉了就打我，我晚上不敢回家。"


@pytest.fixture
def case(session, monkeypatch):
    monkeypatch.setattr(intake, "classify_text", lambda text, plan_id=None: Classification(
        redacted_text=text, urgent=True))
    child = member(session)
    draft = Draft(plan_id="hengyang", text=DISCLOSURE, group_id=group(session).id,
                  member_id=child.id)
    suggestion = intake.take_suggestion(session, draft, actor_for_member(child))
    return session.exec(select(SafeguardingCase).where(
        SafeguardingCase.suggestion_code == suggestion.tracking_code)).one()


def test_a_disclosure_opens_a_case_and_tells_the_lead(session, case):
    assert case.disclosure == DISCLOSURE and case.child_label == "小明"
    lead = session.exec(select(Account).where(Account.username == "coordinator")).one()
    notices = session.exec(select(Notification).where(Notification.account_id == lead.id,
                                                      Notification.kind == "safeguarding")).all()
    assert len(notices) == 1


@pytest.mark.parametrize("username, status", [
    ("facilitator", 200), ("coordinator", 200), ("facilitator2", 404), ("agency1", 403)])
def test_only_the_groups_facilitator_and_the_lead_can_open_it(client, auth, case, username,
                                                              status):
    auth.staff(username)
    response = client.get(f"/safeguarding/{case.id}")
    assert response.status_code == status
    assert (DISCLOSURE in response.get_data(as_text=True)) == (status == 200)


def test_a_coordinator_who_is_not_the_lead_gets_404(client, auth, session, case):
    lead = session.exec(select(Account).where(Account.username == "coordinator")).one()
    lead.is_safeguarding_lead = False
    session.add(lead)
    session.commit()
    auth.staff("coordinator")
    assert client.get(f"/safeguarding/{case.id}").status_code == 404
    assert DISCLOSURE not in client.get("/safeguarding/").get_data(as_text=True)


def test_the_case_shows_who_to_call_and_keeps_the_report_made(client, auth, session, case):
    auth.staff("facilitator")
    page = client.get(f"/safeguarding/{case.id}").get_data(as_text=True)
    assert "110" in page and "12355" in page and "强制报告" in page
    bad = client.post(f"/safeguarding/{case.id}/report", data={"target": ""})
    assert bad.status_code == 400 and "请选择向哪里报告" in bad.get_data(as_text=True)
    refused = client.post(f"/safeguarding/{case.id}/close")
    assert refused.status_code == 400 and "请先记录" in refused.get_data(as_text=True)
    client.post(f"/safeguarding/{case.id}/report",
                data={"target": "110", "reference": "JJ-2026-0042", "note": "已报警"})
    rows = session.exec(select(SafeguardingReport)).all()
    assert [(r.target, r.reference) for r in rows] == [("110", "JJ-2026-0042")]
    assert "JJ-2026-0042" in client.get(f"/safeguarding/{case.id}").get_data(as_text=True)


def test_a_deletion_request_keeps_the_case(client, auth, session, case):
    auth.child()
    response = client.post("/me/data/delete", data={"pin": "1234", "sure": "y"})
    assert response.status_code == 302
    session.expire_all()
    kept = session.get(SafeguardingCase, case.id)
    assert kept is not None and kept.disclosure == DISCLOSURE
    assert session.exec(select(Suggestion).where(
        Suggestion.tracking_code == case.suggestion_code)).first() is None


def test_the_agency_sees_nothing_of_the_case(client, auth, case):
    auth.staff("agency1")
    assert DISCLOSURE not in client.get("/agency/").get_data(as_text=True)
    assert client.get("/safeguarding/").status_code == 403


BANNER = "个孩子可能处在危险中，还没有报告"


@pytest.mark.parametrize("username, page, shown", [
    ("coordinator", "/coordinator/", True), ("coordinator", "/notices/", True),
    ("facilitator", "/facilitator/", True), ("facilitator2", "/facilitator/", False),
    ("agency1", "/agency/", False)])
def test_an_unreported_case_is_on_every_page_its_people_open(client, auth, case, username, page,
                                                            shown):
    auth.staff(username)
    assert (BANNER in client.get(page).get_data(as_text=True)) == shown


def test_the_banner_goes_once_the_report_is_recorded(client, auth, case):
    auth.staff("coordinator")
    response = client.post(f"/safeguarding/{case.id}/report",
                           data={"target": "110", "reference": "J2026-1", "note": "已报警"},
                           follow_redirects=True)
    assert response.status_code == 200
    assert BANNER not in client.get("/coordinator/").get_data(as_text=True)
