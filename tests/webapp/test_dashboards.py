"""Each agency's and each facilitator's dashboard: who may open which, the period presets, the
trend, and a CSV and an Excel file beside every table with no child's nickname in them."""

import io
import json
import re
from dataclasses import replace
from datetime import timedelta

import pytest
from openpyxl import load_workbook
from sqlmodel import func, select

from models.common import CHINA, utcnow
from models.office import figures
from models.office.rollup import DashboardRollupMark
from models.office.snapshots import DashboardSnapshot
from tests.flow import account
from webapp import jobs


def _agency_id(session, name: str) -> int:
    return next(k for k, v in figures.agency_labels(session, "hengyang").items() if v == name)


def _chart(page: str, chart_id: str) -> dict:
    found = re.search(rf'<script type="application/json" id="{chart_id}-data">(.*?)</script>',
                      page, re.S)
    return json.loads(found.group(1))


def test_a_clerk_opens_their_own_agency_dashboard(client, auth, session):
    auth.staff("agency1")
    response = client.get("/dashboards/agency/")
    education = _agency_id(session, "市教育局")
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/dashboards/agency/{education}/")
    page = client.get(f"/dashboards/agency/{education}/").get_data(as_text=True)
    assert "市教育局的数据看板" in page
    for key in ("step", "domain", "task_id", "district", "age_band"):
        assert f'id="table-{key}"' in page and f'id="adoption-{key}-data"' in page
    assert "按期签收率" in page and "超期天数" in page and 'id="definitions"' in page
    assert "本周" in page and "本季度" in page


def test_a_clerk_cannot_open_another_agency_or_a_facilitator(client, auth, session):
    auth.staff("agency1")
    other = _agency_id(session, "市城市管理局")
    assert client.get(f"/dashboards/agency/{other}/").status_code == 404
    assert client.get(f"/dashboards/agency/{other}/domain.csv").status_code == 404
    facilitator = account(session, "facilitator").id
    assert client.get(f"/dashboards/facilitator/{facilitator}/").status_code == 403


def test_the_coordinator_opens_any_agency_and_any_facilitator(client, auth, session):
    auth.staff("coordinator")
    other = _agency_id(session, "市城市管理局")
    page = client.get("/coordinator/dashboard/").get_data(as_text=True)
    assert 'id="agency-choice"' in page and 'id="facilitator-choice"' in page
    chosen = client.get(f"/dashboards/agency/?agency={other}&preset=month")
    assert chosen.headers["Location"].endswith(f"/dashboards/agency/{other}/?preset=month")
    assert "市城市管理局的数据看板" in client.get(f"/dashboards/agency/{other}/").get_data(
        as_text=True)
    facilitator = account(session, "facilitator")
    page = client.get(f"/dashboards/facilitator/{facilitator.id}/").get_data(as_text=True)
    assert f"{facilitator.display_name}的小组数据看板" in page and "衡阳市儿童议事会" in page
    assert client.get(f"/dashboards/facilitator/{account(session, 'agency1').id}/"
                      ).status_code == 404


def test_a_facilitator_sees_their_groups_and_not_another_facilitators(client, auth, session):
    auth.staff("facilitator2")
    mine = client.get("/dashboards/facilitator/")
    assert mine.headers["Location"].endswith(
        f"/dashboards/facilitator/{account(session, 'facilitator2').id}/")
    facilitator = account(session, "facilitator").id
    assert client.get(f"/dashboards/facilitator/{facilitator}/").status_code == 404
    auth.signout()
    auth.staff("facilitator")
    page = client.get(f"/dashboards/facilitator/{facilitator}/").get_data(as_text=True)
    assert 'id="table-group_id"' in page and 'id="table-age_band"' in page
    assert "等监护人同意" in page and "衡阳市儿童议事会" in page
    counts = _chart(page, "counts-group_id")
    assert counts["labels"] and counts["series"][0]["name"] == "孩子们提的建议"


def test_a_preset_sets_the_period_and_the_trend(client, auth):
    auth.staff("coordinator")
    page = client.get("/coordinator/dashboard/?preset=year").get_data(as_text=True)
    assert 'href="/coordinator/dashboard/?preset=year" aria-current="page"' in page
    trend = _chart(page, "rates-step")
    assert trend["kind"] == "line" and trend["labels"][0].endswith("-01")
    page = client.get("/coordinator/dashboard/?preset=week").get_data(as_text=True)
    assert len(_chart(page, "counts-step")["labels"]) == 1


@pytest.mark.parametrize("who, path", [
    ("coordinator", "/coordinator/dashboard/age_band"),
    ("agency1", "/dashboards/agency/{agency}/age_band"),
    ("facilitator", "/dashboards/facilitator/{facilitator}/age_band"),
    ("facilitator", "/dashboards/facilitator/{facilitator}/group_id"),
])
def test_every_table_exports_as_csv_and_excel_without_nicknames(client, auth, session, who,
                                                                 path):
    auth.staff(who)
    path = path.format(agency=_agency_id(session, "市教育局"),
                       facilitator=account(session, "facilitator").id)
    text = client.get(path + ".csv").get_data().decode("utf-8-sig")
    header, *rows = text.splitlines()
    assert header.split(",")[0] in ("按年龄段", "按小组") and rows
    workbook = load_workbook(io.BytesIO(client.get(path + ".xlsx").data))
    sheet = workbook.worksheets[0]
    assert [c.value for c in sheet[1]] == header.split(",") and sheet.auto_filter.ref
    cells = {str(c.value) for row in sheet.iter_rows() for c in row}
    assert not {"小明", "小红", "小刚"} & cells and "小明" not in text
    assert client.get(path.rsplit("/", 1)[0] + "/nickname.csv").status_code == 404


def test_the_new_dashboards_speak_english(client, auth, session):
    auth.staff("agency1")
    client.get("/language/en")
    page = client.get(f"/dashboards/agency/{_agency_id(session, '市教育局')}/").get_data(
        as_text=True)
    assert "This week" in page and "Trend" in page and "Days overdue" in page
    assert "本周" not in page and "超期天数" not in page


def test_any_period_shows_when_the_sweep_counted_it(app, client, auth, session):
    settings = app.extensions["settings"]
    assert jobs.sweep_now(app.extensions["engine"], settings)["snapshots"] == 0   # a small city
    every_city = replace(settings, snapshot_from=0)
    assert jobs.sweep_now(app.extensions["engine"], every_city)["snapshots"]
    counted = session.exec(select(func.max(DashboardRollupMark.counted_at))).one()
    shown = f"{counted.astimezone(CHINA):%H:%M}"
    auth.staff("coordinator")
    page = client.get("/coordinator/dashboard/?preset=year").get_data(as_text=True)
    assert f"数据更新于 {shown}" in page
    today = utcnow().astimezone(CHINA).date()
    chosen = client.get(f"/coordinator/dashboard/?from={today - timedelta(days=40)}&to={today}")
    assert f"数据更新于 {shown}" in chosen.get_data(as_text=True)    # a sum of the days kept
    assert session.exec(select(func.max(DashboardSnapshot.computed_at))).one() == counted
    client.get("/language/en")
    page = client.get(f"/dashboards/agency/{_agency_id(session, '市教育局')}/").get_data(
        as_text=True)
    assert f"Figures as of {shown}" in page
