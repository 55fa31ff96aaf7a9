"""问一问孩子 in real browsers: the facilitator asks instead of declining, the child answers on
their phone, and the answer is back in the facilitator's queue with the whole exchange.
An agency asks through the facilitator, who passes the question on in a child's words."""

import re

from playwright.sync_api import expect

from tests.flow import accepted

from .conftest import DESKTOP, PHONE, arrange, child_signin, screenshot, staff_signin
from .test_accessibility import audit, verdict


def test_a_question_and_its_answer(live_server, new_page):
    child = new_page()
    child_signin(child, live_server, "小红", "2345")
    child.goto(live_server.url + "/suggest/")
    child.get_by_label("你的建议").fill("那个滑梯太高了，小朋友爬上去害怕。")
    child.get_by_role("button", name="送出").click()
    child.wait_for_url(re.compile(r"/track/TS-"))
    code = child.locator("#tracking-code").inner_text()

    facilitator = new_page(DESKTOP)
    staff_signin(facilitator, live_server, "facilitator")
    facilitator.goto(live_server.url + "/facilitator/review/")
    facilitator.get_by_role("link", name=code).click()
    facilitator.get_by_label("或者自己写一个问题（孩子能看懂的话）").fill("是哪个公园的滑梯呀？")
    facilitator.get_by_role("button", name="问一问孩子").click()
    expect(facilitator.get_by_text("问题已经发给孩子")).to_be_visible()
    expect(facilitator.locator("#waiting-for-child")).to_contain_text("是哪个公园的滑梯呀？")

    child.goto(live_server.url + "/me/")
    card = child.locator(".card", has_text="那个滑梯太高了")
    card.get_by_role("link", name="有个问题想问你").click()  # the badge leads to the answer
    expect(child.locator("#question-text")).to_have_text("是哪个公园的滑梯呀？")
    child.get_by_label("你的回答").fill("人民公园东门那个。")
    screenshot(child, "question-back-child")
    problems: list[str] = []
    audit(child, "question-back-child", problems)
    child.get_by_role("button", name="告诉辅导员").click()
    expect(child.get_by_text("谢谢你的回答")).to_be_visible()
    expect(child.locator("#timeline")).to_contain_text("人民公园东门那个。")

    facilitator.goto(live_server.url + "/facilitator/review/")
    facilitator.get_by_role("link", name=code).click()
    history = facilitator.locator("ol.history")
    expect(history).to_contain_text("问孩子")
    expect(history).to_contain_text("孩子回答")
    expect(history).to_contain_text("人民公园东门那个。")
    expect(facilitator.get_by_role("button", name="通过并送出")).to_be_visible()
    screenshot(facilitator, "question-back-facilitator")
    audit(facilitator, "question-back-facilitator", problems, phone=False)
    verdict(problems)


def test_an_agency_asks_the_child_through_the_facilitator(live_server, new_page):
    item = arrange(live_server, accepted)
    clerk = new_page(DESKTOP)
    staff_signin(clerk, live_server, "agency1")
    clerk.goto(live_server.url + f"/agency/items/{item.id}")
    problems: list[str] = []
    audit(clerk, "agency-ask", problems, phone=False)
    clerk.get_by_label("想问孩子的问题").fill("请说明午餐分量不足的具体年级及就餐时段。")
    clerk.get_by_role("button", name="请辅导员问问孩子").click()
    expect(clerk.locator("#agency-question-waiting")).to_be_visible()

    facilitator = new_page(DESKTOP)
    staff_signin(facilitator, live_server, "facilitator")
    facilitator.goto(live_server.url + "/facilitator/review/")
    facilitator.locator(".agency-asks").get_by_role("link", name=item.tracking_code).click()
    facilitator.get_by_label("用孩子能懂的话转给孩子（可以改）").fill("你是几年级的呀？是哪一顿饭不够吃？")
    audit(facilitator, "agency-question-relay", problems, phone=False)
    facilitator.get_by_role("button", name="❓ 转给孩子").click()
    expect(facilitator.get_by_text("问题已经转给孩子")).to_be_visible()

    child = new_page(PHONE)
    child_signin(child, live_server)
    child.locator(".card", has_text=item.tracking_code).get_by_role(
        "link", name="有个问题想问你").click()
    expect(child.locator("#question-text")).to_have_text("你是几年级的呀？是哪一顿饭不够吃？")
    expect(child.get_by_text("具体年级及就餐时段")).to_have_count(0)
    audit(child, "agency-question-child", problems)
    child.get_by_label("你的回答").fill("三年级，中午的饭不够。")
    child.get_by_role("button", name="告诉辅导员").click()
    expect(child.get_by_text("谢谢你的回答")).to_be_visible()

    clerk.reload()
    expect(clerk.locator("ol.thread")).to_contain_text("三年级，中午的饭不够。")
    screenshot(clerk, "agency-question-answered")
    verdict(problems)
