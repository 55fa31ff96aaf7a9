"""An agency clerk who writes in official words is warned before the answer reaches a child,
and offered a plain version; the child's glossary page explains the office words."""

import pytest
from playwright.sync_api import expect

from tests.flow import accepted

from .conftest import DESKTOP, PHONE, arrange, screenshot, staff_signin
from .test_accessibility import audit, verdict

OFFICIAL = "根据《城市道路管理条例》，经研究，予以采纳。特此函复。"


@pytest.fixture
def item(live_server):
    return arrange(live_server, accepted)


def _official_answer(live_server, new_page, item):
    """The school bureau's clerk sends an answer in official words."""
    clerk = new_page(DESKTOP)
    staff_signin(clerk, live_server, "agency1")
    clerk.goto(live_server.url + f"/agency/items/{item.id}")
    clerk.get_by_label("给孩子的回复（必填，孩子能看懂的话）").fill(OFFICIAL)
    clerk.get_by_label("采纳", exact=True).check()
    clerk.get_by_role("button", name="发送答复").click()
    return clerk


def test_a_jargon_warning_and_a_plain_rewrite(live_server, new_page, item):
    clerk = _official_answer(live_server, new_page, item)
    warning = clerk.locator("#jargon-warning")
    expect(warning).to_contain_text("孩子可能看不懂这些话")
    expect(warning).to_contain_text("“经研究” → 我们商量后")
    screenshot(clerk, "jargon-warning")
    problems: list[str] = []
    audit(clerk, "jargon-warning", problems, phone=False)
    clerk.get_by_role("button", name="用这个说法").click()
    box = clerk.get_by_label("给孩子的回复（必填，孩子能看懂的话）")
    expect(box).to_have_value("按照规定，我们商量后，我们会照你说的做。")
    box.fill("谢谢你！我们商量过了，会照你说的做。")
    clerk.get_by_label("采纳", exact=True).check()
    clerk.get_by_role("button", name="发送答复").click()
    expect(clerk.get_by_text("已答复").first).to_be_visible()

    child = new_page(PHONE)
    child.goto(live_server.url + "/words")
    expect(child.get_by_text("妇儿工委办", exact=True)).to_be_visible()
    audit(child, "words", problems)
    verdict(problems)


def test_official_words_wait_for_the_coordinator_who_rewrites_them(live_server, new_page, item):
    clerk = _official_answer(live_server, new_page, item)
    clerk.get_by_label("我看过提醒了，还是想照原样发：请妇儿工委办看过再发给孩子").check()
    clerk.get_by_label("采纳", exact=True).check()
    clerk.get_by_role("button", name="发送答复").click()
    expect(clerk.locator("#held-answer")).to_contain_text("等妇儿工委办放行")

    office = new_page(DESKTOP)
    staff_signin(office, live_server, "coordinator")
    office.locator("#held-answers").get_by_role("link", name=item.tracking_code).click()
    expect(office.locator("#held-text")).to_have_text(OFFICIAL)
    problems: list[str] = []
    audit(office, "held-answer", problems, phone=False)
    office.get_by_label("改成孩子能看懂的话（改了就发改过的）").fill(
        "谢谢你！我们商量过了，会照你说的做。")
    screenshot(office, "jargon-held-for-coordinator")
    office.get_by_role("button", name="放行答复").click()
    expect(office.get_by_text("答复已经发给孩子")).to_be_visible()
    expect(office.get_by_text("妇儿工委办改写后发送").first).to_be_visible()
    verdict(problems)
