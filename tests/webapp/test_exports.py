"""Exports of any size: streamed in chunks, fetched without a bind parameter per id, and never
able to run a formula in the coordinator's spreadsheet (issue 10 item 12)."""

import io
import zipfile
from datetime import timedelta

import pytest
from openpyxl import load_workbook
from sqlalchemy import event

from models.office import exports
from tests.flow import new_suggestion
from tests.webapp.test_jobs import _work, needs_redis, queued  # noqa: F401 (a fixture)

HOSTILE = ["＝HYPERLINK(\"http://evil.example\",\"点我\")", "=1+1", "＋1", "－1", "＠SUM(A1)",
           "\t=1+1", "\r=1+1", " =1+1", "\u3000＝1+1", "﹦1+1"]


@pytest.mark.parametrize("text", HOSTILE)
def test_every_formula_form_is_recognised(text):
    assert exports.formula_like(text)


@pytest.mark.parametrize("text", ["学校门口的红绿灯太短了", "12355", "", "a=b", "5-3"])
def test_ordinary_text_is_left_alone(text):
    assert not exports.formula_like(text) and exports.csv_cell(text) == text


def test_csv_cells_that_look_like_formulas_start_with_a_quote(client, auth, session):
    codes = {text: new_suggestion(session, text=text).tracking_code for text in HOSTILE[:5]}
    auth.staff("coordinator")
    response = client.get("/coordinator/export.csv")
    assert response.is_streamed
    body = response.get_data().decode("utf-8-sig")
    assert all(code in body for code in codes.values())
    for text in HOSTILE[:5]:
        assert "'" + text.split('"')[0] in body


def test_excel_cells_are_text_and_show_exactly_what_the_child_wrote(client, auth, session):
    texts = HOSTILE[:5]
    for text in texts:
        new_suggestion(session, text=text)
    auth.staff("coordinator")
    data = client.get("/coordinator/export.xlsx").data
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sheet_xml = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet_xml and "<f " not in sheet_xml
    sheet = load_workbook(io.BytesIO(data)).active
    column = exports.COLUMNS.index("内容")
    shown = {row[column].value: row[column].data_type for row in sheet.iter_rows(min_row=2)}
    for text in texts:
        assert shown.get(text) == "s"  # as written: no formula, no stray '


def test_rows_come_a_chunk_at_a_time_each_with_its_history(session):
    made = {new_suggestion(session, text=f"第{n}条：滑梯坏了").tracking_code for n in range(12)}
    batches = list(exports.row_batches(session, "hengyang", exports.Filters(), chunk=5))
    codes = [row[0] for batch in batches for row in batch]
    assert made <= set(codes) and len(codes) == len(set(codes))
    assert max(len(batch) for batch in batches) == 5
    assert all(row[-1] for batch in batches for row in batch if row[0] in made)


def test_related_rows_come_by_subquery_never_one_parameter_per_id(app, session):
    for n in range(12):
        new_suggestion(session, text=f"第{n}条：操场的滑梯坏了")
    widest = []

    def record(_conn, _cursor, _statement, parameters, _context, _many):
        widest.append(len(parameters or ()))

    engine = app.extensions["engine"]
    event.listen(engine, "before_cursor_execute", record)
    try:
        exports.rows(session, "hengyang", exports.Filters())
    finally:
        event.remove(engine, "before_cursor_execute", record)
    assert max(widest) < 10  # binding all 12 ids fails here (at a million: an HTTP 500)


def test_a_background_export_shows_progress_then_a_download(client, auth, session):
    item = new_suggestion(session, text="＝HYPERLINK(\"http://evil.example\")")
    auth.staff("coordinator")
    started = client.post("/coordinator/exports/", data={"kind": "csv", "status": "submitted"})
    assert started.status_code == 302
    page = client.get(started.headers["Location"]).get_data(as_text=True)
    assert "文件生成好了" in page and "下载文件" in page
    token = started.headers["Location"].rstrip("/").split("/")[-1]
    body = client.get(f"/coordinator/exports/{token}/file").data.decode("utf-8-sig")
    assert item.tracking_code in body and "'＝HYPERLINK" in body


def test_an_excel_too_big_to_wait_for_is_made_in_the_background(app, client, auth, session):
    """Past ``EXPORT_XLSX_AT_ONCE`` rows the Excel button starts the background export (a
    whole city's workbook would outlast the web server's 60 s) with the same filters."""
    first, second = new_suggestion(session), new_suggestion(session)
    auth.staff("coordinator")
    app.config["EXPORT_XLSX_AT_ONCE"] = 1
    started = client.get("/coordinator/export.xlsx?status=submitted")
    assert started.status_code == 302 and "/coordinator/exports/" in started.headers["Location"]
    page = client.get(started.headers["Location"]).get_data(as_text=True)
    assert "已经放到后台生成" in page and "下载文件" in page
    token = started.headers["Location"].rstrip("/").split("/")[-1]
    rows = _xlsx_rows(client.get(f"/coordinator/exports/{token}/file").data)
    assert {first.tracking_code, second.tracking_code} <= {row[0] for row in rows}
    assert len(rows) == len(_csv_rows(client.get("/coordinator/export.csv?status=submitted").data))


def test_only_the_coordinator_who_asked_can_see_or_download_an_export(client, auth, session):
    auth.staff("coordinator")
    token = client.post("/coordinator/exports/", data={"kind": "xlsx"}).headers[
        "Location"].rstrip("/").split("/")[-1]
    auth.signout()
    auth.staff("agency1")
    assert client.get(f"/coordinator/exports/{token}/file").status_code in (403, 404)
    assert client.get("/coordinator/exports/not-a-token").status_code in (403, 404)


def test_a_bad_filter_is_refused_before_any_job_starts(client, auth, session):
    auth.staff("coordinator")
    response = client.post("/coordinator/exports/", data={"kind": "xlsx", "status": "lost"},
                           follow_redirects=True)
    assert "没有这个状态" in response.get_data(as_text=True)


@needs_redis
def test_on_the_queue_the_page_waits_then_the_worker_finishes_it(client, auth, session, queued,  # noqa: F811
                                                                  tmp_path):
    queue, _mail = queued
    item = new_suggestion(session)
    auth.staff("coordinator")
    where = client.post("/coordinator/exports/", data={"kind": "xlsx"}).headers["Location"]
    waiting = client.get(where).get_data(as_text=True)
    assert "正在生成" in waiting and "<progress" in waiting and 'http-equiv="refresh"' in waiting
    _work(queue)
    assert "下载文件" in client.get(where).get_data(as_text=True)
    sheet = load_workbook(io.BytesIO(client.get(where + "/file").data)).active
    assert item.tracking_code in [row[0].value for row in sheet.iter_rows(min_row=2)]


@needs_redis
def test_tongsheng_worker_runs_the_queued_export(client, auth, session, queued, tmp_path):  # noqa: F811
    from click.testing import CliRunner

    from webapp.cli.commands import cli

    new_suggestion(session)
    auth.staff("coordinator")
    where = client.post("/coordinator/exports/", data={"kind": "csv"}).headers["Location"]
    assert "正在生成" in client.get(where).get_data(as_text=True)
    result = CliRunner().invoke(cli, ["worker", "--burst"])
    assert result.exit_code == 0, result.output
    assert "下载文件" in client.get(where).get_data(as_text=True)


def test_a_finished_export_downloads_from_another_web_node(app, client, auth, session,
                                                           tmp_path):
    """The file is in the database, not on the disk of the node (or worker) that built it."""
    from tests.webapp.test_shared_files import another_node

    item = new_suggestion(session)
    auth.staff("coordinator")
    where = client.post("/coordinator/exports/", data={"kind": "csv"}).headers["Location"]
    other, elsewhere = another_node(app, client, tmp_path / "another-node")
    download = elsewhere.get(where + "/file")
    assert download.status_code == 200 and item.tracking_code in download.get_data(as_text=True)
    other.extensions["engine"].dispose()


def test_a_finished_export_says_when_it_expires_and_the_sweep_deletes_it(app, client, auth,
                                                                         session):
    """24 hours after it is finished the file is gone, from the database itself, and the
    coordinator is told why; the clock is moved, nothing waits."""
    import time_machine
    from sqlmodel import select

    from models.files.storage import StoredFile
    from models.office.export_jobs import ExportJob
    from webapp import jobs

    new_suggestion(session, text="操场的灯晚上不亮")
    auth.staff("coordinator")
    where = client.post("/coordinator/exports/", data={"kind": "csv"}).headers["Location"]
    job = session.exec(select(ExportJob)).one()
    page = client.get(where).get_data(as_text=True)
    assert "只保留 24 小时" in page and job.expires_at.strftime("%Y") in page
    with time_machine.travel(job.finished_at + (job.expires_at - job.finished_at) / 2):
        assert jobs.sweep_now(app.extensions["engine"])["exports_deleted"] == 0
    with time_machine.travel(job.expires_at.replace(microsecond=0) + timedelta(minutes=1)):
        assert jobs.sweep_now(app.extensions["engine"])["exports_deleted"] == 1
    assert session.exec(select(StoredFile).where(StoredFile.name == job.file_name)).first() is None
    later = client.get(f"{where}/file", follow_redirects=True).get_data(as_text=True)
    assert "已经删除了" in later and "下载文件" not in later


def test_an_export_reads_like_a_clerks_report(client, auth, session):
    """Local times as date cells, topics and actions in Chinese, no child's nickname, a filter
    on every column and widths that fit."""
    from datetime import datetime as moment

    import time_machine

    from models.common import CHINA
    from tests.flow import dispatched

    with time_machine.travel(moment(2031, 3, 3, 23, 30, tzinfo=CHINA), tick=False):
        item = dispatched(session)       # 23:30 in the city is 15:30 UTC the same day
    auth.staff("coordinator")
    data = client.get("/coordinator/export.xlsx?from=2031-03-03&to=2031-03-03").data
    sheet = load_workbook(io.BytesIO(data)).active
    row = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == item.tracking_code)
    made = row[exports.COLUMNS.index("提交时间")]
    assert made.is_date and made.value == moment(2031, 3, 3, 23, 30)
    assert row[exports.COLUMNS.index("主题")].value == "学校教育"
    history = row[exports.COLUMNS.index("经过")].value
    assert "派单" in history and "提交" in history and "dispatch" not in history
    assert "小明" not in history and "小朋友" in history
    assert "2031-03-03 23:30" in history
    assert sheet.auto_filter.ref.startswith("A1:Q")
    assert sheet.column_dimensions["I"].width == 48
    text = client.get("/coordinator/export.csv?from=2031-03-03&to=2031-03-03").data.decode(
        "utf-8-sig")
    assert "2031-03-03 23:30" in text and "小明" not in text and "学校教育" in text


def _whole_city(session) -> dict[str, int]:
    """Each exportable suggestion of the city by code, with how many events it has."""
    from sqlalchemy import func
    from sqlmodel import select

    from models.safety.held import readable_condition
    from models.suggestions.tables import Event, Suggestion
    from tests.flow import account

    readable = readable_condition(session, account(session, "coordinator"))
    query = (select(Suggestion.tracking_code, func.count(Event.id))
             .join(Event, Event.suggestion_id == Suggestion.id)
             .where(Suggestion.plan_id == "hengyang", readable)
             .group_by(Suggestion.tracking_code))
    return dict(session.exec(query).all())


def _csv_rows(data: bytes) -> list[list[str]]:
    import csv

    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))[1:]


def _xlsx_rows(data: bytes) -> list[list[str]]:
    sheet = load_workbook(io.BytesIO(data), read_only=True).active
    return [[str(cell or "") for cell in row] for row in sheet.iter_rows(min_row=2,
                                                                         values_only=True)]


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_an_export_of_many_chunks_has_every_row_once_with_its_whole_history(
        client, auth, session, monkeypatch, kind):
    from tests.webapp.test_staff_lists import add_items

    add_items(session, 4)  # 48 suggestions in every status, with their histories
    monkeypatch.setattr(exports, "CHUNK", 7)  # many chunks, the last one short
    expected = _whole_city(session)
    auth.staff("coordinator")
    read = _csv_rows if kind == "csv" else _xlsx_rows
    streamed = read(client.get(f"/coordinator/export.{kind}").data)
    where = client.post("/coordinator/exports/", data={"kind": kind}).headers["Location"]
    assert "文件生成好了" in client.get(where).get_data(as_text=True)
    built = read(client.get(where.rstrip("/") + "/file").data)
    for rows in (streamed, built):
        codes = [row[0] for row in rows]
        assert len(codes) == len(set(codes)) == len(expected) > 48
        history = exports.COLUMNS.index("经过")
        assert {row[0]: len(row[history].splitlines()) for row in rows} == expected
