"""回访 and 办结 in a real browser: too early, closing is refused in words the coordinator can
act on; a week after the answer, the coordinator records a visit back and closes the item,
and the child who never rated is told on their own page."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.flow import answered

from .conftest import DESKTOP, PHONE, arrange, child_signin, staff_signin
from .test_accessibility import audit, verdict


@pytest.fixture
def old_answer(live_server):
    return arrange(live_server, answered, days_back=8)


@pytest.fixture
def new_answer(live_server):
    return arrange(live_server, answered)


def _visit(page, text: str, button: str) -> None:
    box = page.locator("#follow-up")
    box.get_by_label("回访情况", exact=False).fill(text)
    box.get_by_role("button", name=button).click()


def test_a_week_after_the_answer_the_office_visits_back_and_closes(live_server, new_page,
                                                                   old_answer):
    problems: list[str] = []
    office = new_page(DESKTOP)
    staff_signin(office, live_server, "coordinator")
    office.goto(live_server.url + f"/coordinator/items/{old_answer.id}")
    audit(office, "follow-up", problems, phone=False)
    _visit(office, "辅导员说孩子看到了回复，很高兴", "记录回访")
    expect(office.locator(".flash")).to_be_visible()
    expect(office.locator("main")).to_contain_text("辅导员说孩子看到了回复，很高兴")
    _visit(office, "孩子一直没有评价，回访后办结", "回访后办结（孩子没有评价）")
    expect(office.locator("h1")).to_contain_text("已办结")

    child = new_page(PHONE)
    child_signin(child, live_server)
    child.goto(live_server.url + f"/track/{old_answer.tracking_code}")
    expect(child.locator("main")).to_contain_text("办完了")
    verdict(problems)


def test_closing_too_early_is_refused_and_keeps_the_note(live_server, new_page, new_answer):
    office = new_page(DESKTOP)
    staff_signin(office, live_server, "coordinator")
    office.goto(live_server.url + f"/coordinator/items/{new_answer.id}")
    _visit(office, "想今天就办结", "回访后办结（孩子没有评价）")
    expect(office.locator("main")).to_contain_text("答复以后要等 7 天")
    expect(office.locator("#follow-note")).to_have_value("想今天就办结")
    expect(office.locator("h1")).to_contain_text("已答复")
