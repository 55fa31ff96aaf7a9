"""The coordinator opens the dashboard in Chromium: ECharts (served by the site itself)
draws a chart above each table, the page breaks no content-security rule and axe-core finds
no serious problem."""

from __future__ import annotations

from playwright.sync_api import expect

from .conftest import staff_signin
from .test_accessibility import audit


def test_the_coordinator_reads_the_dashboard_charts_and_tables(live_server, desktop):
    refused: list[str] = []
    desktop.on("console", lambda message: refused.append(message.text)
               if message.type == "error" and "status of 404" not in message.text else None)
    missing: list[str] = []
    desktop.on("response", lambda response: missing.append(response.url)
               if response.status >= 400 and "favicon" not in response.url else None)
    outside: list[str] = []
    desktop.on("request", lambda request: outside.append(request.url)
               if not request.url.startswith(live_server.url) else None)
    staff_signin(desktop, live_server, "coordinator")
    with desktop.expect_navigation():
        desktop.locator("#dashboard-link").click()
    expect(desktop.get_by_role("heading", level=1)).to_contain_text("数据看板")
    ranking = desktop.locator("#by-ranking .chart svg, #by-ranking .chart canvas")
    expect(ranking.first).to_be_visible()
    expect(desktop.locator("#by-domain .chart svg, #by-domain .chart canvas").first).to_be_visible()
    expect(desktop.locator("#table-ranking")).to_contain_text("市教育局")
    expect(desktop.locator("#table-age_band")).to_contain_text("岁")
    expect(desktop.locator("#definitions")).to_contain_text("按期办结率")
    problems: list[str] = []
    audit(desktop, "coordinator-dashboard", problems, phone=False)
    assert problems == []
    assert refused == [] and outside == [] and missing == []
