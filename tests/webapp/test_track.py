"""The child's tracking page: a plain timeline with the routing history, the answer, a rating."""

from models.suggestions import lifecycle, moderation
from models.suggestions.status import Status
from tests.flow import account, actor, answered, dispatched, new_suggestion


def test_the_timeline_speaks_plain_words_and_names_the_agency(client, auth, session):
    auth.child()  # the author: only they act on it, or see it before it is public
    item = dispatched(session)
    lifecycle.accept(session, item, actor=actor(session, "agency1"))
    session.commit()
    page = client.get(f"/track/{item.tracking_code}").get_data(as_text=True)
    for words in ("收到了", "议事会看过了", "送到了", "签收了"):
        assert words in page
    assert "教育局" in page


def test_the_routing_history_shows_who_returned_it_and_why(client, auth, session):
    auth.child()  # the author: only they act on it, or see it before it is public
    item = dispatched(session)
    lifecycle.return_(session, item, actor=actor(session, "agency1"), category="职能不符",
                      text="这件事归交通部门管")
    lifecycle.reroute(session, item, actor=actor(session, "coordinator"), topic="transport")
    session.commit()
    page = client.get(f"/track/{item.tracking_code}").get_data(as_text=True)
    assert "说这件事不归他们管" in page and "这件事不归这个部门管" in page and "改送到了" in page
    assert "职能不符" not in page
    assert "为儿童办事的办公室决定" in page


def test_the_code_works_in_lower_case_and_unknown_codes_are_a_friendly_404(client, auth, session):
    auth.child()  # the author: only they act on it, or see it before it is public
    item = new_suggestion(session)
    assert client.get(f"/track/{item.tracking_code.lower()}",
                      follow_redirects=True).status_code == 200
    missing = client.get("/track/TS-XXXXXX")
    assert missing.status_code == 404 and "没有找到" in missing.get_data(as_text=True)


def test_the_lookup_form_sends_you_to_the_page(client, session):
    item = new_suggestion(session)
    response = client.get(f"/track/?code={item.tracking_code}")
    assert response.status_code == 302 and item.tracking_code in response.headers["Location"]


def test_the_answer_shows_with_due_weight_and_a_one_tap_rating(client, auth, session):
    auth.child()  # the author: only they act on it, or see it before it is public
    item = answered(session)
    page = client.get(f"/track/{item.tracking_code}").get_data(as_text=True)
    assert "回复你啦" in page and "多加一份菜" in page and "他们采纳了你的建议" in page
    assert "满意" in page and "基本满意" in page and "不满意" in page
    client.post(f"/track/{item.tracking_code}/rate", data={"value": "satisfied"})
    session.refresh(item)
    assert item.status == Status.CLOSED
    assert "你的评价" in client.get(f"/track/{item.tracking_code}").get_data(as_text=True)


def test_an_unsatisfied_rating_with_a_comment_reopens_it(client, auth, session):
    auth.child()  # the author: only they act on it, or see it before it is public
    item = answered(session)
    client.post(f"/track/{item.tracking_code}/rate",
                data={"value": "unsatisfied", "comment": "还是不够吃"})
    session.refresh(item)
    assert item.status == Status.IN_REVIEW


def test_a_bad_rating_value_changes_nothing_and_says_why(client, auth, session):
    auth.child()  # the author: only they act on it, or see it before it is public
    item = answered(session)
    response = client.post(f"/track/{item.tracking_code}/rate",
                           data={"value": "great", "comment": "我的话"})
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and "我的话" in page
    session.refresh(item)
    assert item.status == Status.ANSWERED


def test_rating_twice_is_refused(client, auth, session):
    auth.child()  # the author: only they act on it, or see it before it is public
    item = answered(session)
    client.post(f"/track/{item.tracking_code}/rate", data={"value": "satisfied"})
    response = client.post(f"/track/{item.tracking_code}/rate", data={"value": "unsatisfied"})
    assert response.status_code == 409 and "不能评价" in response.get_data(as_text=True)


def test_a_child_can_say_but_it_is_theirs_after_a_return(client, auth, session):
    auth.child()  # the author: only they act on it, or see it before it is public
    item = dispatched(session)
    lifecycle.return_(session, item, actor=actor(session, "agency1"), category="权属不清",
                      text="不清楚")
    session.commit()
    client.post(f"/track/{item.tracking_code}/contest", data={"text": "可是学校就是归教育局管的呀"})
    assert lifecycle.history(session, item.id)[-1].action == "contest"


def test_an_urgent_suggestion_shows_help_right_away(client, auth, session):
    auth.child()  # the author: only they act on it, or see it before it is public
    item = new_suggestion(session, urgent=True)
    page = client.get(f"/track/{item.tracking_code}").get_data(as_text=True)
    assert "110" in page and "12355" in page and "我们很关心你" in page


def test_strangers_see_the_masked_text_and_the_author_sees_their_own(client, auth, session):
    item = dispatched(session)
    item.original_text = "我叫王小明，学校午饭太少了"
    item.redacted_text = "我叫【姓名】，学校午饭太少了"
    item.consent_to_publish = True
    session.add(item)
    session.commit()
    assert "王小明" not in client.get(f"/track/{item.tracking_code}").get_data(as_text=True)
    auth.child()
    assert "王小明" in client.get(f"/track/{item.tracking_code}").get_data(as_text=True)


def _merged_and_answered(session):
    """小红's duplicate is merged into 小明's suggestion, which is then answered."""
    first = new_suggestion(session, nickname="小明")
    duplicate = new_suggestion(session, nickname="小红", text="午饭不够吃，能多一点吗")
    moderation.merge(session, target=first, duplicates=[duplicate],
                     account=account(session, "facilitator"))
    lifecycle.approve(session, first, actor=actor(session, "facilitator"))
    lifecycle.accept(session, first, actor=actor(session, "agency1"))
    lifecycle.answer(session, first, actor=actor(session, "agency1"),
                     child_text="下学期每个班多加一份菜。", due_weight="adopted")
    session.commit()
    return first, duplicate


def test_a_child_whose_suggestion_was_merged_sees_the_answer_on_their_own_page(client, auth,
                                                                              session):
    first, duplicate = _merged_and_answered(session)
    auth.child("小红", "2345")
    page = client.get(f"/track/{duplicate.tracking_code}").get_data(as_text=True)
    assert "和相同的建议合在一起了" in page and first.tracking_code in page
    assert "送到了" in page and "签收了" in page and "回复你啦" in page
    assert "下学期每个班多加一份菜。" in page and "他们采纳了你的建议" in page


def test_a_merged_child_hears_the_answer_in_the_app(client, auth, session):
    _first, duplicate = _merged_and_answered(session)
    auth.child("小红", "2345")
    notices = client.get("/notices/").get_data(as_text=True)
    assert f"你的建议 {duplicate.tracking_code} 回复你啦" in notices
    assert f"/track/{duplicate.tracking_code}" in notices
