"""No dead ends: the coordinator rewrites what agencies read, at any stage, and a name or a
phone number typed into the new words never reaches an agency."""

from models.suggestions.status import Status
from tests.flow import answered, dispatched


def _rewrite(client, item, text: str):
    return client.post(f"/coordinator/items/{item.id}/agency-text", data={"text": text})


def test_the_coordinator_rewrites_a_dispatched_item_and_the_agency_reads_it(client, auth,
                                                                            session):
    item = dispatched(session)
    original = item.original_text
    auth.staff("coordinator")
    response = _rewrite(client, item, "学校食堂的菜太咸，孩子们希望少放盐。")
    assert response.status_code == 302
    session.refresh(item)
    assert item.original_text == original and item.status == Status.DISPATCHED
    auth.signout()
    auth.staff("agency1")
    page = client.get(f"/agency/items/{item.id}").get_data(as_text=True)
    assert "学校食堂的菜太咸，孩子们希望少放盐。" in page


def test_an_answered_item_can_still_be_reworded_and_the_history_says_so(client, auth, session):
    item = answered(session)
    auth.staff("coordinator")
    assert _rewrite(client, item, "食堂少放盐的建议。").status_code == 302
    page = client.get(f"/coordinator/items/{item.id}").get_data(as_text=True)
    assert "改写说法" in page and "食堂少放盐的建议。" in page


def test_personal_details_typed_by_the_coordinator_are_masked(client, auth, session):
    item = dispatched(session)
    auth.staff("coordinator")
    response = _rewrite(client, item, "请联系孩子妈妈，电话 13812345678，食堂太咸。")
    assert response.status_code == 302
    page = client.get(f"/coordinator/items/{item.id}").get_data(as_text=True)
    assert "个人信息，已经隐去" in page
    session.refresh(item)
    assert "13812345678" not in item.agency_text and "食堂太咸" in item.agency_text


def test_an_empty_rewrite_is_refused_and_keeps_the_old_words(client, auth, session):
    item = dispatched(session)
    before = item.agency_text
    auth.staff("coordinator")
    response = _rewrite(client, item, "   ")
    assert response.status_code == 400 and "请写下给部门看的说法" in response.get_data(as_text=True)
    session.refresh(item)
    assert item.agency_text == before


def test_an_agency_cannot_rewrite_the_text(client, auth, session):
    item = dispatched(session)
    before = item.agency_text
    auth.staff("agency1")
    assert _rewrite(client, item, "部门自己改的").status_code in (302, 403)
    session.refresh(item)
    assert item.agency_text == before
