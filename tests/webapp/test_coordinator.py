"""The coordinator: triage, re-routing after 退单, the 督办 board and exports."""

import io
from datetime import timedelta

from openpyxl import load_workbook
from sqlmodel import select

from models import lifecycle
from models.common import utcnow
from models.deadlines import sweep
from models.status import Status
from models.suggestion import Correction
from tests.flow import actor, dispatched, new_suggestion


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
    today = utcnow().date().isoformat()
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
