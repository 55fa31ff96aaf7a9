"""The coordinator's dashboard: every breakdown as a chart and a table of the same numbers."""

import json
import re

from tests.flow import account


def _chart(page: str, data_id: str) -> dict:
    found = re.search(rf'<script type="application/json" id="{data_id}">(.*?)</script>', page,
                      re.S)
    return json.loads(found.group(1))


def test_the_dashboard_shows_each_breakdown_as_a_chart_and_a_table(client, auth, session):
    auth.staff("coordinator")
    page = client.get("/coordinator/dashboard/").get_data(as_text=True)
    for key in ("agency_id", "domain", "topic", "district", "group_kind", "age_band"):
        assert f'id="table-{key}"' in page or key == "agency_id"
    assert 'id="table-ranking"' in page and "按期签收率" in page and "部门排名" in page
    assert "/static/vendor/echarts/echarts.min.js" in page
    assert "cdn" not in page.lower()
    ranking = _chart(page, "rates-ranking-data")
    assert ranking["series"][0]["name"] == "按期签收率" and ranking["labels"]
    districts = _chart(page, "rates-district-data")
    assert "市级（不分区县）" in districts["labels"]


def test_the_chart_carries_the_same_numbers_as_its_table(client, auth, session):
    auth.staff("coordinator")
    page = client.get("/coordinator/dashboard/").get_data(as_text=True)
    chart = _chart(page, "rates-domain-data")
    table = page.split('id="table-domain"')[1].split("</table>")[0]
    for label, sign in zip(chart["labels"], chart["series"][0]["values"], strict=True):
        row = table.split(f">{label}</th>")[1].split("</tr>")[0]
        assert (f"<strong>{sign}%</strong>" in row) if sign is not None else "暂无" in row


def test_a_period_with_no_suggestions_says_so(client, auth):
    auth.staff("coordinator")
    page = client.get("/coordinator/dashboard/?from=2040-01-01&to=2040-01-31")
    assert "这段时间没有派给部门的建议。" in page.get_data(as_text=True)


def test_each_table_exports_as_csv_in_chinese(client, auth):
    auth.staff("coordinator")
    response = client.get("/coordinator/dashboard/age_band.csv")
    text = response.get_data().decode("utf-8-sig")
    assert response.status_code == 200 and text.startswith("按年龄段,收到的建议,按期签收率")
    assert client.get("/coordinator/dashboard/nickname.csv").status_code == 404


def test_only_the_coordinator_sees_the_dashboard(client, auth, session):
    auth.staff("agency1")
    assert client.get("/coordinator/dashboard/").status_code in (302, 403, 404)
    assert account(session, "agency1").role == "agency_staff"


def test_the_dashboard_speaks_english(client, auth):
    auth.staff("coordinator")
    client.get("/language/en")
    page = client.get("/coordinator/dashboard/").get_data(as_text=True)
    assert "Agency ranking" in page and "Signed on time" in page and "By age band" in page
    assert "City-wide (no district)" in page and "部门排名" not in page


def test_the_weekly_and_monthly_reports_download_from_the_dashboard(client, auth):
    auth.staff("coordinator")
    page = client.get("/coordinator/dashboard/").get_data(as_text=True)
    assert "/coordinator/dashboard/report/weekly.xlsx" in page
    workbook = client.get("/coordinator/dashboard/report/monthly.xlsx")
    assert workbook.status_code == 200 and workbook.data[:2] == b"PK"
    assert client.get("/coordinator/dashboard/report/yearly.xlsx").status_code == 404


def test_the_report_command_writes_excel(tmp_path, monkeypatch):
    from click.testing import CliRunner
    from openpyxl import load_workbook

    from webapp.cli import cli

    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'r.sqlite3'}")
    target = tmp_path / "week.xlsx"
    result = CliRunner().invoke(cli, ["report", "weekly", "-o", str(target),
                                      "--date", "2031-03-12"])
    assert result.exit_code == 0, result.output
    assert "2031-03-03 至 2031-03-09" in result.output
    assert load_workbook(target).sheetnames[0] == "概况"
    assert CliRunner().invoke(cli, ["report", "weekly", "-o", str(tmp_path / "x.txt")]
                              ).exit_code != 0
