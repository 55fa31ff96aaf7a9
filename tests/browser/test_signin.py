"""Every demo role can sign in on a real browser and lands on its own dashboard."""

import pytest
from playwright.sync_api import expect

from .conftest import child_signin, screenshot, staff_signin


def test_home_page_fits_a_phone(live_server, phone):
    phone.goto(live_server.url + "/")
    expect(phone.get_by_role("heading", name="你想让城市变成什么样？")).to_be_visible()
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, "the home page must not scroll sideways on a phone"
    screenshot(phone, "home-phone")


@pytest.mark.parametrize("username, heading", [
    ("coordinator", "全市儿童建议"),
    ("facilitator", "我的小组"),
    ("agency1", "派给本部门的建议"),
])
def test_staff_role_signs_in(live_server, desktop, username, heading):
    staff_signin(desktop, live_server, username)
    expect(desktop.get_by_role("heading", name=heading)).to_be_visible()
    screenshot(desktop, f"dashboard-{username}")


def test_child_signs_in_on_a_phone(live_server, phone):
    child_signin(phone, live_server)
    expect(phone.get_by_text("你好，").first).to_be_visible()
    screenshot(phone, "child-home-phone")


def test_wrong_pin_shows_a_friendly_message_and_keeps_the_nickname(live_server, phone):
    child_signin(phone, live_server, pin="0000")
    expect(phone.get_by_text("邀请码、昵称或密码不对")).to_be_visible()
    assert phone.get_by_label("昵称").input_value() == "小明"
