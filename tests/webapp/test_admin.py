"""The coordinator's administration: the plan's routes, agency contacts, staff accounts."""

import pytest
from sqlmodel import select

from models.people.tables import Account
from models.plans.tables import Agency


@pytest.fixture
def coordinator(auth):
    auth.staff("coordinator")


def test_overview_shows_every_topic_route_of_the_city_plan(client, coordinator):
    page = client.get("/coordinator/manage/").get_data(as_text=True)
    assert "衡阳市儿童友好城市建设行动计划" in page
    assert "拓展上下学智慧安全路径工程" in page  # hengyang task 22 owns transport
    assert "市城市管理局、市交通运输局" in page


def test_coordinator_edits_an_agency_contact(client, session, coordinator):
    agency = session.exec(select(Agency).where(Agency.name == "市教育局",
                                               Agency.plan_id == "hengyang")).one()
    response = client.post(f"/coordinator/manage/agencies/{agency.id}", data={
        "contact_name": "张老师", "contact_email": "zhang@example.org",
        "contact_phone": "0734-1234567"})
    assert response.status_code == 302
    session.refresh(agency)
    assert (agency.contact_name, agency.contact_email) == ("张老师", "zhang@example.org")


@pytest.mark.parametrize("data, message", [
    ({"contact_email": "not-an-email"}, "邮箱格式不对"),
    ({"contact_phone": "call me maybe"}, "电话只能包含数字"),
])
def test_bad_contact_is_refused_and_nothing_changes(client, session, coordinator, data,
                                                     message):
    agency = session.exec(select(Agency).where(Agency.plan_id == "hengyang")).first()
    before = (agency.contact_email, agency.contact_phone)
    response = client.post(f"/coordinator/manage/agencies/{agency.id}",
                           data={"contact_name": "x", **data})
    assert message in response.get_data(as_text=True)
    session.refresh(agency)
    assert (agency.contact_email, agency.contact_phone) == before


def test_another_citys_agency_is_not_found(client, session, coordinator):
    foreign = session.exec(select(Agency).where(Agency.plan_id == "xiuzhou")).first()
    assert client.get(f"/coordinator/manage/agencies/{foreign.id}").status_code == 404


def test_new_agency_staff_account_gets_a_one_time_password(app, client, session,
                                                           coordinator):
    agency = session.exec(select(Agency).where(Agency.name == "市教育局",
                                               Agency.plan_id == "hengyang")).one()
    page = client.post("/coordinator/manage/accounts/new", data={
        "username": "edu.li", "display_name": "教育局 李", "email": "",
        "role": "agency_staff", "agency_id": agency.id}).get_data(as_text=True)
    assert "这个密码只显示这一次" in page
    account = session.exec(select(Account).where(Account.username == "edu.li")).one()
    assert account.agency_id == agency.id and account.password_hash.startswith("$argon2id$")


@pytest.mark.parametrize("data, message", [
    ({"username": "coordinator", "display_name": "x", "role": "facilitator",
      "agency_id": 0}, "用户名已经有人用了"),
    ({"username": "Bad Name!", "display_name": "x", "role": "facilitator",
      "agency_id": 0}, "小写字母"),
    ({"username": "newstaff", "display_name": "x", "role": "agency_staff",
      "agency_id": 0}, "必须选择一个部门"),
    ({"username": "newstaff", "display_name": "", "role": "facilitator",
      "agency_id": 0}, "请填显示名称"),
])
def test_bad_new_account_is_refused(client, session, coordinator, data, message):
    before = len(session.exec(select(Account)).all())
    response = client.post("/coordinator/manage/accounts/new", data=data)
    assert message in response.get_data(as_text=True)
    assert len(session.exec(select(Account)).all()) == before


def test_disabling_an_account_signs_it_out(app, client, session, coordinator):
    staff = app.test_client()
    staff.post("/signin/staff", data={"username": "agency1",
                                      "password": "TongSheng-demo-2026"})
    assert staff.get("/agency/").status_code == 200
    account = session.exec(select(Account).where(Account.username == "agency1")).one()
    client.post(f"/coordinator/manage/accounts/{account.id}/active", data={"active": "0"})
    assert staff.get("/agency/").status_code == 302


def test_coordinator_cannot_disable_themself(client, session, coordinator):
    me = session.exec(select(Account).where(Account.username == "coordinator")).one()
    response = client.post(f"/coordinator/manage/accounts/{me.id}/active",
                           data={"active": "0"}, follow_redirects=True)
    assert "不能停用自己的账号" in response.get_data(as_text=True)


@pytest.mark.parametrize("username", ["facilitator", "agency1"])
def test_only_coordinators_manage(client, auth, username):
    auth.staff(username)
    assert client.get("/coordinator/manage/").status_code == 403
