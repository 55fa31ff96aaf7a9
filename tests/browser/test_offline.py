"""Classroom and offline use in a real browser: the site installs as a web app, the
suggestion form opens with the network switched off, a suggestion written offline waits on
the device and is sent exactly once when the network comes back; in the chat, what a child
says with no network waits on the device (even when the tab is closed) and is taken once
when the chat opens again online (even when the answer to a first try was lost); an
observer's checklist saved with no network is saved once when the network is back."""

from playwright.sync_api import expect
from sqlmodel import select

from models.assistant.conversation import Conversation
from models.councils.observation import VisitItem, VisitSave
from models.suggestions.tables import Suggestion
from tests.flow import council

from .conftest import PHONE, child_signin, join_group, screenshot, staff_signin
from .test_accessibility import audit, verdict
from .test_chat import CLEAR, last_bot, send
from .test_safeguarding import db as db  # the live server's database (a fixture)

READY = ("Promise.race([navigator.serviceWorker.ready.then(() => 'ready'),"
         " new Promise(done => setTimeout(() => done('not installed'), 10000))])")
TEXT = "教室里的饮水机坏了一个星期了，下课大家都没有水喝。"


def _stored(db, text: str) -> list[Suggestion]:
    db.expire_all()
    return list(db.exec(select(Suggestion).where(Suggestion.original_text == text)))


def test_a_suggestion_written_offline_is_sent_once_when_the_network_is_back(
        live_server, browser, db):
    context = browser.new_context(viewport=PHONE, locale="zh-CN", is_mobile=True,
                                  has_touch=True)
    page = context.new_page()
    page.goto(live_server.url + "/suggest/")  # the tablet was used online before: it has its key
    manifest = page.evaluate("fetch('/manifest.webmanifest').then(r => r.json())")
    assert manifest["display"] == "standalone" and manifest["start_url"] == "/suggest/"
    assert page.evaluate(READY) == "ready"
    page.reload()  # now the worker looks after the page

    context.set_offline(True)
    page.goto(live_server.url + "/suggest/")
    page.get_by_label("你的建议").fill(TEXT)
    page.get_by_role("button", name="送出").click()
    expect(page.locator("#outbox-kept")).to_be_visible()
    expect(page.locator("#outbox-count")).to_have_text("1")
    expect(page.get_by_label("你的建议")).to_have_value("")
    page.goto(live_server.url + "/chat/")  # no network, no chat: the offline page instead
    expect(page.get_by_role("heading", name="📶 现在没有网络")).to_be_visible()
    page.goto(live_server.url + "/suggest/")
    expect(page.locator("#outbox-count")).to_have_text("1")
    screenshot(page, "offline-kept")
    assert _stored(db, TEXT) == []

    context.set_offline(False)
    # The 'online' event and a second tab both try to send it: one suggestion all the same.
    second = context.new_page()
    second.goto(live_server.url + "/suggest/")
    page.evaluate("window.TongShengOutbox.sync()")
    expect(page.locator("#outbox-sent a")).to_have_count(1, timeout=15000)
    code = page.locator("#outbox-sent a").inner_text()
    second.wait_for_timeout(500)
    stored = _stored(db, TEXT)
    assert len(stored) == 1 and stored[0].tracking_code == code
    screenshot(page, "offline-synced")
    page.locator("#outbox-sent a").click()
    expect(page.get_by_text(TEXT)).to_be_visible()

    # 我的建议 offers a reminder where the browser has PushManager; headless Chromium reaches
    # no push service: the page says so calmly and works on.
    context.grant_permissions(["notifications"], origin=live_server.url)
    page.goto(live_server.url + "/mine")
    expect(page.get_by_role("button", name="🔔 提醒我")).to_be_visible()
    page.get_by_role("button", name="🔔 提醒我").click()
    expect(page.locator("#push-said")).to_contain_text("打开这个页面就能看到新消息")
    expect(page.get_by_role("button", name="🔕 不用提醒了")).to_be_hidden()
    expect(page.locator("#my-suggestions")).to_contain_text(code)
    screenshot(page, "push-offered")
    problems: list[str] = []
    audit(page, "mine-push", problems)
    verdict(problems)
    plain = context.new_page()  # a browser without PushManager: no button, the same list
    plain.add_init_script("delete window.PushManager")
    plain.goto(live_server.url + "/mine")
    expect(plain.locator("#my-suggestions")).to_contain_text(code)
    expect(plain.locator("#push-box")).to_be_hidden()
    context.close()


def _wait_until_kept(page, address: str) -> None:
    """The worker keeps its copy of a page after showing it: wait for it (at most 10 s)."""
    for _ in range(100):
        if page.evaluate("a => caches.match(a).then(Boolean)", address):
            return
        page.wait_for_timeout(100)
    raise AssertionError(f"{address} was not kept for offline use")


def test_map_pages_opened_before_open_without_a_network(live_server, phone):
    child_signin(phone, live_server)  # a shared tablet: what is kept must not name the child
    assert phone.evaluate(READY) == "ready"
    phone.goto(live_server.url + "/places/")
    expect(phone.locator("#map[data-ready='1']")).to_be_attached(timeout=10000)
    expect(phone.locator("#saved-copy")).to_be_hidden()
    phone.get_by_role("link", name="岳屏公园").click()
    expect(phone.get_by_role("heading", name="岳屏公园")).to_be_visible()
    place = phone.url
    for address in (live_server.url + "/places/", place):
        _wait_until_kept(phone, address)

    phone.context.set_offline(True)
    phone.goto(live_server.url + "/places/")
    expect(phone.locator("#saved-copy")).to_have_text("📶 没有网络，这是上次保存的")
    expect(phone.get_by_role("link", name="岳屏公园")).to_be_visible()
    expect(phone.locator("#map[data-ready='1']")).to_be_attached(timeout=10000)  # Leaflet too
    assert "小明" not in phone.locator("body").inner_text()
    screenshot(phone, "map-offline-saved")
    phone.get_by_role("link", name="岳屏公园").click()
    expect(phone.get_by_role("heading", name="岳屏公园")).to_be_visible()
    expect(phone.locator("#saved-copy")).to_be_visible()
    assert "小明" not in phone.locator("body").inner_text()
    phone.goto(live_server.url + "/places/999999")  # never opened: the offline page
    expect(phone.get_by_role("heading", name="📶 现在没有网络")).to_be_visible()
    phone.context.set_offline(False)


def test_a_class_takes_turns_on_a_shared_tablet(live_server, new_page, db):
    tablet = new_page(PHONE)
    staff_signin(tablet, live_server, "facilitator")
    tablet.goto(live_server.url + "/facilitator/")
    tablet.get_by_role("link", name="衡阳市儿童议事会").first.click()
    tablet.get_by_role("button", name="在这台平板上开始课堂模式").click()
    expect(tablet.locator("#classroom-mode")).to_be_visible()
    expect(tablet.get_by_label("邀请码")).to_have_value("HYKIDS")
    tablet.get_by_label("昵称").fill("小红")
    tablet.get_by_label("密码").fill("2345")
    tablet.get_by_role("button", name="登录").click()
    said = "我们班的窗帘坏了，下午太阳照得看不清黑板。"
    tablet.goto(live_server.url + "/suggest/")
    tablet.get_by_label("你的建议").fill(said)
    tablet.get_by_role("button", name="送出").click()
    expect(tablet.locator("#tracking-code")).to_be_visible()
    stored = _stored(db, said)  # under the child's own name, in the class's group
    assert len(stored) == 1 and stored[0].member_id is not None
    assert stored[0].group_id == council(db).id
    tablet.evaluate("sessionStorage.setItem('draft:meeting-1', '小红写了一半的话')")
    screenshot(tablet, "classroom-turn")
    tablet.get_by_role("button", name="我说完了，换下一位同学").click()
    expect(tablet.get_by_text("请把平板交给下一位同学")).to_be_visible()
    expect(tablet.get_by_label("邀请码")).to_have_value("HYKIDS")
    expect(tablet.get_by_label("昵称")).to_have_value("")
    assert tablet.evaluate("sessionStorage.length") == 0


def _said(db, conversation_id: str, text: str) -> int:
    """How many times the stored chat holds the child's words."""
    db.expire_all()
    found = db.get(Conversation, conversation_id)
    return sum(1 for m in found.state["log"] if m["who"] == "child" and m["text"] == text)


def test_the_chat_keeps_what_a_child_says_offline_even_when_the_tab_is_closed(
        live_server, phone, db):
    phone.goto(live_server.url + "/chat")
    send(phone, CLEAR)
    conversation_id = phone.locator("#chat").get_attribute("data-turn-url").split("/")[2]

    phone.context.set_offline(True)
    phone.get_by_label("写下你想说的").fill("学校门口")
    phone.get_by_role("button", name="发送").click()
    waiting = phone.locator(".msg.waiting")
    expect(waiting).to_contain_text("学校门口")
    expect(waiting).to_contain_text("还没发出去")
    expect(phone.locator("#chat-offline")).to_be_visible()
    screenshot(phone, "chat-offline-kept")
    problems: list[str] = []
    audit(phone, "chat-offline", problems)
    verdict(problems)
    assert _said(db, conversation_id, "学校门口") == 0

    # The tab is closed with no network; the network comes back; the chat is opened again.
    context = phone.context
    phone.close()
    context.set_offline(False)
    again = context.new_page()
    again.goto(live_server.url + "/chat")
    expect(again.locator(".msg.waiting")).to_have_count(0, timeout=15000)
    expect(again.locator(".msg-child").get_by_text("学校门口", exact=True)).to_have_count(1)
    assert "哪个学校" in last_bot(again)
    assert _said(db, conversation_id, "学校门口") == 1
    screenshot(again, "chat-offline-synced")
    again.reload()  # nothing is left to send twice
    expect(again.locator(".msg-child").get_by_text("学校门口", exact=True)).to_have_count(1)
    assert _said(db, conversation_id, "学校门口") == 1
    assert again.evaluate("localStorage.getItem('ts-chat-outbox')") is None


def test_a_chat_answer_lost_on_the_way_back_is_not_taken_twice(live_server, phone, db):
    phone.goto(live_server.url + "/chat")
    send(phone, CLEAR)
    conversation_id = phone.locator("#chat").get_attribute("data-turn-url").split("/")[2]

    def lose_the_answer(route):
        route.fetch()  # the server takes the turn ...
        route.abort()  # ... and the answer never reaches the phone

    phone.route("**/turn", lose_the_answer)
    phone.get_by_label("写下你想说的").fill("学校门口")
    phone.get_by_role("button", name="发送").click()
    expect(phone.locator(".msg.waiting")).to_contain_text("学校门口")
    assert _said(db, conversation_id, "学校门口") == 1
    phone.unroute("**/turn")
    phone.evaluate("window.dispatchEvent(new Event('online'))")
    expect(phone.locator(".msg.waiting")).to_have_count(0, timeout=15000)
    assert "哪个学校" in last_bot(phone)
    assert _said(db, conversation_id, "学校门口") == 1


def test_an_observer_checklist_saved_offline_is_saved_once_when_the_network_is_back(
        live_server, phone, db):
    join_group(phone, live_server, "小溪", born=("2013", "3"), pin="5432")
    phone.goto(live_server.url + "/group/visits/")
    phone.get_by_label("观察什么地方").select_option(label="公交站")
    phone.get_by_label("具体地点").fill("船山路公交站")
    phone.get_by_role("button", name="开始观察").click()
    expect(phone.locator("#item-shelter")).to_be_visible()
    visit_id = int(phone.url.rstrip("/").rsplit("/", 1)[1])

    phone.context.set_offline(True)  # out in the street, the phone loses the network
    shelter = phone.locator("#item-shelter")
    shelter.get_by_label("需要改进").check()
    shelter.get_by_label("说明").fill("站台没有棚子，下雨天等车全身都湿了")
    phone.get_by_role("button", name="保存", exact=True).click()
    expect(phone.locator("#visit-kept")).to_be_visible()
    expect(phone.locator("#visit-count")).to_have_text("1")
    expect(shelter.get_by_label("说明")).to_have_value("站台没有棚子，下雨天等车全身都湿了")
    screenshot(phone, "visit-offline-kept")
    problems: list[str] = []
    audit(phone, "visit-offline", problems)

    def shelter_row():
        db.expire_all()
        return db.exec(select(VisitItem).where(VisitItem.visit_id == visit_id,
                                               VisitItem.item_key == "shelter")).one()
    assert shelter_row().rating is None

    phone.context.set_offline(False)
    second = phone.context.new_page()  # a second tab sends what waits as well
    second.goto(phone.url)
    phone.evaluate("window.TongShengOutbox.sync()")
    expect(phone.locator("#visit-sent")).to_be_visible(timeout=15000)
    expect(phone.locator("#visit-waiting")).to_be_hidden()
    second.wait_for_timeout(500)
    assert (shelter_row().rating, shelter_row().comment) == (
        "needs_work", "站台没有棚子，下雨天等车全身都湿了")
    saves = db.exec(select(VisitSave).where(VisitSave.visit_id == visit_id)).all()
    assert len(saves) == 1
    assert phone.evaluate("localStorage.getItem('ts-visit-outbox')") == "[]"
    screenshot(phone, "visit-offline-synced")
    audit(phone, "visit-synced", problems)
    verdict(problems)
