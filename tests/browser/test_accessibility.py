"""Every page a child uses, audited in Chromium on a 390 px phone: axe-core finds no serious
or critical problem, nothing scrolls sideways, every button and link is big enough for a
finger (44×44 CSS px) and the page says it is Chinese. The facilitator's main pages are
checked with axe-core on a desktop too."""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from .conftest import DESKTOP, PHONE, child_signin, join_group, screenshot, staff_signin
from .test_chat import CLEAR, send, tap

AXE = Axe()
BLOCKING = {"serious", "critical"}
TARGET = 44
LANGS = {"zh-CN", "zh-Hans"}
# Tap targets as a finger meets them: a radio or checkbox counts with its label. Links that
# sit inside a sentence and the footer's links are allowed to be text-sized (WCAG 2.5.8).
TARGETS_JS = """(min) => {
  const small = [];
  for (const el of document.querySelectorAll(
      'a[href], button, summary, select, [role=button], input:not([type=hidden])')) {
    const boxes = el.matches('input[type=radio], input[type=checkbox]')
      ? [el, ...el.labels] : [el];
    const area = (b) => b.width * b.height;
    const target = boxes.reduce((a, b) =>
      area(b.getBoundingClientRect()) > area(a.getBoundingClientRect()) ? b : a);
    const box = target.getBoundingClientRect();
    const style = getComputedStyle(target);
    if (!box.width || !box.height || style.visibility === 'hidden') continue;
    if (el.closest('footer') || el.classList.contains('skip')) continue;
    if (el.tagName === 'A' && style.display === 'inline') {
      const block = el.parentElement.closest('p, li, td, dd, span, label');
      const own = el.textContent.trim().length;
      if (block && block.textContent.replace(/\\s+/g, '').length > own + 1) continue;
    }
    if (box.width < min - 0.5 || box.height < min - 0.5) {
      const name = (el.innerText || el.value || el.getAttribute('aria-label') || '').trim();
      small.push(`${el.tagName.toLowerCase()} "${name.slice(0, 20)}" `
                 + `${Math.round(box.width)}×${Math.round(box.height)}`);
    }
  }
  return small;
}"""


def axe_problems(page) -> list[str]:
    """Serious and critical axe-core violations, one readable line per rule."""
    results = AXE.run(page).response["violations"]
    return [f"{v['id']} ({v['impact']}): {v['help']} — "
            + "; ".join(" ".join(n["target"]) if isinstance(n["target"][0], str)
                        else str(n["target"]) for n in v["nodes"][:4])
            for v in results if v["impact"] in BLOCKING]


def phone_problems(page) -> list[str]:
    """What a child on a 390 px phone would trip over besides axe's rules."""
    found = []
    width = page.evaluate("document.documentElement.scrollWidth")
    if width > PHONE["width"]:
        found.append(f"scrolls sideways: {width}px wide")
    lang = page.evaluate("document.documentElement.lang")
    if lang not in LANGS:
        found.append(f"html lang is {lang!r}")
    found += [f"tap target smaller than {TARGET}px: {s}"
              for s in page.evaluate(TARGETS_JS, TARGET)]
    return found


def audit(page, name: str, problems: list[str], phone: bool = True) -> None:
    """Screenshot the page as it is now and add everything wrong with it to problems."""
    page.wait_for_load_state()
    screenshot(page, f"a11y-{name}")
    found = axe_problems(page) + (phone_problems(page) if phone else [])
    problems += [f"{name} ({page.url}): {line}" for line in found]


def verdict(problems: list[str]) -> None:
    assert not problems, "\n" + "\n".join(problems)


PUBLIC = {"home": "/", "choose": "/signin/", "signin-child": "/signin/child",
          "join": "/signin/join", "privacy": "/privacy", "about": "/about",
          "report": "/report/", "track-lookup": "/track/", "not-found": "/no-such-page",
          "suggest": "/suggest/"}


@pytest.mark.parametrize("name", PUBLIC)
def test_a_public_page_works_for_a_child_on_a_phone(live_server, phone, name):
    problems: list[str] = []
    phone.goto(live_server.url + PUBLIC[name])
    audit(phone, name, problems)
    verdict(problems)


def test_forms_with_errors_work_on_a_phone(live_server, phone):
    problems: list[str] = []
    for name, path, button in [("suggest-errors", "/suggest/", "送出"),
                               ("join-errors", "/signin/join", "加入"),
                               ("signin-errors", "/signin/child", "登录"),
                               ("report-errors", "/report/", "发送")]:
        phone.goto(live_server.url + path)
        phone.get_by_role("button", name=button, exact=True).click()
        expect(phone.locator(".error").first).to_be_visible()
        audit(phone, name, problems)
    verdict(problems)


def test_a_suggestion_sent_after_a_mistake_shows_its_tracking_code(live_server, phone):
    problems: list[str] = []
    phone.goto(live_server.url + "/suggest/")
    phone.get_by_role("button", name="送出").click()
    expect(phone.locator(".error").first).to_be_visible()
    phone.get_by_label("你的建议").fill("公园里的秋千坏了，希望快点修好。")
    phone.get_by_role("button", name="送出").click()
    expect(phone.locator("#tracking-code")).to_be_visible()
    audit(phone, "track-new", problems)
    verdict(problems)


FOCUS_JS = """() => {
  const el = document.activeElement, style = getComputedStyle(el);
  const ring = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
  return [el.tagName.toLowerCase() + ' ' + (el.innerText || '').trim().slice(0, 20), ring];
}"""


def test_keyboard_focus_is_always_visible(live_server, phone):
    phone.goto(live_server.url + "/")
    unseen, seen = [], 0
    for _ in range(30):
        phone.keyboard.press("Tab")
        name, ring = phone.evaluate(FOCUS_JS)
        if name.startswith("body"):
            break
        seen += 1
        if not ring:
            unseen.append(name)
    assert seen >= 8 and not unseen, f"focus cannot be seen on: {unseen}"


def test_the_chat_works_on_a_phone_from_start_to_tracking_code(live_server, phone):
    problems: list[str] = []
    phone.goto(live_server.url + "/chat")
    audit(phone, "chat-start", problems)
    send(phone, CLEAR)
    tap(phone, "学校门口")
    audit(phone, "chat-turns", problems)
    phone.get_by_role("button", name="拼音").click()
    expect(phone.get_by_role("button", name="拼音")).to_have_attribute("aria-pressed", "true")
    audit(phone, "chat-pinyin", problems)
    send(phone, "车太多了，我很害怕")
    tap(phone, "对")
    tap(phone, "可以公开")
    tap(phone, "14 岁及以上")
    expect(phone.locator(".ticket-qr")).to_be_visible()
    audit(phone, "chat-done", problems)
    verdict(problems)


def test_a_childs_own_pages_work_on_a_phone(live_server, phone):
    problems: list[str] = []
    child_signin(phone, live_server, "乐乐", "3456")
    audit(phone, "me", problems)
    phone.locator(".card", has_text="图书馆").get_by_role("link").click()
    expect(phone.locator("#answer")).to_be_visible()
    audit(phone, "track-answered", problems)
    for name, path in [("my-data", "/me/data/"), ("consent", "/me/data/consent"),
                       ("notices", "/notices/"), ("suggest-signed-in", "/suggest/")]:
        phone.goto(live_server.url + path)
        audit(phone, name, problems)
    verdict(problems)


def _open_meeting_with_a_poll(screen, server) -> str:
    """The facilitator opens the demo meeting and starts a vote; returns the join code."""
    staff_signin(screen, server, "facilitator")
    screen.get_by_role("link", name="衡阳市儿童议事会").first.click()
    screen.get_by_role("link", name="十二月议事会：上学路上").click()
    screen.get_by_role("button", name="开始会议").click()
    code = screen.locator("#join-code").inner_text().strip()
    screen.get_by_label("投票问题").fill("我们先说哪一件事？")
    screen.get_by_label("其他选项（一行一个）").fill("红绿灯\n公园滑梯")
    screen.get_by_role("button", name="开始投票").click()
    return code


def test_the_group_and_a_meeting_room_work_on_a_phone(live_server, phone, new_page):
    problems: list[str] = []
    code = _open_meeting_with_a_poll(new_page(DESKTOP), live_server)
    child_signin(phone, live_server, "小红", "2345")
    phone.goto(live_server.url + "/group/")
    audit(phone, "group", problems)
    phone.get_by_label("会议码（看大屏幕）").fill(code)
    phone.get_by_role("button", name="进入会议").click()
    expect(phone.get_by_role("heading", name="我们先说哪一件事？")).to_be_visible()
    audit(phone, "meeting-room", problems)
    verdict(problems)


def test_an_observer_visit_works_on_a_phone(live_server, phone):
    problems: list[str] = []
    join_group(phone, live_server, "小海")
    phone.goto(live_server.url + "/group/")
    audit(phone, "observer-group", problems)
    phone.get_by_role("link", name=re.compile("去观察")).click()
    audit(phone, "observer-visits", problems)
    phone.get_by_label("观察什么地方").select_option(label="公交站")
    phone.get_by_label("具体地点").fill("解放路公交站")
    phone.get_by_role("button", name="开始观察").click()
    expect(phone.locator("#item-shelter")).to_be_visible()
    audit(phone, "observer-visit", problems)
    shelter = phone.locator("#item-shelter")
    shelter.get_by_label("需要改进").check()
    shelter.get_by_label("说明").fill("站台没有棚子，下雨天等车全身都湿了")
    phone.get_by_role("button", name="保存", exact=True).click()
    expect(phone.get_by_text("存好啦")).to_be_visible()
    audit(phone, "observer-visit-saved", problems)
    verdict(problems)


def test_the_facilitators_main_pages_work_on_a_desktop(live_server, desktop):
    problems: list[str] = []
    staff_signin(desktop, live_server, "facilitator")
    audit(desktop, "facilitator-home", problems, phone=False)
    desktop.get_by_role("link", name="衡阳市儿童议事会").first.click()
    audit(desktop, "facilitator-group", problems, phone=False)
    desktop.get_by_role("link", name=re.compile("十二月议事会")).click()
    audit(desktop, "facilitator-meeting", problems, phone=False)
    desktop.goto(live_server.url + "/facilitator/review/")
    audit(desktop, "facilitator-queue", problems, phone=False)
    verdict(problems)
