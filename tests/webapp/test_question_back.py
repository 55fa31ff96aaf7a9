"""问一问孩子 through the pages: the facilitator asks, the child sees the question on their
own suggestion page and answers, and the facilitator gets the item back with the answer."""

import pytest

from models.suggestions import questions
from models.suggestions.permissions import NotAllowed
from models.suggestions.status import Status
from tests.flow import accepted, actor, new_suggestion


def _review_url(suggestion) -> str:
    return f"/facilitator/review/{suggestion.group_id}/{suggestion.id}"


def test_a_question_goes_to_the_child_and_the_answer_comes_back(client, session, auth):
    suggestion = new_suggestion(session, text="那个滑梯太高了", nickname="小红")
    auth.staff("facilitator")
    page = client.get(_review_url(suggestion)).get_data(as_text=True)
    assert "问一问孩子" in page and "还不太清楚" not in page
    client.post(_review_url(suggestion) + "/ask",
                data={"own_question": "是哪个公园的滑梯呀？"})
    session.refresh(suggestion)
    assert suggestion.status == Status.WAITING_FOR_CHILD
    queue = client.get("/facilitator/review/").get_data(as_text=True)
    assert "等孩子回答的问题" in queue and suggestion.tracking_code in queue

    auth.signout()
    auth.child("小红", "2345")
    home = client.get("/me/").get_data(as_text=True)
    assert "❓ 等你回答一个问题" in home
    track = client.get(f"/track/{suggestion.tracking_code}").get_data(as_text=True)
    assert "辅导员想问你一个问题" in track and "是哪个公园的滑梯呀？" in track
    empty = client.post(f"/track/{suggestion.tracking_code}/reply", data={"text": " "})
    assert empty.status_code == 400 and "写一写你的回答吧" in empty.get_data(as_text=True)
    client.post(f"/track/{suggestion.tracking_code}/reply", data={"text": "人民公园东门"})
    session.refresh(suggestion)
    assert suggestion.status == Status.IN_REVIEW
    after = client.get(f"/track/{suggestion.tracking_code}").get_data(as_text=True)
    assert "你回答了" in after and 'id="question"' not in after

    auth.signout()
    auth.staff("facilitator")
    page = client.get(_review_url(suggestion)).get_data(as_text=True)
    assert "孩子回答" in page and "人民公园东门" in page and "通过并送出" in page


def test_someone_else_who_knows_the_code_cannot_answer(client, session, auth):
    suggestion = new_suggestion(session, nickname="小红")
    questions.ask(session, suggestion, actor=actor(session, "facilitator"), question="在哪里？")
    session.commit()
    auth.child("小明", "1234")
    refused = client.post(f"/track/{suggestion.tracking_code}/reply", data={"text": "我知道"})
    assert refused.status_code == 404
    session.refresh(suggestion)
    assert suggestion.status == Status.WAITING_FOR_CHILD


AGENCY_ASKS = "请说明午餐分量不足的具体年级及就餐时段。"
IN_CHILD_WORDS = "你是几年级的呀？是哪一顿饭不够吃？"


def _agency_asks(client, auth, session):
    item = accepted(session)
    auth.staff("agency1")
    asked = client.post(f"/agency/items/{item.id}/ask", data={"question": AGENCY_ASKS})
    assert asked.status_code == 302
    page = client.get(f"/agency/items/{item.id}").get_data(as_text=True)
    assert "你们的问题正在等辅导员转给孩子" in page
    auth.signout()
    return item


def test_an_agency_asks_through_the_facilitator_and_reads_the_childs_answer(
        client, session, auth):
    item = _agency_asks(client, auth, session)
    auth.child()
    assert AGENCY_ASKS not in client.get(f"/track/{item.tracking_code}").get_data(as_text=True)
    assert "有个问题想问你" not in client.get("/me/").get_data(as_text=True)

    auth.signout()
    auth.staff("facilitator")
    queue = client.get("/facilitator/review/").get_data(as_text=True)
    assert "部门想问孩子的问题，等你转达" in queue and item.tracking_code in queue
    assert AGENCY_ASKS in client.get(_review_url(item)).get_data(as_text=True)
    client.post(_review_url(item) + "/relay", data={"question": IN_CHILD_WORDS})
    queue = client.get("/facilitator/review/").get_data(as_text=True)
    assert "部门想问孩子的问题，等你转达" not in queue  # passed on: no longer waiting for them

    auth.signout()
    auth.child()
    assert "有个问题想问你" in client.get("/me/").get_data(as_text=True)
    track = client.get(f"/track/{item.tracking_code}").get_data(as_text=True)
    assert IN_CHILD_WORDS in track and AGENCY_ASKS not in track
    client.post(f"/track/{item.tracking_code}/reply", data={"text": "三年级，中午的饭不够"})
    session.refresh(item)
    assert item.status == Status.ACCEPTED  # still the agency's to handle
    assert 'id="question"' not in client.get(f"/track/{item.tracking_code}").get_data(
        as_text=True)

    auth.signout()
    auth.staff("agency1")
    page = client.get(f"/agency/items/{item.id}").get_data(as_text=True)
    assert "三年级，中午的饭不够" in page and IN_CHILD_WORDS in page
    assert 'id="ask-child"' in page  # it may ask again
    auth.signout()
    auth.staff("facilitator")  # the question is answered: reading the item needs a reason
    client.post(f"/staff/access/reason/suggestion/{item.id}", data={"reason": "relay_question"})
    assert "三年级，中午的饭不够" in client.get(_review_url(item)).get_data(as_text=True)


def test_a_facilitator_may_keep_the_agencys_question_back(client, session, auth):
    item = _agency_asks(client, auth, session)
    auth.staff("facilitator")
    client.post(_review_url(item) + "/keep-back",
                data={"reason": "孩子才 8 岁，我当面问过了：三年级。"})
    auth.signout()
    auth.staff("agency1")
    page = client.get(f"/agency/items/{item.id}").get_data(as_text=True)
    assert "辅导员没有转给孩子" in page and "我当面问过了" in page
    auth.signout()
    auth.child()
    refused = client.post(f"/track/{item.tracking_code}/reply", data={"text": "你好"})
    assert refused.status_code == 400 and "现在没有要你回答的问题" in refused.get_data(as_text=True)
    assert "有个问题想问你" not in client.get("/me/").get_data(as_text=True)


def test_an_agency_cannot_put_its_question_to_the_child_itself(session):
    item = accepted(session)
    questions.agency_asks(session, item, actor=actor(session, "agency1"), question="几年级？")
    with pytest.raises(NotAllowed):
        questions.relay(session, item, actor=actor(session, "agency1"), question="几年级？")
    assert questions.open_question(session, item) is None


def test_the_city_office_passes_on_a_question_for_a_child_of_no_group(client, session, auth):
    item = accepted(session)
    item.group_id = None  # written on the plain form, no group: no facilitator to ask
    session.add(item)
    session.commit()
    auth.staff("agency1")
    client.post(f"/agency/items/{item.id}/ask", data={"question": AGENCY_ASKS})
    auth.signout()
    auth.staff("coordinator")
    assert AGENCY_ASKS in client.get(f"/coordinator/items/{item.id}").get_data(as_text=True)
    client.post(f"/coordinator/items/{item.id}/relay", data={"question": IN_CHILD_WORDS})
    assert questions.open_question(session, item).note == IN_CHILD_WORDS
