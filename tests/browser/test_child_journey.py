"""A child's own journey on a 390 px phone: 查进度 with a loosely typed code, 我的建议 on the
device and carrying one to a tablet by its QR link, the assistant's small talk, the age band
and the wait for a guardian, the plain form's draft across a network failure, 🔊 only
with a Chinese voice, and a young child's way back in: a nickname typed with a space, a
forgotten PIN replaced by the facilitator, 我的信息 in the menu and pinyin read as words.
axe-core checks each new page."""

from __future__ import annotations

import re
import shutil

import pytest
from playwright.sync_api import expect

from .conftest import (
    DESKTOP,
    PHONE,
    child_signin,
    join_group,
    loaded_width,
    screenshot,
    staff_signin,
)
from .test_accessibility import audit, verdict
from .test_chat import CHINESE_VOICE, CLEAR, last_bot, send, tap

CODE = re.compile(r"TS-[2-9A-Z]{6}")


def _suggest(page, server, text: str) -> str:
    page.goto(server.url + "/suggest/")
    page.get_by_label("你的建议").fill(text)
    page.get_by_role("button", name="送出").click()
    code = page.locator("#tracking-code").inner_text()
    assert CODE.fullmatch(code)
    return code


def test_a_code_typed_loosely_finds_the_suggestion_from_the_home_page(live_server, phone):
    problems: list[str] = []
    code = _suggest(phone, live_server, "公园的秋千坏了，希望快点修好")
    phone.goto(live_server.url + "/")
    phone.get_by_role("link", name="查进度").click()
    phone.get_by_label("查询码").fill("ts " + code[3:].lower())
    phone.get_by_role("button", name="查一查").click()
    expect(phone.get_by_role("heading", name=re.compile("我的建议"))).to_contain_text(code)
    audit(phone, "track-found", problems)
    verdict(problems)


def test_my_suggestions_on_the_device_and_carried_to_a_tablet(live_server, new_page):
    problems: list[str] = []
    phone = new_page(PHONE)
    code = _suggest(phone, live_server, "图书馆的漫画书太少了，想要多一点")
    phone.goto(live_server.url + "/")
    phone.get_by_role("link", name=re.compile("我的建议")).click()
    expect(phone.locator("#my-suggestions")).to_contain_text(code)
    audit(phone, "mine", problems)
    screenshot(phone, "child-my-suggestions")
    phone.locator(".card", has_text=code).get_by_role("button", name="带到另一台设备").click()
    qr = phone.get_by_role("img", name=re.compile("二维码"))
    assert loaded_width(qr) > 0
    audit(phone, "mine-carry", problems)
    screenshot(phone, "child-carry-qr")
    link = phone.locator("#carry-link").inner_text()
    tablet = new_page(PHONE)
    tablet.goto(link)
    audit(tablet, "mine-ticket", problems)
    tablet.get_by_role("button", name="放到这台设备上").click()
    expect(tablet.locator("blockquote")).to_contain_text("漫画书太少")
    tablet.goto(live_server.url + "/mine")
    expect(tablet.locator("#my-suggestions")).to_contain_text(code)
    verdict(problems)


def test_the_assistant_answers_small_talk_and_keeps_only_the_idea(live_server, phone):
    problems: list[str] = []
    phone.goto(live_server.url + "/chat")
    send(phone, "你好")
    assert "你好呀" in phone.locator(".msg-bot").nth(-2).inner_text()
    send(phone, "你是机器人吗")
    assert "电脑程序" in phone.locator(".msg-bot").nth(-2).inner_text()
    send(phone, "讲个笑话")
    send(phone, "我今天中午吃了番茄炒蛋")
    assert "你想让什么变得更好" in last_bot(phone)
    audit(phone, "chat-small-talk", problems)
    screenshot(phone, "chat-small-talk")
    send(phone, "操场太小了，还有厕所太臭了")
    assert "分成两个建议吗" in last_bot(phone)
    expect(phone.locator(".quick-reply", has_text="分成两个建议")).to_be_visible()
    screenshot(phone, "chat-two-problems")
    verdict(problems)


def test_the_assistant_reads_unspaced_pinyin_and_says_what_it_understood(live_server, phone):
    phone.goto(live_server.url + "/chat")
    send(phone, "caochangtaixiaole")
    said = " ".join(phone.locator(".msg-bot").all_inner_texts()[-3:])
    assert "操场" in said and "学校和学习" in said
    assert "这件事在哪里" in last_bot(phone)
    screenshot(phone, "chat-pinyin-understood")


def test_an_under_14_sees_that_the_suggestion_waits_for_a_guardian(live_server, phone):
    problems: list[str] = []
    phone.goto(live_server.url + "/chat")
    send(phone, CLEAR)
    tap(phone, "学校门口")
    send(phone, "车太多了，我很害怕")
    tap(phone, "对")
    tap(phone, "可以公开")
    expect(phone.locator(".quick-reply", has_text="不想说")).to_be_visible()
    tap(phone, "7–9 岁")
    said = phone.locator(".msg-bot").nth(-2).inner_text()
    assert "还没有送出去" in said and "爸爸妈妈" in said
    assert "送出去啦" not in phone.locator("#chat-log").inner_text()
    audit(phone, "chat-consent", problems)
    screenshot(phone, "chat-consent-waits")
    phone.get_by_role("link", name="看看我的建议到哪了").click()
    expect(phone.locator("#timeline")).to_contain_text("等爸爸妈妈同意")
    expect(phone.locator("#waits-for-guardian")).to_be_visible()
    verdict(problems)


def test_the_plain_form_asks_the_age_band_and_says_the_wait_plainly(live_server, phone):
    problems: list[str] = []
    phone.goto(live_server.url + "/suggest/")
    phone.get_by_label("你的建议").fill("小区里的滑梯坏了，我们没地方玩了")
    phone.get_by_role("group", name="你几岁啦？").get_by_label("7–9 岁").check()
    audit(phone, "suggest-age-band", problems)
    phone.get_by_role("button", name="送出").click()
    expect(phone.locator("#tracking-code")).to_be_visible()
    expect(phone.locator("#waits-for-guardian").first).to_contain_text("爸爸妈妈")
    expect(phone.locator("#timeline")).to_contain_text("等爸爸妈妈同意")
    assert "送出去啦" not in phone.locator("main").inner_text()
    screenshot(phone, "form-consent-waits")
    verdict(problems)


def test_the_plain_form_keeps_the_text_across_a_network_failure(live_server, phone):
    words = "学校门口的路灯坏了，晚上放学很黑"
    phone.goto(live_server.url + "/suggest/")
    phone.get_by_label("你的建议").fill(words)
    phone.context.set_offline(True)
    try:
        phone.get_by_role("button", name="送出").click()
        phone.wait_for_timeout(500)
    finally:
        phone.context.set_offline(False)
    phone.goto(live_server.url + "/suggest/")
    expect(phone.get_by_label("你的建议")).to_have_value(words)
    expect(phone.locator("#draft-restored")).to_be_visible()
    phone.get_by_role("button", name="送出").click()
    expect(phone.locator("#tracking-code")).to_be_visible()
    phone.goto(live_server.url + "/suggest/")
    expect(phone.get_by_label("你的建议")).to_have_value("")
    expect(phone.locator("#draft-restored")).to_be_hidden()


def _without_the_servers_voice(route):
    """The chat page as a site without a speech engine serves it."""
    page = route.fetch()
    route.fulfill(response=page, body=page.text().replace('data-speak-url="/speak"',
                                                          'data-speak-url=""'))


@pytest.mark.skipif(shutil.which("espeak-ng") is None,
                    reason="espeak-ng (Debian package) is not installed")
def test_read_aloud_uses_a_chinese_voice_else_the_servers_else_no_button(live_server, browser):
    for voices, engine in ((None, True), (None, False), (CHINESE_VOICE, True)):
        context = browser.new_context(viewport=PHONE, is_mobile=True, locale="zh-CN")
        if voices:
            context.add_init_script(voices)
        page = context.new_page()
        if not engine:
            page.route("**/chat", _without_the_servers_voice)
        page.goto(live_server.url + "/chat")
        speak = page.locator(".msg-bot").last.locator(".speak")
        if voices is None and not engine:
            expect(speak).to_be_hidden()  # nothing could speak: no button that does nothing
        elif voices is None:
            send(page, "你好")  # a line the script drew carries its mark too
            with page.expect_response("**/speak") as spoken:
                page.locator(".msg-bot").last.locator(".speak").click()
            assert spoken.value.status == 200
            assert spoken.value.header_value("content-type") == "audio/wav"
            expect(page.locator("#chat")).to_have_attribute("data-spoken", "1")
        else:  # the browser's own Chinese voice reads: no sound is fetched
            asked: list[str] = []
            page.on("request", lambda request, asked=asked: asked.append(request.url))
            expect(speak).to_be_visible()
            speak.click()
            page.evaluate("fetch('/offline')")  # asked after the click: the list is complete
            expect(page.locator("#chat")).not_to_have_attribute("data-spoken", "1")
            assert not [url for url in asked if url.endswith("/speak")]
        context.close()


def test_a_forgotten_pin_is_replaced_by_the_facilitator(live_server, phone, new_page):
    join_group(phone, live_server, "星星 ", code="HYKIDS", born=("2017", "4"), pin="2468")
    expect(phone.get_by_text("你好，星星")).to_be_visible()  # the space is trimmed, not refused
    expect(phone.locator("#mydata-link")).to_have_text("我的信息")
    phone.goto(live_server.url + "/chat?pinyin=1")
    expect(phone.locator("ruby", has=phone.locator("rt", has_text="biàn de")).first).to_be_visible()

    tablet = new_page(PHONE)  # another day, another tablet: the PIN is forgotten
    child_signin(tablet, live_server, "星星", "1357")
    expect(tablet.get_by_text("邀请码、昵称或密码不对")).to_be_visible()
    tablet.get_by_text("忘记密码了？").click()
    expect(tablet.get_by_text("告诉你的辅导员")).to_be_visible()
    problems: list[str] = []
    audit(tablet, "signin-forgotten-pin", problems)

    facilitator = new_page(DESKTOP)
    staff_signin(facilitator, live_server, "facilitator")
    facilitator.get_by_role("link", name="衡阳市儿童议事会").first.click()
    facilitator.get_by_role("link", name="星星", exact=True).click()
    facilitator.get_by_role("button", name="给一个新密码").click()
    pin = facilitator.locator("#new-pin strong").inner_text()
    screenshot(facilitator, "pin-reset-by-facilitator")

    child_signin(tablet, live_server, "星星", pin)
    expect(tablet.get_by_text("你好，星星")).to_be_visible()
    verdict(problems)
