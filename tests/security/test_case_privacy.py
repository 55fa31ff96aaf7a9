"""Issue 16: a child's disclosure is read only by those who may open its case.

A coordinator who is not a safeguarding lead (while the city has one) sees at most that an
item is held: no list, export, API or board shows its words, and its page is a 404.
"""

from __future__ import annotations

import io

import openpyxl
import pytest
from sqlmodel import select

from models.demo import DEMO_PASSWORD
from models.office import export_jobs
from models.people import accounts
from models.people.tables import Account, Role
from models.safety import held, safeguarding
from models.safety.safeguarding import SafeguardingCase
from models.suggestions import intake
from models.suggestions.lifecycle import Classification, Draft, actor_for_member
from models.suggestions.tables import Suggestion
from tests.flow import account, council, member

WORDS = "继父喝醉了就用皮带抽我，我晚上不敢回家。"
ORDINARY = "学校门口的红绿灯太短了，我们过马路来不及。"
TABS = ("triage", "returned", "reopened", "review", "overdue", "all")


def _take(session, text: str, urgent: bool) -> Suggestion:
    draft = Draft(plan_id="hengyang", text=text, group_id=council(session).id,
                  member_id=member(session).id)
    return intake.take_suggestion(session, draft, actor_for_member(member(session)))


@pytest.fixture
def held_item(session, monkeypatch):
    """A disclosure (held, in a case) and an ordinary suggestion, both in every tab's city."""
    monkeypatch.setattr(intake, "classify_text", lambda text, plan_id=None: Classification(
        redacted_text=text, urgent=text == WORDS))
    ordinary = _take(session, ORDINARY, False)
    item = _take(session, WORDS, True)
    accounts.create_account(session, username="coordinator3", display_name="统筹 孙老师",
                            password=DEMO_PASSWORD, role=Role.COORDINATOR, plan_id="hengyang")
    session.commit()
    assert item.case_id is not None and ordinary.case_id is None
    return item


def _page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    if response.mimetype.endswith("sheet"):
        book = openpyxl.load_workbook(io.BytesIO(response.data), read_only=True)
        return "\n".join(str(cell) for sheet in book for row in sheet.iter_rows(values_only=True)
                         for cell in row)
    return response.get_data(as_text=True)


PAGES = [f"/coordinator/?tab={tab}&size=100" for tab in TABS] + [
    "/coordinator/export.csv", "/coordinator/export.xlsx", "/safeguarding/"]


@pytest.mark.parametrize("url", PAGES)
def test_a_coordinator_who_is_not_a_lead_never_reads_the_disclosure(client, auth, held_item,
                                                                   url):
    auth.staff("coordinator")
    lead_sees = _page(client, url)
    auth.signout()
    auth.staff("coordinator3")
    other_sees = _page(client, url)
    assert WORDS not in other_sees
    assert held_item.tracking_code not in other_sees
    if url.endswith(("tab=all&size=100", ".csv", ".xlsx")):
        assert WORDS in lead_sees and ORDINARY in other_sees


def test_the_home_page_says_only_how_many_are_held(client, auth, held_item):
    auth.staff("coordinator3")
    page = _page(client, "/coordinator/")
    assert "另有 1 条建议由安全负责人处理" in page and WORDS not in page


@pytest.mark.parametrize("method, path", [("get", ""), ("get", "/files/1"),
                                          ("get", "/steps/1.pdf"), ("post", "/note")])
def test_the_held_items_own_pages_are_a_404_for_them(client, auth, held_item, method, path):
    auth.staff("coordinator3")
    url = f"/coordinator/items/{held_item.id}{path}"
    assert getattr(client, method)(url, data={"text": "?"}).status_code == 404
    auth.signout()
    auth.staff("coordinator")
    assert client.get(f"/coordinator/items/{held_item.id}").status_code == 200


def test_an_export_job_leaves_it_out_for_them(session, held_item):
    from models.files import storage

    lead_job = export_jobs.start(session, account(session, "coordinator"), "csv", {})
    job = export_jobs.start(session, account(session, "coordinator3"), "csv", {})
    assert job.total_rows == lead_job.total_rows - 1
    written = {}
    for each in (lead_job, job):
        done = export_jobs.run(session, each.id)
        written[each.id] = b"".join(storage.stream(session, done.file_name)).decode("utf-8-sig")
    assert WORDS in written[lead_job.id] and WORDS not in written[job.id]
    assert ORDINARY in written[job.id]


def test_public_and_api_lists_never_hold_it(client, held_item):
    for url in ("/open311/v2/requests.json?jurisdiction_id=hengyang",
                f"/open311/v2/requests/{held_item.tracking_code}.json?jurisdiction_id=hengyang",
                "/board/"):
        assert WORDS not in client.get(url).get_data(as_text=True)


def test_the_group_facilitator_reads_it_another_does_not(client, auth, session, held_item):
    assert held.may_read(session, account(session, "facilitator"), held_item)
    assert not held.may_read(session, account(session, "facilitator2"), held_item)
    assert not held.may_read(session, account(session, "agency1"), held_item)


def test_a_city_with_no_lead_shows_it_to_every_coordinator(client, auth, session, held_item):
    for lead in session.exec(select(Account).where(Account.is_safeguarding_lead)).all():
        lead.is_safeguarding_lead = False
        session.add(lead)
    session.commit()
    auth.staff("coordinator3")
    assert WORDS in _page(client, "/coordinator/?tab=all")


def test_an_escalated_case_or_a_released_item_reaches_them(session, held_item):
    other = account(session, "coordinator3")
    assert not held.may_read(session, other, held_item)
    case = session.get(SafeguardingCase, held_item.case_id)
    case.escalation_level = 1
    session.add(case)
    session.commit()
    assert held.may_read(session, other, held_item)
    case.escalation_level = 0
    session.add(case)
    safeguarding.release(session, case=case, suggestion=held_item,
                         account=account(session, "coordinator"))
    assert held.may_read(session, other, held_item)


def test_a_similar_suggestion_never_shows_a_case_to_another_groups_facilitator(session,
                                                                            held_item):
    from models.suggestions import similarity

    held_item.urgent = False  # a later message of the same conversation: in the case
    fresh = Suggestion(plan_id="hengyang", tracking_code="TS-ZZZZZZ", original_text=WORDS,
                       redacted_text=WORDS, status=held_item.status)
    session.add_all([held_item, fresh])
    session.commit()
    assert held_item.id not in [m.suggestion.id for m in similarity.similar_open(session, fresh)]
