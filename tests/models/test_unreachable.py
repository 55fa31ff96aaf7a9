"""Nothing vanishes: an item led by an agency with no account reaches the coordinator and the
agency's contact e-mail; the agencies without accounts are listed; staff come in bulk."""

import io
from email import message_from_bytes
from email.policy import default

import pytest
from openpyxl import Workbook
from sqlmodel import select

from models.notices.notifications import (
    FileBackend,
    Notification,
    deliver_pending,
    unreachable_leads,
)
from models.notices.unreachable import unstaffed_agencies
from models.people import staff_import
from models.people.tables import Account
from models.plans.importer import agency_by_name
from models.settings import Settings, bind
from models.suggestions import dispatching, lifecycle
from models.suggestions.dispatching import Choice
from tests.flow import actor, dispatched


def _police(session, email=""):
    police = agency_by_name(session, "hengyang", "市公安局")
    police.contact_email = email
    session.add(police)
    session.commit()
    return police


def _send_to(session, agency):
    item = dispatched(session)
    lifecycle.return_(session, item, actor=actor(session, "agency1"), category="职能不符",
                      text="建议改派市公安局。")
    dispatching.choose_agencies(session, item, actor=actor(session, "coordinator"),
                                choice=Choice(leads=(agency.id,)))
    session.commit()
    return item


def test_an_item_led_by_an_agency_without_an_account_warns_and_mails_its_contact(
        session, tmp_path, monkeypatch):
    bind(session, Settings(mail_backend=FileBackend(tmp_path)))
    police = _police(session, "jingwu@example.gov.cn")
    item = _send_to(session, police)
    assert [a.name for a in unreachable_leads(session, item)] == ["市公安局"]
    warned = session.exec(select(Notification).where(
        Notification.kind == "no_account", Notification.suggestion_id == item.id)).all()
    assert warned and all("jingwu@example.gov.cn" in n.message for n in warned)
    deliver_pending(session, FileBackend(tmp_path))          # sent after the commit already
    mails = [message_from_bytes(p.read_bytes(), policy=default) for p in tmp_path.glob("*.eml")]
    to_police = [m for m in mails if m["To"] == "jingwu@example.gov.cn"]
    assert len(to_police) == 1
    body = to_police[0].get_content()
    assert item.tracking_code in body and "建议改派" not in body   # the code, not the words


def test_without_a_contact_e_mail_the_coordinator_is_told_to_call(session):
    item = _send_to(session, _police(session))
    warned = session.exec(select(Notification).where(
        Notification.kind == "no_account", Notification.suggestion_id == item.id)).all()
    assert warned and "请打电话联系" in warned[0].message
    assert session.exec(select(Notification).where(
        Notification.kind == "agency_mail", Notification.suggestion_id == item.id)).all() == []


def test_agencies_without_accounts_are_listed_with_the_items_they_hold(session):
    police = _police(session)
    _send_to(session, police)
    found = {u.agency.name: u.open_items for u in unstaffed_agencies(session, "hengyang")}
    assert found["市公安局"] == 1 and "市教育局" not in found        # agency1 is 市教育局's
    counts = list(found.values())
    assert counts == sorted(counts, reverse=True)                    # holding items first


def _csv(text: str) -> bytes:
    return text.encode("utf-8-sig")


def test_a_sheet_with_bad_rows_creates_nobody_and_says_why_per_row(session):
    sheet = _csv("部门,姓名,用户名,邮箱\n市公安局,张警官,police1,zhang@example.cn\n"
                 "市不存在局,李四,ghost1,\n市公安局,王五,police1,wang@\n,赵六,agency1,\n")
    rows = staff_import.check(session, "hengyang", staff_import.read_sheet(sheet, "staff.csv"))
    problems = {row.line: row.problems for row in rows}
    assert problems[2] == []
    assert "本市规划里没有“市不存在局”" in problems[3][0]
    assert any("出现了两次" in p for p in problems[4]) and "邮箱格式不对" in problems[4]
    assert "没有填部门" in problems[5] and any("已经有人用了" in p for p in problems[5])
    with pytest.raises(staff_import.SheetProblem, match="什么都没有导入"):
        staff_import.import_staff(session, "hengyang", rows)
    assert session.exec(select(Account).where(Account.username == "police1")).first() is None


def test_a_good_excel_sheet_creates_every_account_with_a_first_password(session):
    book = Workbook()
    book.active.append(["部门", "姓名", "用户名", "邮箱"])
    book.active.append(["市公安局", "张警官", "police1", "zhang@example.cn"])
    book.active.append(["市卫健委", "刘医生", "health1", None])
    data = io.BytesIO()
    book.save(data)
    rows = staff_import.read_sheet(data.getvalue(), "staff.xlsx")
    made = staff_import.import_staff(session, "hengyang", rows)
    assert [m.username for m in made] == ["police1", "health1"] and all(m.password for m in made)
    police = agency_by_name(session, "hengyang", "市公安局")
    assert unstaffed_agencies(session, "hengyang") and police.id not in {
        u.agency.id for u in unstaffed_agencies(session, "hengyang")}


def test_a_sheet_without_the_headers_is_refused(session):
    with pytest.raises(staff_import.SheetProblem, match="部门、姓名、用户名"):
        staff_import.read_sheet(_csv("a,b\n1,2\n"), "x.csv")
    with pytest.raises(staff_import.SheetProblem, match=".csv 或 .xlsx"):
        staff_import.read_sheet(b"x", "x.txt")
