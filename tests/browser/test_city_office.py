"""The city office's own screens in a real browser, as the coordinator: the plan edited with
a 属地 office, 派单 by a person after a 退单, the agency text reworded, and agency staff
onboarded from a sheet with its errors shown first. Each page passes axe-core."""

from __future__ import annotations

from playwright.sync_api import expect

from .conftest import staff_signin
from .test_accessibility import audit, verdict

STREET = "先锋街道办事处"


def test_the_coordinator_names_a_street_office_in_the_plan_and_routes_to_it(live_server,
                                                                            desktop):
    problems: list[str] = []
    staff_signin(desktop, live_server, "coordinator")
    desktop.goto(live_server.url + "/coordinator/plan/")
    audit(desktop, "plan-editing", problems, phone=False)
    desktop.get_by_label("属地单位全称", exact=False).fill(STREET)
    desktop.get_by_label("级别").select_option(label="街道")
    desktop.get_by_label("为什么加", exact=False).fill("先锋街道的儿童之家归街道管")
    desktop.get_by_role("button", name="加入方案").click()
    expect(desktop.get_by_text("已保存为第 1 版")).to_be_visible()
    expect(desktop.locator("#local-offices")).to_contain_text(STREET)
    expect(desktop.locator("#versions")).to_contain_text("添加单位：" + STREET)

    desktop.goto(live_server.url + "/coordinator/plan/routes/community")
    audit(desktop, "plan-route", problems, phone=False)
    desktop.get_by_label("牵头单位").select_option(label=STREET)
    desktop.get_by_label("为什么改", exact=False).fill("小区的事先找街道")
    desktop.get_by_role("button", name="保存为新版本").click()
    expect(desktop.get_by_text("已保存为第 2 版")).to_be_visible()
    expect(desktop.locator("#routes")).to_contain_text(STREET)

    desktop.locator("#reason-0").fill("试点结束")
    desktop.locator("#reason-0 ~ button").click()
    expect(desktop.get_by_text("已保存为第 3 版")).to_be_visible()
    expect(desktop.locator("#routes")).not_to_contain_text(STREET)
    expect(desktop.locator("#versions")).to_contain_text("去掉单位：" + STREET)
    verdict(problems)


def _open_returned_item(page, server) -> None:
    page.goto(server.url + "/coordinator/?tab=returned")
    page.locator("main a[href*='/coordinator/items/']").first.click()
    page.wait_for_load_state()


def test_the_coordinator_chooses_the_agencies_after_a_return(live_server, desktop):
    problems: list[str] = []
    staff_signin(desktop, live_server, "coordinator")
    _open_returned_item(desktop, live_server)
    audit(desktop, "dispatch-by-person", problems, phone=False)
    if desktop.locator("#returns form").count():
        desktop.locator("#returns").get_by_label("同意退单", exact=False).check()
        desktop.locator("#returns").get_by_role("button", name="确定").click()
        expect(desktop.locator(".flash")).to_contain_text("已同意退单")
    choose = desktop.locator("#choose-agencies")
    choose.get_by_label("主办部门", exact=False).select_option(label="市住房和城乡建设局")
    choose.get_by_label("协办部门", exact=False).select_option(label="市城市管理局")
    choose.get_by_label("说明", exact=False).fill("河边步道归住建，城管配合")
    choose.get_by_role("button", name="按我选的部门派单").click()
    expect(desktop.locator(".flash")).to_contain_text("已指派，部门会收到通知。")
    expect(desktop.locator("#routed-by")).to_contain_text("由协调人指派")
    expect(desktop.locator("main")).to_contain_text("市住房和城乡建设局（牵头）")
    audit(desktop, "dispatch-by-person-done", problems, phone=False)
    verdict(problems)


def test_the_coordinator_rewords_the_agency_text_and_a_phone_number_is_masked(live_server,
                                                                              desktop):
    problems: list[str] = []
    staff_signin(desktop, live_server, "coordinator")
    desktop.goto(live_server.url + "/coordinator/?tab=all")
    desktop.locator("main a[href*='/coordinator/items/']").first.click()
    desktop.locator("#agency-text-rewrite summary").click()
    audit(desktop, "agency-text-rewrite", problems, phone=False)
    box = desktop.get_by_label("给部门看的说法")
    box.fill("")
    desktop.get_by_role("button", name="保存新的说法").click()
    expect(desktop.get_by_text("请写下给部门看的说法。")).to_be_visible()
    desktop.get_by_label("给部门看的说法").fill("河边步道要装护栏，家长电话 13812345678。")
    desktop.get_by_role("button", name="保存新的说法").click()
    expect(desktop.get_by_text("已经隐去", exact=False)).to_be_visible()
    expect(desktop.locator("#agency-text")).to_contain_text("河边步道要装护栏")
    expect(desktop.locator("#agency-text")).not_to_contain_text("13812345678")
    verdict(problems)


def test_the_coordinator_onboards_agency_staff_from_a_sheet(live_server, desktop, tmp_path):
    problems: list[str] = []
    sheet = tmp_path / "staff.csv"
    sheet.write_text("部门,姓名,用户名,邮箱\n市教育局,李老师,li.edu,li@example.org\n"
                     "不存在的局,张三,zhang3,\n", encoding="utf-8")
    staff_signin(desktop, live_server, "coordinator")
    desktop.goto(live_server.url + "/coordinator/agencies/staff-import")
    audit(desktop, "staff-import", problems, phone=False)
    desktop.get_by_label("名单文件", exact=False).set_input_files(str(sheet))
    desktop.get_by_role("button", name="上传").click()
    expect(desktop.locator("#rows")).to_contain_text("不存在的局")
    expect(desktop.locator("#rows tr", has_text="li.edu")).to_contain_text("没问题")
    audit(desktop, "staff-import-checked", problems, phone=False)
    sheet.write_text("部门,姓名,用户名,邮箱\n市教育局,李老师,li.edu,li@example.org\n",
                     encoding="utf-8")
    desktop.get_by_label("名单文件", exact=False).set_input_files(str(sheet))
    desktop.get_by_label("只检查，先不创建账号").uncheck()
    desktop.get_by_role("button", name="上传").click()
    expect(desktop.locator("#created")).to_contain_text("li.edu")
    expect(desktop.get_by_text("已经开好 1 个账号", exact=False)).to_be_visible()
    desktop.goto(live_server.url + "/coordinator/agencies/no-account")
    audit(desktop, "no-account", problems, phone=False)
    verdict(problems)
