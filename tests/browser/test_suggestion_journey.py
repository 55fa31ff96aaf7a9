"""One suggestion's whole life in a real browser, each person signed in as themselves:
a child writes it, the facilitator approves it, the school bureau returns it (退单), the
coordinator re-routes it, the transport bureau signs (签收) and answers, the child rates it."""

import re

from playwright.sync_api import expect

from .conftest import DESKTOP, child_signin, screenshot, staff_signin

TEXT = "放学的时候校门口的车太多了，过马路好危险，希望有人帮我们指挥交通。"


def _signed_in(new_page, server, username=None):
    page = new_page(DESKTOP) if username else new_page()
    if username:
        staff_signin(page, server, username)
    else:
        child_signin(page, server)
    return page


def test_one_suggestion_from_a_child_to_an_answer_and_a_rating(live_server, new_page):
    child = _signed_in(new_page, live_server)
    child.goto(live_server.url + "/suggest/")
    child.get_by_label("你的建议").fill(TEXT)
    child.get_by_role("button", name="送出").click()
    child.wait_for_url(re.compile(r"/track/TS-"))
    code = child.locator("#tracking-code").inner_text()
    assert re.fullmatch(r"TS-[A-Z0-9]{6}", code)
    expect(child.get_by_text("收到了")).to_be_visible()
    screenshot(child, "journey-1-child-submitted")

    facilitator = _signed_in(new_page, live_server, "facilitator")
    facilitator.goto(live_server.url + "/facilitator/review/")
    facilitator.get_by_role("link", name=code).click()
    facilitator.locator("#topic").select_option("schooling")
    facilitator.get_by_role("button", name="通过并送出").click()
    expect(facilitator.get_by_text("已送到负责的部门")).to_be_visible()
    school = _signed_in(new_page, live_server, "agency1")
    school.get_by_role("link", name=code).click()
    school.get_by_label("退单原因").select_option("职能不符")
    school.get_by_label("说明（最好写明应该由哪个部门办）").fill("校门口的交通归交通部门管。")
    school.get_by_role("button", name="退单", exact=True).click()
    expect(school.get_by_text("已退单").first).to_be_visible()
    screenshot(school, "journey-2-returned")

    coordinator = _signed_in(new_page, live_server, "coordinator")
    coordinator.goto(live_server.url + "/coordinator/?tab=returned")
    coordinator.get_by_role("link", name=code).click()
    coordinator.get_by_label("主题").select_option("transport")
    coordinator.get_by_role("button", name="派单", exact=True).click()
    expect(coordinator.get_by_text("已派单。")).to_be_visible()
    transport = _signed_in(new_page, live_server, "agency2")
    transport.get_by_role("link", name=code).click()
    transport.get_by_role("button", name="签收").click()
    expect(transport.get_by_text("已签收，答复期限")).to_be_visible()
    answer = "谢谢你！从下周一起，放学时校门口会有交警叔叔指挥交通。"
    transport.get_by_label("给孩子的回复（必填，孩子能看懂的话）").fill(answer)
    expect(transport.locator("#child-preview")).to_have_text(answer)
    transport.get_by_label("采纳", exact=True).check()
    transport.get_by_role("button", name="发送答复").click()
    expect(transport.get_by_text("已答复").first).to_be_visible()
    screenshot(transport, "journey-3-answered")

    child.goto(live_server.url + f"/track/{code}")
    for words in ("收到了", "议事会看过了", "说这件事不归他们管", "这件事不归这个部门管",
                  "改送到了", "签收了", "回复你啦"):
        expect(child.get_by_text(words).first).to_be_visible()
    expect(child.get_by_text(answer)).to_be_visible()
    expect(child.get_by_text("他们采纳了你的建议")).to_be_visible()
    expect(child.locator("#notices-link .count")).to_be_visible()
    child.get_by_role("button", name="😊 满意").click()
    expect(child.get_by_text("谢谢你的评价")).to_be_visible()
    expect(child.get_by_text("你的评价：😊 满意")).to_be_visible()
    screenshot(child, "journey-4-child-rated")
