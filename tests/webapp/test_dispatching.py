"""The coordinator's 派单 box on an item page, and the agency's own 签收 after a co-lead's."""

from sqlmodel import select

from models.plans.importer import agency_by_name
from models.plans.tables import Agency
from models.suggestions import lifecycle
from models.suggestions.status import Status
from tests.flow import actor, dispatched


def _id(session, name):
    return agency_by_name(session, "hengyang", name).id


def _returned(session, text: str):
    """A schooling item 市教育局 sent back, waiting for the coordinator."""
    item = dispatched(session)
    lifecycle.return_(session, item, actor=actor(session, "agency1"), category="职能不符",
                      text=text)
    session.commit()
    return item


def test_the_coordinator_chooses_the_agencies_and_the_page_says_who_chose(client, auth,
                                                                          session):
    item = _returned(session, "建议改派市公安局。")
    auth.staff("coordinator")
    page = client.get(f"/coordinator/items/{item.id}").get_data(as_text=True)
    assert "建议改派市公安局" in page and "指派部门" in page and "按我选的部门派单" in page
    response = client.post(f"/coordinator/items/{item.id}/agencies", data={
        "leads": [_id(session, "市公安局")], "partners": [_id(session, "市教育局")],
        "note": "按退单建议改派"})
    assert response.status_code == 302
    page = client.get(f"/coordinator/items/{item.id}").get_data(as_text=True)
    assert "由协调人指派（妇儿工委办 王老师）" in page and "系统判断）" not in page
    assert "已同意退单" in page
    session.refresh(item)
    assert item.status == Status.DISPATCHED


def test_a_plan_routed_item_says_the_system_chose(client, auth, session):
    item = dispatched(session)
    auth.staff("coordinator")
    page = client.get(f"/coordinator/items/{item.id}").get_data(as_text=True)
    assert "按规划派单（系统判断）" in page


def test_no_lead_is_refused_with_a_message(client, auth, session):
    item = dispatched(session)
    auth.staff("coordinator")
    response = client.post(f"/coordinator/items/{item.id}/agencies", data={"leads": []})
    assert response.status_code == 400 and "请至少选一个主办部门" in response.get_data(as_text=True)


def test_a_return_is_sent_back_from_the_page(client, auth, session):
    item = _returned(session, "不归我们。")
    auth.staff("coordinator")
    page = client.get(f"/coordinator/items/{item.id}").get_data(as_text=True)
    review_id = int(page.split('id="return-')[1].split('"')[0])
    refused = client.post(f"/coordinator/items/{item.id}/returns/{review_id}",
                          data={"decision": "reject", "answer": ""})
    assert refused.status_code == 400
    client.post(f"/coordinator/items/{item.id}/returns/{review_id}",
                data={"decision": "reject", "answer": "食堂归市教育局，请继续办。"})
    session.refresh(item)
    assert item.status == Status.DISPATCHED
    auth.signout()
    auth.staff("agency1")
    page = client.get(f"/agency/items/{item.id}").get_data(as_text=True)
    assert "签收" in page and "食堂归市教育局，请继续办。" in page


def test_a_street_office_is_added_from_the_page(client, auth, session):
    item = dispatched(session)
    auth.staff("coordinator")
    client.post(f"/coordinator/items/{item.id}/local-office",
                data={"name": "先锋街道办事处", "kind": "street"})
    found = session.exec(select(Agency).where(Agency.name == "先锋街道办事处")).one()
    assert found.kind == "street"
    assert "先锋街道办事处" in client.get(f"/coordinator/items/{item.id}").get_data(as_text=True)


def test_the_coordinator_records_a_follow_up_then_closes_an_unrated_item(client, auth,
                                                                           session):
    from datetime import timedelta

    from models.suggestions.tables import Answer
    from tests.flow import answered

    item = answered(session)
    auth.staff("coordinator")
    page = client.get(f"/coordinator/items/{item.id}").get_data(as_text=True)
    assert "回访后办结（孩子没有评价）" in page
    too_soon = client.post(f"/coordinator/items/{item.id}/close", data={"note": "回访过了"})
    assert too_soon.status_code == 409 and "要等 7 天" in too_soon.get_data(as_text=True)
    client.post(f"/coordinator/items/{item.id}/follow-up", data={"note": "电话回访，孩子满意"})
    reply = session.exec(select(Answer).where(Answer.suggestion_id == item.id)).one()
    reply.created_at -= timedelta(days=8)          # a week has passed since the answer
    session.add(reply)
    session.commit()
    client.post(f"/coordinator/items/{item.id}/close", data={"note": "回访后办结"})
    session.refresh(item)
    assert item.status == Status.CLOSED
    page = client.get(f"/coordinator/items/{item.id}").get_data(as_text=True)
    assert "回访后办结（孩子未评价）" in page and "电话回访，孩子满意" in page
