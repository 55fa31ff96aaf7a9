"""A child in danger on a phone, on every channel: help on their own screen at once, the lead's
alert on the lead's own page, the child's next words in the same case, nothing sent or public;
and a facilitator's projected meeting screen that never shows a thing."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect
from sqlmodel import Session, select

from models.db import make_engine
from models.people import groups
from models.people.consent import record_consent
from models.safety import safeguarding
from models.safety.safeguarding import SafeguardingCase
from models.suggestions.tables import Assignment

from .conftest import DESKTOP, PHONE, child_signin, screenshot, staff_signin
from .test_chat import send, tap
from .test_meeting import _schedule_and_open

MORE = "他每次喝酒都这样，妈妈也不在家"


@pytest.fixture
def db(live_server):
    engine = make_engine(live_server.database_url)
    with Session(engine, expire_on_commit=False) as session:
        yield session
    engine.dispose()


def newest_case(db, channel: str) -> SafeguardingCase:
    db.expire_all()
    query = select(SafeguardingCase).where(SafeguardingCase.channel == channel)
    return db.exec(query.order_by(SafeguardingCase.id.desc())).first()


def help_on_screen(phone) -> None:
    """The call buttons are on the child's own screen, big enough to tap, nothing sideways."""
    call = phone.locator("a[href='tel:110']").last
    expect(call).to_be_visible()
    expect(phone.locator("a[href='tel:12355']").last).to_be_visible()
    assert call.bounding_box()["height"] >= 44
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def lead_sees(lead, server, case: SafeguardingCase, *texts: str) -> None:
    """The alert on the lead's own pages, then every word of the child in the case."""
    lead.goto(server.url + "/notices/")
    expect(lead.get_by_text(f"安全个案 #{case.id}：有孩子可能处在危险中").first).to_be_visible()
    lead.goto(server.url + "/safeguarding/")
    expect(lead.locator("#board").get_by_role("link", name=f"#{case.id}")).to_be_visible()
    lead.goto(server.url + f"/safeguarding/{case.id}")
    for text in texts:
        expect(lead.locator("#case-history").get_by_text(text).first).to_be_visible()


def nothing_goes_out(db, case: SafeguardingCase) -> None:
    for item in safeguarding.suggestions_of(db, case):
        assert not safeguarding.dispatchable(db, item) and not safeguarding.publishable(item)
        assert db.exec(select(Assignment).where(Assignment.suggestion_id == item.id)).first() \
            is None


def signed_in_lead(new_page, server):
    lead = new_page(DESKTOP)
    staff_signin(lead, server, "coordinator")
    return lead


def test_chat_on_a_phone(live_server, new_page, db):
    phone = new_page(PHONE)
    phone.goto(live_server.url + "/chat")
    send(phone, "爸爸喝醉了就打我，我不敢回家")
    help_on_screen(phone)
    expect(phone.locator(".case-ticket .ticket-code")).to_be_visible()
    case = newest_case(db, "chat")
    assert phone.locator(".case-ticket .ticket-code").inner_text() == case.code
    screenshot(phone, "safeguarding-chat-phone")
    tap(phone, "我想接着说")
    send(phone, MORE)
    expect(phone.locator(".msg-bot .speak").last).to_have_attribute(  # the words, no pinyin
        "data-say", re.compile("我会把你说的都告诉保护孩子的大人"))
    help_on_screen(phone)
    lead = signed_in_lead(new_page, live_server)
    lead_sees(lead, live_server, case, "爸爸喝醉了就打我，我不敢回家", MORE)
    screenshot(lead, "safeguarding-case-lead")
    nothing_goes_out(db, case)
    lead.get_by_label("想对孩子说的话").fill("我是王老师，我看到了。你现在安全吗？")
    lead.get_by_role("button", name="发给孩子").click()
    phone.reload()
    expect(phone.locator(".msg-staff").last).to_contain_text("你现在安全吗")


def test_the_leads_reply_appears_on_the_phone_without_the_child_typing(live_server, new_page,
                                                                        db):
    phone = new_page(PHONE)
    phone.goto(live_server.url + "/chat")
    send(phone, "我觉得好痛苦，想伤害自己")
    help_on_screen(phone)
    case = newest_case(db, "chat")
    said_before = phone.locator(".msg-child").count()
    lead = signed_in_lead(new_page, live_server)
    lead.goto(live_server.url + f"/safeguarding/{case.id}")
    lead.get_by_label("想对孩子说的话").fill("我是王老师，我一直在。你愿意告诉我你现在在哪里吗？")
    lead.get_by_role("button", name="发给孩子").click()
    # The child's page asks every second here (CASE_CHAT_POLL_SECONDS): no typing, no reload.
    expect(phone.locator(".msg-staff").last).to_contain_text("我一直在", timeout=15_000)
    assert phone.locator(".msg-child").count() == said_before
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    screenshot(phone, "safeguarding-lead-reply-phone")
    phone.reload()
    assert phone.locator(".msg-staff").count() == 1, "shown once, kept in the conversation"


def test_plain_form_on_a_phone(live_server, new_page, db):
    phone = new_page(PHONE)
    phone.goto(live_server.url + "/suggest/")
    phone.get_by_label("你的建议").fill("妈妈的男朋友用皮带抽我，我身上好多伤")
    phone.get_by_role("button", name="送出").click()
    help_on_screen(phone)
    case = newest_case(db, "form")
    expect(phone.locator(".case-ticket .ticket-code")).to_have_text(case.code)
    send(phone, "我不敢告诉老师")
    help_on_screen(phone)
    lead_sees(signed_in_lead(new_page, live_server), live_server, case,
              "妈妈的男朋友用皮带抽我，我身上好多伤", "我不敢告诉老师")
    nothing_goes_out(db, case)
    screenshot(phone, "safeguarding-form-phone")


def test_meeting_room_on_a_phone_and_a_projected_screen(live_server, new_page, db):
    screen = new_page(DESKTOP)
    code = _schedule_and_open(screen, live_server)
    projected = screen.url
    phone = new_page(PHONE)
    child_signin(phone, live_server, "小红", "2345")
    phone.goto(live_server.url + "/group/")
    phone.get_by_label("会议码（看大屏幕）").fill(code)
    phone.get_by_role("button", name="进入会议").click()
    phone.get_by_label("你觉得哪里可以变得更好？").fill("有个叔叔在网上说要来学校找我，让我发照片")
    phone.get_by_role("button", name="提交建议").click()
    expect(phone.locator("#help-now")).to_be_visible()
    help_on_screen(phone)
    case = newest_case(db, "meeting")
    expect(phone.locator("#case-code")).to_have_text(case.code)
    phone.get_by_label("我会把你说的都告诉保护孩子的大人").fill("他说不发就告诉我爸爸")
    phone.get_by_role("button", name="告诉保护孩子的大人").click()
    expect(phone.locator("#help-now")).to_be_visible()
    screenshot(phone, "safeguarding-meeting-phone")

    screen.goto(projected)
    for telling in ("可能处在危险中", "安全个案", "单独关心", "叔叔", "照片"):
        assert telling not in screen.locator("body").inner_text()
    expect(screen.locator("#live-suggestions li")).to_have_count(0)
    screenshot(screen, "safeguarding-projected-screen")
    screen.goto(live_server.url + "/facilitator/")
    expect(screen.get_by_text("可能处在危险中").first).to_be_visible()

    lead_sees(signed_in_lead(new_page, live_server), live_server, case,
              "有个叔叔在网上说要来学校找我，让我发照片", "他说不发就告诉我爸爸")
    nothing_goes_out(db, case)


def _observer_child(db) -> None:
    """小溪 joins the demo observer group, with her guardian's consent on record."""
    from tests.flow import account, observers

    kid = groups.add_member(db, group=observers(db), nickname="小溪", birth_year=2013,
                            birth_month=6, pin="5678")
    record_consent(db, member=kid, given_by="母亲", method="纸质同意书", notice_version="2026-11",
                   recorded_by=account(db, "facilitator"))
    db.commit()


def test_observer_visit_on_a_phone(live_server, new_page, db):
    _observer_child(db)
    phone = new_page(PHONE)
    child_signin(phone, live_server, "小溪", "5678", code="HYLOOK")
    phone.goto(live_server.url + "/group/visits/")
    phone.get_by_label("观察什么地方").select_option(label="公交站")
    phone.get_by_label("具体地点").fill("解放路公交站")
    phone.get_by_role("button", name="开始观察").click()
    shelter = phone.locator("#item-shelter")
    shelter.get_by_label("需要改进").check()
    shelter.get_by_label("说明").fill("我离家出走了，现在一个人在火车站，不敢回去")
    phone.get_by_role("button", name="保存", exact=True).click()
    expect(phone.locator("#help-now")).to_be_visible()
    help_on_screen(phone)
    case = newest_case(db, "visit")
    expect(phone.locator("#case-code")).to_have_text(case.code)
    phone.locator("#item-crossing").get_by_label("说明").fill("晚上这里好冷，我没有吃饭")
    phone.get_by_role("button", name="保存", exact=True).click()
    phone.get_by_role("button", name="把“需要改进”的项目变成建议").click()
    help_on_screen(phone)
    screenshot(phone, "safeguarding-visit-phone")
    lead_sees(signed_in_lead(new_page, live_server), live_server, case,
              "我离家出走了，现在一个人在火车站，不敢回去", "晚上这里好冷，我没有吃饭")
    nothing_goes_out(db, case)
    assert safeguarding.suggestions_of(db, case) == []

