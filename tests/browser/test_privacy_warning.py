"""Checklist 26: typing a phone number into a suggestion brings up a warning right away."""

from playwright.sync_api import expect

from .conftest import screenshot


def test_typing_a_phone_number_shows_the_warning_and_deleting_it_hides_it(live_server, phone):
    phone.goto(live_server.url + "/suggest/")
    warning = phone.locator("#pii-warning")
    box = phone.get_by_label("你的建议")
    box.fill("公园的秋千坏了")
    expect(warning).to_be_hidden()
    box.press_sequentially("，打我妈妈电话138 1234 5678")
    expect(warning).to_be_visible()
    expect(warning).to_contain_text("电话号码")
    screenshot(phone, "suggest-phone-warning")
    box.fill("公园的秋千坏了，希望快点修好")
    expect(warning).to_be_hidden()
