"""The public walks 你说我办 and the agencies' figures on a phone, signed in as nobody:
every page passes axe-core (no serious or critical problem), nothing scrolls sideways and
every button and link is big enough for a finger."""

from __future__ import annotations

from playwright.sync_api import expect

from .test_accessibility import audit


def test_the_public_reads_the_board_and_the_agencies_figures_on_a_phone(live_server, phone):
    problems: list[str] = []
    phone.goto(live_server.url + "/")
    with phone.expect_navigation():
        phone.locator("#board-link").click()
    expect(phone.get_by_role("heading", level=1)).to_contain_text("你说我办")
    answers = phone.locator(".board-item")
    expect(answers.first).to_be_visible()
    expect(phone.locator("#board")).to_contain_text("希望图书馆周末晚上也开门")
    audit(phone, "board", problems)

    phone.get_by_label("哪个部门").select_option(label="市文旅广体局")
    with phone.expect_navigation():
        phone.get_by_role("button", name="看看").click()
    expect(answers).to_have_count(2)
    expect(answers.nth(1)).to_contain_text("市文旅广体局 回复了")
    audit(phone, "board-one-agency", problems)

    with phone.expect_navigation():
        phone.locator("#to-agencies").click()
    expect(phone.get_by_role("heading", name="全市")).to_be_visible()
    expect(phone.locator("#definitions")).to_contain_text("按期签收率")
    expect(phone.locator("#agency-figures")).to_contain_text("市文旅广体局")
    audit(phone, "board-agencies", problems)

    phone.get_by_label("孩子们提建议的时间").select_option("year")
    with phone.expect_navigation():
        phone.get_by_role("button", name="看看").click()
    expect(phone.locator("#city-figures")).to_contain_text("收到的建议")
    audit(phone, "board-agencies-year", problems)
    assert problems == []
