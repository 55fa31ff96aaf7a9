"""问一问孩子 through the pages: the facilitator asks, the child sees the question on their
own suggestion page and answers, and the facilitator gets the item back with the answer."""

from models.suggestions import questions
from models.suggestions.status import Status
from tests.flow import actor, new_suggestion


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
