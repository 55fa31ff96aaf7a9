"""The assistant in Chromium against real server processes: phone and desktop, danger, restarts."""

from __future__ import annotations

import html
import os
import re
import signal
import time
from pathlib import Path

import pytest
import requests
from playwright.sync_api import expect

from .conftest import (
    DESKTOP,
    PHONE,
    LiveServer,
    child_signin,
    loaded_width,
    screenshot,
    staff_signin,
)

CODE = re.compile(r"TS-[2-9A-Z]{6}")
CLEAR = "学校门口的马路没有红绿灯，过马路很危险"


def send(page, text: str) -> None:
    """Type a message and wait for the assistant's answer to appear."""
    before = page.locator(".msg").count()
    page.get_by_label("写下你想说的").fill(text)
    page.get_by_role("button", name="发送").click()
    page.locator(".msg").nth(before + 1).wait_for()


def tap(page, label: str) -> None:
    before = page.locator(".msg").count()
    page.locator(".quick-reply", has_text=label).first.click()
    page.locator(".msg").nth(before + 1).wait_for()


def last_bot(page) -> str:
    """The assistant's last line as a child sees it (pinyin hidden once the styles are in)."""
    page.wait_for_load_state()
    return page.locator(".msg-bot").last.inner_text()


@pytest.mark.parametrize("size, name", [(PHONE, "phone"), (DESKTOP, "desktop")])
def test_from_the_home_page_to_a_tracking_code_in_five_turns(live_server, new_page, size, name):
    page = new_page(size)
    page.goto(live_server.url + "/")
    page.get_by_role("link", name="说出你的想法").click()
    assert "你想让什么变得更好" in last_bot(page)
    screenshot(page, f"chat-start-{name}")
    send(page, CLEAR)
    tap(page, "学校门口")
    send(page, "车太多了，我很害怕")
    assert "上学路上的交通" in last_bot(page) and "交给" in last_bot(page)
    tap(page, "对")
    tap(page, "可以公开")
    tap(page, "14 岁及以上")
    code = page.locator(".ticket-code").inner_text()
    assert CODE.fullmatch(code) and page.locator(".msg-child").count() <= 6
    expect(page.get_by_role("link", name="登录")).to_be_visible()
    expect(page.locator(".ticket-qr")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= size["width"]
    assert page.locator(".quick-reply").first.bounding_box()["height"] >= 48
    screenshot(page, f"chat-done-{name}")
    page.get_by_role("link", name="看看我的建议到哪了").click()
    expect(page.locator("main")).to_contain_text(code)   # waits for the tracking page


def test_the_chat_works_with_javascript_off(live_server, browser):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False, locale="zh-CN")
    page = context.new_page()
    page.goto(live_server.url + "/chat")
    page.get_by_label("写下你想说的").fill(CLEAR)
    page.get_by_role("button", name="发送").click()
    expect(page.get_by_role("button", name="🏫 学校门口")).to_be_visible()
    screenshot(page, "chat-no-js-phone")
    context.close()


def test_danger_shows_help_and_the_facilitator_sees_the_alert(live_server, new_page):
    child = new_page(PHONE)
    child_signin(child, live_server)
    child.goto(live_server.url + "/chat")
    send(child, "公园里想要更多秋千")
    send(child, "我爸爸天天打我，我不敢回家")
    help_line = child.locator(".kind-help").last.inner_text()
    assert "110" in help_line and "12355" in help_line
    assert child.get_by_role("link", name="📞 打 110").last.get_attribute("href") == "tel:110"
    screenshot(child, "chat-danger-phone")
    adult = new_page(DESKTOP)
    staff_signin(adult, live_server, "facilitator")
    alert = adult.get_by_role("alert").filter(has_text="紧急")
    expect(alert.first).to_be_visible()
    screenshot(adult, "facilitator-urgent-alert")


def workers_of(pid: int) -> list[int]:
    """The gunicorn workers of a server master, read from /proc."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def crash(server: LiveServer) -> None:
    """Kill gunicorn's master (LiveServer.kill) and its workers, as a machine crash would."""
    workers = workers_of(server.process.pid)
    server.kill()
    for pid in filter(alive, workers):
        os.kill(pid, signal.SIGKILL)
    for _ in range(300):
        if not any(alive(pid) for pid in workers):
            return
        time.sleep(0.1)


def test_a_conversation_survives_a_server_restart(live_server, new_page):
    page = new_page(PHONE)
    page.goto(live_server.url + "/chat")
    send(page, CLEAR)
    crash(live_server)
    live_server.start()
    tap(page, "学校门口")
    assert "为什么" in last_bot(page)
    page.reload()
    assert page.get_by_text(CLEAR).is_visible() and "为什么" in last_bot(page)


def test_two_server_processes_serve_alternate_turns(live_server, tmp_path):
    other = LiveServer(live_server.database_url, tmp_path).start()
    try:
        browser_like = requests.Session()
        start = browser_like.get(live_server.url + "/chat", allow_redirects=False).text
        path = html.unescape(re.search(r'data-turn-url="([^"]+)"', start).group(1))
        token = re.search(r'name="csrf-token" content="([^"]+)"', start).group(1)
        answers = {"where": "🏫 学校门口", "why": "车太多了", "confirm": "对",
                   "consent": "可以公开", "age": "14 岁及以上"}
        seq, reply, text = 0, {"step": "what"}, CLEAR
        for number in range(6):
            server = (live_server, other)[number % 2]
            reply = browser_like.post(server.url + path, json={"text": text, "seq": seq},
                                      headers={"X-CSRFToken": token}, timeout=30).json()
            path = reply["urls"]["turn"]  # stored at the first message, then its own address
            assert reply["seq"] == seq + 1, reply
            seq = reply["seq"]
            if reply["step"] == "done":
                break
            text = answers.get(reply["step"]) or reply["messages"][-1]["quick"][0]
        assert reply["step"] == "done"
        assert any(CODE.fullmatch(m.get("code") or "") for m in reply["messages"])
    finally:
        other.stop()


SPEECH_SPY = """
window.__spoken = [];
if (window.speechSynthesis) {
  window.speechSynthesis.speak = function (u) { window.__spoken.push([u.text, u.lang]); };
}
"""
# A browser with a Chinese voice (headless Chromium has none).
CHINESE_VOICE = """
if (window.speechSynthesis) {
  window.speechSynthesis.getVoices = function () {
    return [{lang: "zh-CN", name: "Test Mandarin", default: true}];
  };
}
"""


def test_a_young_child_can_hear_and_spell_out_the_assistant(live_server, browser):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True,
                                  locale="zh-CN")
    context.add_init_script(SPEECH_SPY)
    context.add_init_script(CHINESE_VOICE)
    page = context.new_page()
    page.goto(live_server.url + "/chat")
    question = page.locator(".msg-bot").last
    question.get_by_role("button", name="读给我听").click()
    assert page.evaluate("window.__spoken") == [["你想让什么变得更好？说说看吧。", "zh-CN"]]
    expect(question.locator("rt").first).to_be_hidden()
    toggle = page.get_by_role("button", name="拼音")
    toggle.click()
    expect(toggle).to_have_attribute("aria-pressed", "true")
    expect(question.locator("rt").first).to_be_visible()
    assert question.locator("rt").first.inner_text() == "nǐ"
    send(page, CLEAR)
    expect(page.locator(".msg-bot").last.locator("rt").first).to_be_visible()
    page.reload()
    expect(page.locator(".msg-bot").last.locator("rt").first).to_be_visible()
    screenshot(page, "chat-pinyin-phone")
    context.close()


CONTRAST = """
el => {
  const rgb = c => c.match(/[\\d.]+/g).slice(0, 3).map(Number);
  const lum = c => {
    const [r, g, b] = rgb(c).map(v => v / 255).map(
      v => v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  let bg = el, colour = "rgba(0, 0, 0, 0)";
  while (bg && (colour === "rgba(0, 0, 0, 0)" || colour === "transparent")) {
    colour = getComputedStyle(bg).backgroundColor; bg = bg.parentElement;
  }
  const [a, b] = [lum(getComputedStyle(el).color), lum(colour)].sort((x, y) => y - x);
  return (a + 0.05) / (b + 0.05);
}
"""


def test_the_chat_is_usable_with_a_keyboard_and_a_screen_reader(live_server, new_page):
    page = new_page(PHONE)
    page.goto(live_server.url + "/chat")
    log = page.get_by_role("list", name="和小助手的对话")
    expect(log).to_have_attribute("aria-live", "polite")
    box = page.get_by_label("写下你想说的")
    box.focus()
    page.keyboard.type(CLEAR)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "发送"
    page.keyboard.press("Enter")
    expect(page.locator(".msg-child")).to_have_count(1)
    expect(box).to_be_focused()
    assert "你说：" in page.locator(".msg-child").inner_text()
    replies = page.get_by_role("group", name="点一下就能回答").get_by_role("button")
    expect(replies.first).to_have_text("🏫 学校门口")
    for target in (replies.first, box, page.get_by_role("button", name="发送")):
        assert target.bounding_box()["height"] >= 44
    for text in (page.locator(".msg-bot .line").last, page.locator(".msg-child .line"),
                 replies.first, page.get_by_role("button", name="发送")):
        assert text.evaluate(CONTRAST) >= 4.5
    page.get_by_role("button", name="发送").click()
    expect(page.get_by_role("alert").filter(has_text="你还没有写字哦")).to_be_visible()
    expect(box).to_have_attribute("aria-invalid", "true")


def test_the_tracking_code_is_large_copyable_and_a_qr_code(live_server, browser):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True,
                                  locale="zh-CN")
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    page = context.new_page()
    page.goto(live_server.url + "/chat")
    send(page, CLEAR)
    tap(page, "学校门口")
    send(page, "车太多了")
    tap(page, "对")
    tap(page, "不要公开")
    tap(page, "14 岁及以上")
    code = page.locator(".ticket-code")
    size = code.evaluate("el => parseFloat(getComputedStyle(el).fontSize)")
    assert size >= 28 and CODE.fullmatch(code.inner_text())
    qr = page.get_by_role("img", name=re.compile("查询码的二维码"))
    assert loaded_width(qr) > 0
    page.get_by_role("button", name="复制查询码").click()
    expect(page.get_by_role("button", name="已复制 ✓")).to_be_visible()
    assert page.evaluate("navigator.clipboard.readText()") == code.inner_text()
    context.close()


def test_a_whole_chat_works_with_javascript_off(live_server, browser):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False, locale="zh-CN")
    page = context.new_page()
    page.goto(live_server.url + "/")
    page.get_by_role("link", name="说出你的想法").click()
    page.get_by_label("写下你想说的").fill(CLEAR)
    page.get_by_role("button", name="发送").click()
    page.get_by_role("button", name="🏫 学校门口").click()
    page.get_by_label("写下你想说的").fill("车太多了，我很害怕")
    page.get_by_role("button", name="发送").click()
    assert "交给" in last_bot(page)
    page.get_by_role("button", name="对", exact=True).click()
    page.get_by_role("button", name="可以公开").click()
    page.get_by_role("button", name="14 岁及以上").click()
    code = page.locator(".ticket-code").inner_text()
    assert CODE.fullmatch(code)
    expect(page.get_by_role("img", name=re.compile("查询码的二维码"))).to_be_visible()
    expect(page.locator(".speak").first).to_be_hidden()
    expect(page.locator(".copy")).to_be_hidden()
    screenshot(page, "chat-no-js-done-phone")
    page.get_by_role("link", name="看看我的建议到哪了").click()
    expect(page.locator("main")).to_contain_text(code)   # waits for the tracking page
    context.close()


def test_a_photo_can_be_added_from_a_phone(live_server, new_page, tmp_path):
    from PIL import Image

    photo = tmp_path / "swing.jpg"
    Image.new("RGB", (320, 240), "orange").save(photo)
    page = new_page(PHONE)
    page.goto(live_server.url + "/chat")
    send(page, "公园里的秋千坏了")
    page.locator("summary", has_text="加一张照片").click()
    page.get_by_label("加一张照片（可以不加）").set_input_files(str(photo))
    page.get_by_role("button", name="上传照片").click()
    thumb = page.get_by_role("img", name="你加的照片")
    expect(thumb).to_be_visible()
    assert loaded_width(thumb) == 320
    assert "照片收到啦" in page.locator(".msg-bot").nth(-2).inner_text()
    screenshot(page, "chat-photo-phone")


def test_in_english_the_buttons_speak_english_and_the_assistant_still_understands(
        live_server, new_page):
    """The switch on the page: the assistant's lines and buttons in English, a child's Chinese
    understood, and a tapped button sending the words the assistant knows."""
    page = new_page(PHONE)
    page.goto(live_server.url + "/language/en?next=/chat")
    assert "What would you like to make better?" in last_bot(page)
    before = page.locator(".msg").count()
    page.locator("#text").fill(CLEAR)
    page.locator("#chat-form button[type=submit]").click()
    page.locator(".msg").nth(before + 1).wait_for()
    expect(page.locator(".quick-reply", has_text="School gate")).to_be_visible()
    tap(page, "School gate")
    assert "学校门口" in page.locator(".msg-child").last.inner_text()
    assert "Why does this matter?" in last_bot(page)


def test_what_the_script_writes_itself_is_english_too(live_server, new_page):
    page = new_page(PHONE)
    page.goto(live_server.url + "/language/en?next=/chat")
    before = page.locator(".msg").count()
    page.locator("#text").fill(CLEAR)
    page.locator("#chat-form button[type=submit]").click()
    page.locator(".msg").nth(before + 1).wait_for()
    assert page.locator(".msg-bot .sr-only").last.inner_text() == "The helper says:"
    assert page.locator(".msg-child .sr-only").last.inner_text() == "You said:"
