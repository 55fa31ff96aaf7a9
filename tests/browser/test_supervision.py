"""督办 in a real browser: the clerk asks for more time, the coordinator agrees and sends a
催办 with its 督办单 (a PDF), the clerk sees both; then the answered item is visited back
(回访) and closed with no rating. Each page passes axe-core."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
import requests
from playwright.sync_api import expect

from tests.flow import accepted

from .conftest import DESKTOP, arrange, staff_signin
from .test_accessibility import audit, verdict


@pytest.fixture
def item(live_server):
    return arrange(live_server, accepted)


def _pdf(page, server, href: str) -> bytes:
    cookies = {c["name"]: c["value"] for c in page.context.cookies()}
    return requests.get(server.url + href, cookies=cookies, timeout=30).content


def test_an_extension_is_asked_and_granted_and_a_reminder_sent(live_server, new_page, item):
    problems: list[str] = []
    clerk, office = new_page(DESKTOP), new_page(DESKTOP)
    staff_signin(clerk, live_server, "agency1")
    clerk.goto(live_server.url + f"/agency/items/{item.id}")
    later = (date.today() + timedelta(days=40)).isoformat()
    form = clerk.locator("#extension-form")
    form.get_by_label("希望延到哪一天").fill(later)
    form.get_by_label("延期的原因").fill("要等暑假才能施工")
    form.get_by_role("button", name="申请延期").click()
    expect(clerk.locator("#extensions")).to_contain_text("等妇儿工委办决定")
    audit(clerk, "extension-asked", problems, phone=False)

    staff_signin(office, live_server, "coordinator")
    office.goto(live_server.url + f"/coordinator/items/{item.id}")
    pending = office.locator("#extension-pending")
    expect(pending).to_contain_text("要等暑假才能施工")
    audit(office, "supervision", problems, phone=False)
    pending.get_by_label("同意延期").check()
    pending.get_by_role("button", name="提交决定").click()
    expect(office.locator("#extension-pending")).to_have_count(0)
    escalate = office.locator("#escalate")
    escalate.get_by_label("催办").check()
    escalate.get_by_label("要求（部门会收到）").fill("请本周内给孩子一个进展")
    escalate.get_by_role("button", name="发出").click()
    expect(office.locator("#supervision-level")).to_contain_text("催办")
    sheet = office.locator("#steps a").first
    expect(sheet).to_contain_text("PDF")
    assert _pdf(office, live_server, sheet.get_attribute("href")).startswith(b"%PDF")

    clerk.reload()
    expect(clerk.locator("#extensions")).to_contain_text("妇儿工委办同意了")
    expect(clerk.locator("main")).to_contain_text("请本周内给孩子一个进展")
    verdict(problems)


def test_a_reminder_with_no_step_chosen_is_refused_and_keeps_the_note(live_server, new_page,
                                                                        item):
    office = new_page(DESKTOP)
    staff_signin(office, live_server, "coordinator")
    office.goto(live_server.url + f"/coordinator/items/{item.id}")
    escalate = office.locator("#escalate")
    escalate.get_by_label("要求（部门会收到）").fill("请尽快办")
    escalate.get_by_role("button", name="发出").click()
    expect(office.get_by_text("请选择催办、督办或通报。")).to_be_visible()
    expect(office.locator("#escalate").get_by_label("要求（部门会收到）")).to_have_value("请尽快办")
