"""Each new dashboard walked in Chromium as the people who use it: the coordinator opens the
city's, then an agency's and a facilitator's, and picks a preset period; an agency clerk and
a facilitator open their own from the menu. Every chart is drawn by the site's own ECharts,
nothing is fetched from elsewhere, and axe-core finds no serious or critical problem."""

from __future__ import annotations

from playwright.sync_api import expect

from .conftest import staff_signin
from .test_accessibility import audit


def _watch(page, server) -> list[str]:
    """Errors, failed responses and requests to other sites seen while the test runs."""
    seen: list[str] = []
    page.on("console", lambda m: seen.append(m.text)
            if m.type == "error" and "status of 404" not in m.text else None)
    page.on("response", lambda r: seen.append(r.url)
            if r.status >= 400 and "favicon" not in r.url else None)
    page.on("request", lambda r: seen.append(r.url)
            if not r.url.startswith(server.url) else None)
    return seen


def _drawn(page, *chart_ids: str) -> None:
    for chart_id in chart_ids:
        expect(page.locator(f"#{chart_id} svg").first).to_be_visible()


def test_the_coordinator_opens_the_city_an_agency_and_a_facilitator(live_server, desktop):
    seen, problems = _watch(desktop, live_server), []
    staff_signin(desktop, live_server, "coordinator")
    with desktop.expect_navigation():
        desktop.locator("#dashboard-link").click()
    with desktop.expect_navigation():
        desktop.locator("#presets").get_by_role("link", name="本年").click()
    expect(desktop.locator("#presets [aria-current=page]")).to_have_text("本年")
    _drawn(desktop, "rates-step", "counts-step", "rates-ranking", "adoption-task_id")
    expect(desktop.locator("#table-group_id")).to_contain_text("衡阳市儿童议事会")
    audit(desktop, "dashboard-city-year", problems, phone=False)

    desktop.locator("#agency-choice").select_option(label="市教育局")
    with desktop.expect_navigation():
        desktop.get_by_role("button", name="打开部门看板").click()
    expect(desktop.get_by_role("heading", level=1)).to_contain_text("市教育局的数据看板")
    expect(desktop.locator("#presets [aria-current=page]")).to_have_text("本年")
    _drawn(desktop, "rates-step", "rates-domain", "adoption-task_id")
    expect(desktop.locator("#definitions")).to_contain_text("超期天数")
    audit(desktop, "dashboard-agency-by-coordinator", problems, phone=False)

    with desktop.expect_navigation():
        desktop.get_by_role("link", name="← 回到全市数据看板").click()
    desktop.locator("#facilitator-choice").select_option(label="李辅导员")
    with desktop.expect_navigation():
        desktop.get_by_role("button", name="打开辅导员看板").click()
    expect(desktop.get_by_role("heading", level=1)).to_contain_text("李辅导员的小组数据看板")
    _drawn(desktop, "counts-step", "counts-group_id", "adoption-age_band")
    audit(desktop, "dashboard-facilitator-by-coordinator", problems, phone=False)
    assert problems == [] and seen == []


def test_an_agency_clerk_reads_their_own_dashboard(live_server, desktop):
    seen, problems = _watch(desktop, live_server), []
    staff_signin(desktop, live_server, "agency1")
    with desktop.expect_navigation():
        desktop.locator("#dashboard-link").click()
    expect(desktop.get_by_role("heading", level=1)).to_contain_text("市教育局的数据看板")
    _drawn(desktop, "rates-step", "rates-domain", "adoption-domain")
    expect(desktop.locator("#table-task_id")).to_be_visible()
    with desktop.expect_navigation():
        desktop.locator("#presets").get_by_role("link", name="本季度").click()
    expect(desktop.locator("#presets [aria-current=page]")).to_have_text("本季度")
    with desktop.expect_download() as download:
        desktop.locator("#by-domain .exports").get_by_role("link", name="Excel").click()
    assert download.value.suggested_filename.endswith("-domain.xlsx")
    audit(desktop, "dashboard-agency", problems, phone=False)
    assert problems == [] and seen == []


def test_a_facilitator_reads_their_groups_dashboard(live_server, desktop):
    seen, problems = _watch(desktop, live_server), []
    staff_signin(desktop, live_server, "facilitator")
    with desktop.expect_navigation():
        desktop.locator("#dashboard-link").click()
    expect(desktop.get_by_role("heading", level=1)).to_contain_text("李辅导员的小组数据看板")
    expect(desktop.locator("#group-figures")).to_contain_text("等监护人同意")
    _drawn(desktop, "counts-group_id", "rates-age_band", "adoption-step")
    expect(desktop.locator("#table-group_id")).to_contain_text("衡阳市儿童议事会")
    expect(desktop.locator("#definitions")).to_contain_text("孩子们提的建议")
    audit(desktop, "dashboard-facilitator", problems, phone=False)
    assert problems == [] and seen == []
