"""A whole council meeting in real browsers: a facilitator's screen and three children's phones."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from .conftest import DESKTOP, PHONE, child_signin, screenshot, staff_signin

CHILDREN = [("小明", "1234"), ("小红", "2345"), ("乐乐", "3456")]
CROSSING = "校门口的红绿灯时间太短了，我们过马路总要跑。"
SAME = "学校门口红绿灯时间太短了，过马路要跑，很危险。"


def _schedule_and_open(page, server) -> str:
    staff_signin(page, server, "facilitator")
    page.get_by_role("link", name="衡阳市儿童议事会").first.click()
    page.get_by_role("link", name="安排会议").click()
    page.get_by_label("会议标题").fill("一月议事会：上学路上")
    page.get_by_label("议题").fill("上学路上的安全")
    page.get_by_label("议程（一行一项）").fill("1. 说说问题\n2. 投票")
    page.get_by_label("时间").fill("2026-12-20T15:00")
    page.get_by_role("button", name="安排").click()
    page.get_by_role("button", name="开始会议").click()
    code = page.locator("#join-code").inner_text().strip()
    assert re.fullmatch(r"[0-9A-Z]{6}", code)
    return code


def _join(phone, server, nickname, pin, code) -> None:
    child_signin(phone, server, nickname, pin)
    phone.goto(server.url + "/group/")
    phone.get_by_label("会议码（看大屏幕）").fill(code.lower())
    phone.get_by_role("button", name="进入会议").click()
    expect(phone.get_by_role("heading", name="一月议事会：上学路上")).to_be_visible()


def _suggest(phone, text) -> None:
    phone.get_by_label("你觉得哪里可以变得更好？").fill(text)
    phone.get_by_role("button", name="提交建议").click()
    expect(phone.get_by_text("收到啦！")).to_be_visible()


def _merge(screen, server) -> None:
    screen.goto(server.url + "/facilitator/review/")
    screen.locator(".queue .card", has_text="我们过马路总要跑").locator("a.code").click()
    screen.locator("label.choice", has_text="过马路要跑，很危险").locator("input").check()
    screen.get_by_role("button", name="合并到这一条").click()
    expect(screen.get_by_text("合并好了")).to_be_visible()
    expect(screen.locator("#support-count")).to_have_text("1")


def test_a_whole_meeting(live_server, new_page, tmp_path):
    screen = new_page(DESKTOP)
    code = _schedule_and_open(screen, live_server)
    meeting_url = screen.url
    phones = [new_page(PHONE) for _ in CHILDREN]
    for phone, (nickname, pin) in zip(phones, CHILDREN, strict=True):
        _join(phone, live_server, nickname, pin, code)
    expect(screen.locator("#attendee-count")).to_have_text("3", timeout=15000)
    _suggest(phones[0], CROSSING)
    _suggest(phones[1], SAME)
    expect(screen.locator("#live-suggestions li")).to_have_count(2, timeout=15000)
    assert phones[0].evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    screenshot(phones[0], "meeting-child-phone")

    _merge(screen, live_server)
    screen.goto(meeting_url)
    screen.get_by_label("投票问题").fill("我们先提哪一条？")
    screen.locator("label.choice", has_text="我们过马路总要跑").locator("input").check()
    screen.get_by_label("其他选项（一行一个）").fill("公园滑梯修一修")
    screen.get_by_role("button", name="开始投票").click()
    for number, phone in enumerate(phones):
        expect(phone.get_by_role("heading", name="我们先提哪一条？")).to_be_visible(timeout=15000)
        choice = "公园滑梯修一修" if number == 2 else "我们过马路总要跑"
        phone.locator("label.choice", has_text=choice).locator("input").check()
        phone.get_by_role("button", name="投票").click()
        expect(phone.get_by_text("投好了")).to_be_visible()
        if number == 0:
            expect(phone.locator("#poll-total")).to_have_text("1")
            phone.evaluate("window.stillTheSamePage = true")
    expect(screen.locator("#poll-total")).to_have_text("3", timeout=15000)
    expect(phones[0].locator("#poll-total")).to_have_text("3", timeout=15000)
    assert phones[0].evaluate("window.stillTheSamePage === true")  # refreshed without reload
    screenshot(phones[0], "meeting-child-results")
    screenshot(screen, "meeting-screen-votes")

    screen.get_by_text("结束会议，生成纪要").click()
    screen.get_by_role("button", name="确定结束会议").click()
    minutes = screen.get_by_label("纪要（可以修改）")
    expect(minutes).to_contain_text("出席（3 人）：")
    expect(minutes).to_contain_text("公园滑梯修一修：1 票")
    minutes.fill("写乱了")
    with screen.expect_navigation():      # the typed text shows before the save lands
        screen.get_by_role("button", name="保存纪要").click()
    expect(screen.get_by_label("纪要（可以修改）")).to_have_value("写乱了")
    with screen.expect_navigation():
        screen.get_by_role("button", name="放弃修改，重新生成草稿").click()
    expect(screen.get_by_text("重新生成了纪要草稿")).to_be_visible()
    expect(screen.get_by_label("纪要（可以修改）")).to_contain_text("出席（3 人）：")
    minutes = screen.get_by_label("纪要（可以修改）")
    minutes.fill(minutes.input_value() + "\n下次会议：一月底。")
    screen.get_by_role("button", name="保存纪要").click()
    expect(screen.get_by_text("纪要已保存")).to_be_visible()
    with screen.expect_download() as download:
        screen.get_by_role("link", name="导出 PDF").click()
    saved = tmp_path / "minutes.pdf"
    download.value.save_as(saved)
    assert saved.read_bytes().startswith(b"%PDF")
    with screen.expect_download() as download:
        screen.get_by_role("link", name="导出 Word").click()
    assert download.value.suggested_filename.endswith(".docx")
    expect(phones[0].get_by_text("会议结束啦")).to_be_visible(timeout=15000)
    screenshot(screen, "meeting-minutes")
