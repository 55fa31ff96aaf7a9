"""An observer visit in a browser: rate a bus stop, turn 需要改进 into suggestions, dispatch."""

from __future__ import annotations

from PIL import Image
from playwright.sync_api import expect

from .conftest import DESKTOP, screenshot, staff_signin


def _photo(tmp_path):
    path = tmp_path / "stop.jpg"
    Image.new("RGB", (64, 48), (90, 140, 200)).save(path, format="JPEG")
    return path


def test_an_observer_visit_reaches_dispatch(live_server, new_page, tmp_path):
    page = new_page(DESKTOP)
    staff_signin(page, live_server, "facilitator")
    page.get_by_role("link", name="石鼓区儿童观察团").first.click()
    page.get_by_role("link", name="观察记录").click()
    page.get_by_label("观察什么地方").select_option(label="公交站")
    page.get_by_label("具体地点").fill("解放路公交站")
    page.get_by_label("观察日期").fill("2026-11-20")
    page.get_by_role("button", name="开始观察").click()

    shelter = page.locator("#item-shelter")
    shelter.get_by_label("需要改进").check()
    shelter.get_by_label("说明").fill("站台没有棚子，下雨天等车全身都湿了")
    shelter.get_by_label("照片（可选，不要拍到人脸）").set_input_files(str(_photo(tmp_path)))
    crossing = page.locator("#item-crossing")
    crossing.get_by_label("需要改进").check()
    crossing.get_by_label("说明").fill("车站旁边没有斑马线，过马路很危险")
    page.locator("#item-seats").get_by_label("好", exact=True).check()
    page.get_by_role("button", name="保存观察记录").click()
    expect(page.get_by_text("观察记录已保存")).to_be_visible()
    expect(page.locator("#item-shelter img.thumb")).to_be_visible()

    page.get_by_role("button", name="把“需要改进”的项目变成建议").click()
    expect(page.get_by_text("2 条“需要改进”已经变成建议")).to_be_visible()
    page.get_by_role("link", name="观察报告").click()
    expect(page.get_by_role("heading", name="公交站观察报告：解放路公交站")).to_be_visible()
    screenshot(page, "observer-report")

    for text in ("站台没有棚子", "没有斑马线"):
        page.goto(live_server.url + "/facilitator/review/")
        page.locator(".queue .card", has_text=text).locator("a.code").click()
        page.get_by_role("button", name="通过并送出").click()
        expect(page.get_by_text("已送到负责的部门")).to_be_visible()
    page.goto(live_server.url + "/facilitator/")
    page.get_by_role("link", name="石鼓区儿童观察团").first.click()
    for text in ("站台没有棚子", "没有斑马线"):
        expect(page.locator("tr", has_text=text).locator(".badge")).to_have_text("已派单")
    screenshot(page, "observer-dispatched")
