"""The facilitator's home, groups, members, consent, review queue and meetings — only their own."""

from datetime import timedelta

import pytest
from sqlmodel import select

from models.common import utcnow
from models.councils import meetings
from models.people.tables import Group, GuardianConsent, Meeting, Member
from models.suggestions.status import Status
from models.suggestions.tables import Suggestion
from tests.flow import council, member, new_suggestion


def _other_group(session) -> Group:
    return session.exec(select(Group).where(Group.invite_code == "HYZHEN")).one()


@pytest.fixture
def facilitator(auth):
    auth.staff("facilitator")


def test_home_shows_groups_queue_and_urgent_alerts(client, session, facilitator):
    new_suggestion(session, text="有人总是打我，我不敢回家。", urgent=True)
    page = client.get("/facilitator/").get_data(as_text=True)
    assert "衡阳市儿童议事会" in page and "紧急" in page and "审核" in page
    assert "蒸湘区阳光社区儿童议事会" not in page


def test_create_a_group_and_print_its_poster(client, session, facilitator):
    response = client.post("/facilitator/groups/new", data={
        "name": "珠晖区儿童观察团", "kind": "observer", "level": "district",
        "district": " 珠晖区 "})
    assert response.status_code == 302
    group = session.exec(select(Group).where(Group.name == "珠晖区儿童观察团")).one()
    assert group.district == "珠晖区"   # the coordinator's figures by district read it
    poster = client.get(f"/facilitator/groups/{group.id}/poster").get_data(as_text=True)
    assert group.invite_code in poster and "data:image/png;base64," in poster


def test_a_group_without_a_name_is_refused_in_chinese(client, session, facilitator):
    response = client.post("/facilitator/groups/new", data={"name": " ", "kind": "council",
                                                             "level": "city"})
    assert response.status_code == 200 and "请给小组起个名字" in response.get_data(as_text=True)


def test_add_a_member_and_record_guardian_consent(client, session, facilitator):
    group = council(session)
    response = client.post(f"/facilitator/groups/{group.id}/members/new", data={
        "nickname": "豆豆", "birth_year": 2017, "birth_month": 5, "pin": "5678"})
    assert response.status_code == 302
    kid = session.exec(select(Member).where(Member.nickname == "豆豆")).one()
    page = client.get(f"/facilitator/groups/{group.id}/members/{kid.id}").get_data(as_text=True)
    assert "还没有记录当前版本" in page and "7–9 岁" in page
    refused = client.post(f"/facilitator/groups/{group.id}/members/{kid.id}/consent",
                          data={"given_by": "母亲", "method": "纸质同意书"})
    assert refused.status_code == 400 and "请先确认" in refused.get_data(as_text=True)
    client.post(f"/facilitator/groups/{group.id}/members/{kid.id}/consent",
                data={"given_by": "母亲", "method": "纸质同意书", "confirmed": "y"})
    rows = session.exec(select(GuardianConsent).where(GuardianConsent.member_id == kid.id)).all()
    assert [(r.given_by, r.method) for r in rows] == [("母亲", "纸质同意书")]


def test_a_leaving_childs_unsent_suggestions_can_be_withdrawn(client, session, facilitator):
    suggestion = new_suggestion(session, nickname="乐乐")
    kid = member(session, "乐乐")
    client.post(f"/facilitator/groups/{kid.group_id}/members/{kid.id}/leave",
                data={"leaving": "withdraw"})
    session.refresh(suggestion)
    session.refresh(kid)
    assert not kid.is_active and suggestion.status == Status.DECLINED


def test_approve_from_the_queue_dispatches(client, session, facilitator):
    suggestion = new_suggestion(session, nickname="小红")
    client.post(f"/facilitator/review/{suggestion.group_id}/{suggestion.id}/approve", data={})
    session.refresh(suggestion)
    assert suggestion.status == Status.DISPATCHED


def test_decline_without_a_reason_keeps_the_suggestion(client, session, facilitator):
    suggestion = new_suggestion(session)
    response = client.post(f"/facilitator/review/{suggestion.group_id}/{suggestion.id}/decline",
                           data={"own_reason": ""})
    assert response.status_code == 400 and "理由" in response.get_data(as_text=True)
    session.refresh(suggestion)
    assert suggestion.status == Status.SUBMITTED


def test_the_item_page_keeps_the_original_beside_the_clarified_text(client, session,
                                                                     facilitator):
    suggestion = new_suggestion(session, text="路口车好多好可怕")
    url = f"/facilitator/review/{suggestion.group_id}/{suggestion.id}"
    client.post(url + "/clarify", data={"text": "建议在学校路口设信号灯。"})
    page = client.get(url).get_data(as_text=True)
    assert "路口车好多好可怕" in page and "建议在学校路口设信号灯。" in page


def test_merge_from_the_item_page(client, session, facilitator):
    target = new_suggestion(session, text="校门口要有红绿灯", nickname="小明")
    duplicate = new_suggestion(session, text="学校门口需要红绿灯", nickname="小红")
    url = f"/facilitator/review/{target.group_id}/{target.id}"
    assert duplicate.tracking_code in client.get(url).get_data(as_text=True)
    client.post(url + "/merge", data={"duplicate": [duplicate.id]})
    session.refresh(duplicate)
    assert duplicate.status == Status.MERGED and duplicate.merged_into_id == target.id


def test_a_meeting_runs_from_schedule_to_exported_minutes(client, session, facilitator):
    group = council(session)
    client.post(f"/facilitator/groups/{group.id}/meetings/new", data={
        "title": "二月议事会", "topic": "公园", "agenda": "1. 说说",
        "scheduled_at": "2026-12-01T15:00"})
    meeting = session.exec(select(Meeting).where(Meeting.title == "二月议事会")).one()
    base = f"/facilitator/groups/{group.id}/meetings/{meeting.id}"
    client.post(base + "/open")
    assert meeting.join_code in client.get(base).get_data(as_text=True)
    client.post(base + "/behalf", data={"member_id": member(session, "乐乐").id,
                                        "text": "公园的滑梯要修。"})
    made = session.exec(select(Suggestion).where(Suggestion.meeting_id == meeting.id)).one()
    assert made.entered_by_id is not None
    client.post(base + "/poll", data={"question": "先做哪件？", "extra": "滑梯\n路灯"})
    live = client.get(base + "/live.json").get_json()
    assert live["poll"]["question"] == "先做哪件？" and len(live["poll"]["results"]) == 2
    client.post(base + "/close", data={"confirm": "yes"})
    assert "公园的滑梯要修" in client.get(base).get_data(as_text=True)
    assert client.get(base + "/minutes.pdf").data.startswith(b"%PDF")
    assert client.get(base + "/minutes.docx").data[:2] == b"PK"


def test_a_poll_with_one_choice_is_refused_in_chinese(client, session, facilitator):
    meeting = meetings.schedule(session, group=council(session), title="会", topic="", agenda="",
                                scheduled_at=utcnow() + timedelta(days=1))
    meetings.open_meeting(session, meeting=meeting)
    session.commit()
    response = client.post(f"/facilitator/groups/{meeting.group_id}/meetings/{meeting.id}/poll",
                           data={"question": "好吗？", "extra": "好"})
    assert response.status_code == 400 and "两个选项" in response.get_data(as_text=True)


def test_another_facilitator_gets_404_for_everything_of_this_group(client, session, auth):
    group = council(session)
    suggestion = new_suggestion(session)
    kid = member(session, "小明")
    meeting = session.exec(select(Meeting).where(Meeting.group_id == group.id)).first()
    auth.staff("facilitator2")
    for path in (f"/facilitator/groups/{group.id}", f"/facilitator/groups/{group.id}/poster",
                 f"/facilitator/groups/{group.id}/members/{kid.id}",
                 f"/facilitator/groups/{group.id}/meetings/{meeting.id}",
                 f"/facilitator/groups/{group.id}/meetings/{meeting.id}/live.json",
                 f"/facilitator/review/{group.id}/{suggestion.id}",
                 f"/facilitator/groups/{group.id}/visits/"):
        assert client.get(path).status_code == 404, path
    other = _other_group(session)
    assert client.get(f"/facilitator/review/{other.id}/{suggestion.id}").status_code == 404
    assert client.get(f"/facilitator/groups/{other.id}/members/{kid.id}").status_code == 404
    for path in (f"/facilitator/review/{group.id}/{suggestion.id}/approve",
                 f"/facilitator/groups/{group.id}/members/{kid.id}/leave",
                 f"/facilitator/groups/{group.id}/meetings/{meeting.id}/open"):
        assert client.post(path, data={"leaving": "withdraw"}).status_code == 404, path
    session.refresh(suggestion)
    session.refresh(kid)
    assert suggestion.status == Status.SUBMITTED and kid.is_active
    assert "小明" not in client.get("/facilitator/review/").get_data(as_text=True)


def test_home_lists_late_answers_and_news_to_pass_on(client, session, facilitator):
    from tests.flow import answered, dispatched

    late = dispatched(session)
    late.sign_due = utcnow() - timedelta(days=3)
    late.overdue = True
    session.add(late)
    session.commit()
    answered(session)
    page = client.get("/facilitator/").get_data(as_text=True)
    assert late.tracking_code in page.split("部门超时未答复")[-1]
    assert "谢谢你！我们下学期会给每个班多加一份菜。" in page
