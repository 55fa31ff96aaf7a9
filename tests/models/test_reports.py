"""Weekly and monthly reports: the right period in China time, the same figures as the
dashboard, Chinese headers with filters, and no child's name or own words."""

import io
from datetime import date, datetime

import pytest
import time_machine
from openpyxl import load_workbook

from models.common import CHINA
from models.files.pdfdoc import FontMissing
from models.office import reports
from models.suggestions import lifecycle
from tests.flow import actor, child, new_suggestion


def test_a_week_is_the_last_whole_monday_to_sunday_and_a_month_the_last_whole_month():
    assert reports.period_of("weekly", date(2031, 3, 12)) == (date(2031, 3, 3), date(2031, 3, 9))
    assert reports.period_of("monthly", date(2031, 3, 12)) == (date(2031, 2, 1),
                                                               date(2031, 2, 28))


@pytest.fixture
def week(session):
    """小明's suggestion of Monday 3 March 2031 at 23:30 China time, answered with his name."""
    with time_machine.travel(datetime(2031, 3, 3, 23, 30, tzinfo=CHINA), tick=False):
        item = new_suggestion(session, text="操场的灯坏了，晚上好黑。")
        lifecycle.approve(session, item, actor=actor(session, "facilitator"))
        lifecycle.accept(session, item, actor=actor(session, "agency1"))
        lifecycle.answer(session, item, actor=actor(session, "agency1"),
                         child_text="小明你好，灯下周就修好。", due_weight="adopted")
        lifecycle.rate(session, item, actor=child(session), value="satisfied")
        session.commit()
    return reports.build(session, "hengyang", "weekly", date(2031, 3, 12))


def test_the_report_counts_the_week_and_masks_the_childs_name(week):
    assert week.city_figures.received == 1 and week.city_figures.satisfaction.percent == 100
    assert week.topics == [("学校教育", 1)] and week.agencies[0].label == "市教育局"
    code, text, weight, answer = week.answered[0]
    assert weight == "采纳" and "小明" not in answer and "灯下周就修好" in answer


def test_the_excel_report_has_chinese_sheets_with_filters(week):
    book = load_workbook(io.BytesIO(reports.to_xlsx(week)))
    assert book.sheetnames == ["概况", "各部门", "主要议题", "超期部门", "孩子们说了什么"]
    summary = book["概况"]
    assert summary["A1"].value == "项目" and summary.auto_filter.ref == f"A1:B{summary.max_row}"
    assert "2031-03-03 至 2031-03-09" in summary["B2"].value
    agencies = book["各部门"]
    assert agencies["B2"].value == "市教育局" and agencies["E2"].value.startswith("100%")
    assert agencies.column_dimensions["B"].width == 24
    assert all("小明" not in str(c.value) for s in book for r in s.iter_rows() for c in r)


def test_the_pdf_says_what_the_excel_says(week):
    lines = [text for text, _size in reports.pdf_lines(week)]
    assert any("市教育局" in line for line in lines) and "孩子们说了什么" in lines
    try:
        assert reports.to_pdf(week).startswith(b"%PDF")
    except FontMissing:
        pytest.skip("no Chinese font on this machine")
