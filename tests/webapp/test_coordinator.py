"""The coordinator: triage, re-routing after 退单, the 督办 board and exports."""

import io
from datetime import timedelta

import pytest
from openpyxl import load_workbook
from sqlmodel import select

from models.common import local_time, utcnow
from models.office import exports
from models.people.tables import GuardianConsent
from models.plans.tables import Agency
from models.suggestions import lifecycle
from models.suggestions.deadlines import sweep
from models.suggestions.status import Status
from models.suggestions.tables import Assignment, Correction
from tests.flow import account, actor, answered, dispatched, member, new_suggestion, returned


def _abstained_in_review(session):
    item = new_suggestion(session, topic=None, text="我觉得这里应该更好一点")
    lifecycle.approve(session, item, actor=actor(session, "facilitator"))
    session.commit()
    return item


def test_abstained_items_wait_in_the_triage_queue(client, auth, session):
    item = _abstained_in_review(session)
    auth.staff("coordinator")
    page = client.get("/coordinator/?tab=triage").get_data(as_text=True)
    assert item.tracking_code in page
    assert "需要人工分类" in client.get(f"/coordinator/items/{item.id}").get_data(as_text=True)


def test_picking_a_topic_stores_a_triage_correction_and_dispatches(client, auth, session):
    item = _abstained_in_review(session)
    auth.staff("coordinator")
    client.post(f"/coordinator/items/{item.id}/route", data={"topic": "public_space"})
    session.refresh(item)
    assert item.status == Status.DISPATCHED and item.topic == "public_space"
    correction = session.exec(select(Correction).where(Correction.suggestion_id == item.id)).one()
    assert correction.source == "triage" and correction.topic == "public_space"


def test_route_without_a_topic_is_refused(client, auth, session):
    item = _abstained_in_review(session)
    auth.staff("coordinator")
    response = client.post(f"/coordinator/items/{item.id}/route", data={"topic": ""})
    assert response.status_code == 400 and "请选择一个主题" in response.get_data(as_text=True)
    session.refresh(item)
    assert item.status == Status.IN_REVIEW


def test_a_returned_item_is_rerouted_with_a_correction(client, auth, session):
    item = dispatched(session)
    lifecycle.return_(session, item, actor=actor(session, "agency1"), category="职能交叉",
                      text="请交通局牵头")
    session.commit()
    auth.staff("coordinator")
    assert item.tracking_code in client.get("/coordinator/?tab=returned").get_data(as_text=True)
    client.post(f"/coordinator/items/{item.id}/route", data={"topic": "transport",
                                                            "note": "改由交通部门牵头"})
    session.refresh(item)
    assert item.status == Status.DISPATCHED and item.topic == "transport"
    sources = session.exec(select(Correction.source).where(
        Correction.suggestion_id == item.id)).all()
    assert sources == ["reroute"]


def test_overdue_items_are_on_the_supervision_board(client, auth, session):
    item = dispatched(session)
    item.sign_due = utcnow() - timedelta(hours=1)
    session.add(item)
    session.commit()
    sweep(session)
    session.commit()
    auth.staff("coordinator")
    page = client.get("/coordinator/?tab=overdue").get_data(as_text=True)
    assert item.tracking_code in page and "超期" in page


def test_another_citys_coordinator_cannot_open_an_item(client, auth, session):
    item = dispatched(session)
    item.plan_id = "changzhou"
    session.add(item)
    session.commit()
    auth.staff("coordinator")
    assert client.get(f"/coordinator/items/{item.id}").status_code == 404


def test_csv_export_has_the_status_history_and_filters(client, auth, session):
    item = dispatched(session)
    auth.staff("coordinator")
    response = client.get("/coordinator/export.csv?status=dispatched")
    text = response.data.decode("utf-8-sig")
    assert response.status_code == 200 and "编号" in text and item.tracking_code in text
    assert "已提交→审核中" in text and "审核中→已派单" in text
    none = client.get("/coordinator/export.csv?status=closed").data.decode("utf-8-sig")
    assert item.tracking_code not in none


def test_excel_export_filters_by_agency_and_date(client, auth, session):
    item = dispatched(session)
    from tests.flow import account
    agency_id = account(session, "agency1").agency_id
    auth.staff("coordinator")
    today = local_time(utcnow()).date().isoformat()  # the day as the city counts it
    response = client.get(f"/coordinator/export.xlsx?agency={agency_id}&from={today}&to={today}")
    sheet = load_workbook(io.BytesIO(response.data)).active
    codes = [row[0].value for row in sheet.iter_rows(min_row=2)]
    assert item.tracking_code in codes


def test_a_bad_export_date_is_explained(client, auth):
    auth.staff("coordinator")
    response = client.get("/coordinator/export.csv?from=yesterday", follow_redirects=True)
    assert "日期请用" in response.get_data(as_text=True)


def test_formula_like_text_is_exported_as_text(client, auth, session):
    item = new_suggestion(session, text="=HYPERLINK(\"http://evil\")")
    auth.staff("coordinator")
    text = client.get("/coordinator/export.csv").data.decode("utf-8-sig")
    assert "'=HYPERLINK" in text and item.tracking_code in text


def _without_consent(session, nickname="小明"):
    kid = member(session, nickname)
    for row in session.exec(select(GuardianConsent).where(GuardianConsent.member_id == kid.id)):
        session.delete(row)
    session.commit()


def test_dispatch_is_refused_while_the_childs_guardian_has_not_agreed(client, auth, session):
    item = _abstained_in_review(session)
    _without_consent(session)
    auth.staff("coordinator")
    response = client.post(f"/coordinator/items/{item.id}/route", data={"topic": "schooling"})
    page = response.get_data(as_text=True)
    assert response.status_code == 409 and "监护人还没有同意" in page and "辅导员登记" in page
    session.refresh(item)
    assert item.status == Status.IN_REVIEW and item.abstained
    assert session.exec(select(Correction).where(Correction.suggestion_id == item.id)).all() == []
    assert session.exec(select(Assignment).where(Assignment.suggestion_id == item.id)).all() == []


def test_an_unhappy_child_is_heard_on_top_of_the_reopened_item(client, auth, session):
    item = answered(session)
    auth.child()  # the author rates; the code alone acts on nothing
    client.post(f"/track/{item.tracking_code}/rate",
                data={"value": "unsatisfied", "comment": "饭还是不够吃"})
    auth.signout()
    auth.staff("coordinator")
    queue = client.get("/coordinator/?tab=reopened").get_data(as_text=True)
    assert item.tracking_code in queue
    page = client.get(f"/coordinator/items/{item.id}").get_data(as_text=True)
    assert "孩子对结果有话说" in page and "饭还是不够吃" in page
    assert "部分采纳" not in page and "采纳情况" in page
    client.post(f"/coordinator/items/{item.id}/route", data={"topic": "schooling"})
    session.refresh(item)
    assert item.status == Status.DISPATCHED
    assert "孩子对结果有话说" not in client.get(
        f"/coordinator/items/{item.id}").get_data(as_text=True)


def test_not_theirs_but_reaches_the_coordinator_with_the_childs_words(client, auth, session):
    item = returned(session, category="职能不符", text="不归我们管")
    auth.child()
    client.post(f"/track/{item.tracking_code}/contest", data={"text": "可是学校食堂就归教育局管呀"})
    auth.signout()
    auth.staff("coordinator")
    assert item.tracking_code in client.get("/coordinator/?tab=returned").get_data(as_text=True)
    page = client.get(f"/coordinator/items/{item.id}").get_data(as_text=True)
    assert "孩子对结果有话说" in page and "学校食堂就归教育局管" in page


def test_the_export_form_offers_the_plans_domains_and_agencies(client, auth, session):
    auth.staff("coordinator")
    page = client.get("/coordinator/").get_data(as_text=True)
    assert 'name="agency"' in page and "教育局" in page and 'name="domain"' in page
    assert exports.domain_names("hengyang")[0] in page


def test_the_export_filters_by_domain_and_status(client, auth, session):
    school, road = dispatched(session), dispatched(session, topic="transport")
    auth.staff("coordinator")
    text = client.get("/coordinator/export.csv", query_string={
        "domain": school.domain, "status": "dispatched"}).data.decode("utf-8-sig")
    assert school.tracking_code in text and (road.domain == school.domain
                                             or road.tracking_code not in text)


@pytest.mark.parametrize("query, words", [
    ({"from": "2026-12-01", "to": "2026-11-01"}, "开始日期不能晚于结束日期"),
    ({"status": "lost"}, "没有这个状态"),
    ({"agency": "abc"}, "请从列表里选择部门"),
    ({"agency": "999999"}, "本市没有这个部门"),
    ({"domain": "火星探索"}, "本市规划里没有这个领域"),
])
def test_bad_export_filters_are_explained_and_nothing_is_downloaded(client, auth, query, words):
    auth.staff("coordinator")
    response = client.get("/coordinator/export.xlsx", query_string=query)
    assert response.status_code == 302 and "attachment" not in response.headers.get(
        "Content-Disposition", "")
    assert words in client.get(response.headers["Location"]).get_data(as_text=True)


def test_another_citys_agency_is_not_a_filter(client, auth, session):
    other = session.exec(select(Agency).where(Agency.plan_id != "hengyang")).first()
    auth.staff("coordinator")
    response = client.get(f"/coordinator/export.csv?agency={other.id}", follow_redirects=True)
    assert "本市没有这个部门" in response.get_data(as_text=True)
    assert account(session, "coordinator").plan_id == "hengyang"
