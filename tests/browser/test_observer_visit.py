"""An observer visit in browsers: a child rates a bus stop on a phone, 需要改进 becomes
suggestions in one step, and the facilitator sends them on to the agencies."""

from __future__ import annotations

from PIL import Image
from playwright.sync_api import expect

from .conftest import DESKTOP, PHONE, child_signin, screenshot, staff_signin

GROUP = "石鼓区儿童观察团"


def _photo(tmp_path):
    path = tmp_path / "stop.jpg"
    Image.new("RGB", (64, 48), (90, 140, 200)).save(path, format="JPEG")
    return path


def _add_child_with_consent(page, server) -> str:
    """The facilitator adds 小海 to the observer group and records the guardian's consent."""
    staff_signin(page, server, "facilitator")
    page.get_by_role("link", name=GROUP).first.click()
    code = page.locator("#invite-code").inner_text().strip()
    page.get_by_role("link", name="替孩子添加成员").click()
    page.get_by_label("昵称（不要用真名）").fill("小海")
    page.get_by_label("出生年份").fill("2014")
    page.get_by_label("出生月份").fill("5")
    page.get_by_label("登录密码（4 到 6 位数字，交给孩子本人）").fill("4321")
    page.get_by_role("button", name="添加").click()
    page.get_by_label("监护人已经看过当前版本的隐私规则").check()
    page.get_by_role("button", name="记录同意").click()
    expect(page.get_by_text("已记录监护人同意")).to_be_visible()
    return code


def _visit_on_phone(phone, server, code, tmp_path) -> None:
    child_signin(phone, server, "小海", "4321", code=code)
    phone.get_by_role("link", name="我的小组").click()
    screenshot(phone, "group-home-phone")
    phone.get_by_role("link", name="去观察").click()
    phone.get_by_label("观察什么地方").select_option(label="公交站")
    phone.get_by_label("具体地点").fill("解放路公交站")
    phone.get_by_role("button", name="开始观察").click()
    shelter = phone.locator("#item-shelter")
    shelter.get_by_label("需要改进").check()
    shelter.get_by_label("说明").fill("站台没有棚子，下雨天等车全身都湿了")
    shelter.get_by_label("照片（可选，不要拍到人脸）").set_input_files(str(_photo(tmp_path)))
    crossing = phone.locator("#item-crossing")
    crossing.get_by_label("需要改进").check()
    crossing.get_by_label("说明").fill("车站旁边没有斑马线，过马路很危险")
    phone.locator("#item-seats").get_by_label("好", exact=True).check()
    phone.get_by_role("button", name="保存", exact=True).click()
    expect(phone.get_by_text("存好啦")).to_be_visible()
    expect(phone.locator("#item-shelter img.thumb")).to_be_visible()
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    phone.get_by_role("button", name="把“需要改进”的项目变成建议").click()
    expect(phone.get_by_text("2 条“需要改进”变成了建议")).to_be_visible()
    screenshot(phone, "observer-child-phone")


def test_a_childs_observer_visit_reaches_dispatch(live_server, new_page, tmp_path):
    page = new_page(DESKTOP)
    code = _add_child_with_consent(page, live_server)
    _visit_on_phone(new_page(PHONE), live_server, code, tmp_path)

    page.goto(live_server.url + "/facilitator/")
    page.get_by_role("link", name=GROUP).first.click()
    page.get_by_role("link", name="观察记录").click()
    page.get_by_role("link", name="解放路公交站").click()
    page.get_by_role("link", name="观察报告").click()
    expect(page.get_by_role("heading", name="公交站观察报告：解放路公交站")).to_be_visible()
    expect(page.locator("img.thumb")).to_be_visible()
    with page.expect_download() as download:
        page.get_by_role("link", name="导出 PDF").click()
    saved = tmp_path / "visit.pdf"
    download.value.save_as(saved)
    assert saved.read_bytes().startswith(b"%PDF")
    screenshot(page, "observer-report")

    for text in ("站台没有棚子", "没有斑马线"):
        page.goto(live_server.url + "/facilitator/review/")
        page.locator(".queue .card", has_text=text).locator("a.code").click()
        expect(page.locator("#original-text")).to_contain_text(text)
        page.get_by_role("button", name="通过并送出").click()
        expect(page.get_by_text("已送到负责的部门")).to_be_visible()
    page.goto(live_server.url + "/facilitator/")
    page.get_by_role("link", name=GROUP).first.click()
    for text in ("站台没有棚子", "没有斑马线"):
        expect(page.locator("tr", has_text=text).locator(".badge")).to_have_text("已派单")
    screenshot(page, "observer-dispatched")
