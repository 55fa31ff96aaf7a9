"""A child typing in the meeting room on a phone loses nothing when the facilitator opens a
vote: the vote appears in place, the typed words stay, and results are drawn as bars."""

from __future__ import annotations

from playwright.sync_api import expect

from .conftest import DESKTOP, PHONE, child_signin, screenshot
from .test_accessibility import audit, verdict
from .test_meeting import _schedule_and_open

TYPING = "我觉得公园的滑梯太高了，小一点的孩子"


def test_a_poll_opens_while_a_child_is_typing(live_server, new_page):
    screen = new_page(DESKTOP)
    _schedule_and_open(screen, live_server)
    phone = new_page(PHONE)
    child_signin(phone, live_server, "小红", "2345")
    phone.goto(live_server.url + "/group/")
    expect(phone.get_by_text("现在正在开会：一月议事会：上学路上")).to_be_visible()
    problems: list[str] = []
    audit(phone, "group-meetings", problems)
    phone.get_by_role("button", name="直接进去（不用会议码）").click()
    expect(phone.get_by_role("heading", name="一月议事会：上学路上")).to_be_visible()
    box = phone.get_by_label("你觉得哪里可以变得更好？")
    box.click()
    phone.keyboard.type(TYPING)
    phone.evaluate("window.stillTheSamePage = true")

    screen.get_by_label("投票问题").fill("先修哪一个？")
    screen.get_by_label("其他选项（一行一个）").fill("滑梯\n路灯")
    screen.get_by_role("button", name="开始投票").click()

    expect(phone.get_by_role("heading", name="先修哪一个？")).to_be_visible(timeout=15000)
    expect(box).to_have_value(TYPING)
    assert phone.evaluate("window.stillTheSamePage === true")
    box.press("End")
    phone.keyboard.type("会害怕。")
    screenshot(phone, "meeting-poll-while-typing")

    phone.locator("label.choice", has_text="滑梯").locator("input").check()
    phone.get_by_role("button", name="投票").click()
    expect(phone.get_by_text("投好了")).to_be_visible()
    # The vote is a form post: what was being typed comes back from the device.
    expect(phone.get_by_label("你觉得哪里可以变得更好？")).to_have_value(TYPING + "会害怕。")
    expect(phone.locator("#poll-results meter")).to_have_count(2)
    expect(phone.locator("#poll-results li", has_text="滑梯").locator("strong")).to_have_text("1")
    expect(screen.locator("#poll-results meter").first).to_have_attribute("value", "1",
                                                                           timeout=15000)
    audit(phone, "meeting-room-bars", problems)
    verdict(problems)

    screen.get_by_text("结束会议，生成纪要").click()
    expect(screen.get_by_text("确定要结束吗")).to_be_visible()
    screen.get_by_role("button", name="确定结束会议").click()
    expect(screen.get_by_label("纪要（可以修改）")).to_be_visible()
    expect(phone.get_by_text("会议结束啦")).to_be_visible(timeout=15000)
