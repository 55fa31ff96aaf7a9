"""The coordinator issues an Open311 key in the browser, a program uses it, the coordinator
revokes it and the program is refused; the pages pass axe-core on a desktop."""

from __future__ import annotations

import requests
from playwright.sync_api import expect

from .conftest import staff_signin
from .test_accessibility import audit, verdict


def _post(server, key: str) -> requests.Response:
    return requests.post(f"{server.url}/open311/v2/requests.json", timeout=30, data={
        "api_key": key, "jurisdiction_id": "hengyang", "description": "公园的秋千坏了"})


def test_a_coordinator_issues_and_revokes_an_open311_key(live_server, desktop):
    problems: list[str] = []
    staff_signin(desktop, live_server, "coordinator")
    desktop.goto(live_server.url + "/coordinator/manage/")
    desktop.get_by_role("link", name="Open311 密钥").click()
    audit(desktop, "api-keys", problems, phone=False)
    desktop.get_by_label("使用密钥的系统或单位").fill("12345 市民热线")
    desktop.get_by_role("button", name="生成密钥").click()
    expect(desktop.get_by_text("这个密钥只显示这一次", exact=False)).to_be_visible()
    audit(desktop, "api-key-issued", problems, phone=False)
    key = desktop.locator("#issued-key").inner_text().strip()
    assert _post(live_server, key).status_code == 200
    desktop.get_by_role("link", name="返回").click()
    row = desktop.locator("#api-keys tr", has_text="12345 市民热线")
    expect(row).to_contain_text(key[:10])
    expect(desktop.locator("#api-keys")).not_to_contain_text(key)
    row.get_by_role("button", name="停用").click()
    expect(desktop.get_by_text("它马上就不能再用了", exact=False)).to_be_visible()
    expect(desktop.locator("#api-keys tr", has_text="12345 市民热线")).to_contain_text("已停用")
    refused = _post(live_server, key)
    assert refused.status_code == 403 and refused.json()[0]["code"] == 403
    verdict(problems)
