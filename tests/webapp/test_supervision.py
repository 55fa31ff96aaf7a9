"""督办 on the pages: the board, 催办 that reaches the agency, the 督办单, 延期申请."""

import re
from datetime import timedelta

from sqlmodel import select

from models.notices.notifications import Notification
from models.suggestions import lifecycle
from models.suggestions.deadlines import local_day, sweep
from models.suggestions.supervision import ExtensionRequest, steps
from tests.flow import account, dispatched
from tests.webapp.test_jobs import _work, needs_redis, queued  # noqa: F401 - a fixture


def _overdue(session):
    item = dispatched(session)
    item.sign_due = item.sign_due - timedelta(days=40)
    session.add(item)
    session.commit()
    sweep(session)
    session.commit()
    session.refresh(item)
    return item


def _board_row(client, item) -> str:
    page = client.get("/coordinator/?tab=overdue").get_data(as_text=True)
    return re.search(rf"<tr[^>]*>\s*<td><a[^>]*>{item.tracking_code}</a>.*?</tr>", page,
                     re.S).group(0)


def test_the_board_has_agency_days_and_level_and_a_urge_moves_it(client, auth, session):
    item = _overdue(session)
    auth.staff("coordinator")
    row = _board_row(client, item)
    assert "市教育局" in row and "未催办" in row
    assert int(re.search(r'class="days">(\d+)<', row).group(1)) >= 20
    response = client.post(f"/coordinator/items/{item.id}/escalate",
                           data={"level": "1", "note": "请三天内签收"})
    assert response.status_code == 302
    assert ">催办<" in _board_row(client, item)
    notice = session.exec(select(Notification).where(
        Notification.account_id == account(session, "agency1").id,
        Notification.kind == "urge")).one()
    assert "请三天内签收" in notice.message and notice.wants_email
    assert lifecycle.history(session, item.id)[-1].action == "urge"
    auth.staff("agency1")
    assert "请三天内签收" in client.get(f"/agency/items/{item.id}").get_data(as_text=True)


def test_a_level_cannot_be_skipped_on_the_page(client, auth, session):
    item = _overdue(session)
    auth.staff("coordinator")
    response = client.post(f"/coordinator/items/{item.id}/escalate", data={"level": "3"})
    assert response.status_code == 400 and "请先催办" in response.get_data(as_text=True)
    assert steps(session, item.id) == []


def test_an_agency_cannot_escalate(client, auth, session):
    item = _overdue(session)
    auth.staff("agency1")
    response = client.post(f"/coordinator/items/{item.id}/escalate", data={"level": "1"})
    assert response.status_code in (302, 403) and steps(session, item.id) == []


def test_the_duban_sheet_downloads_as_pdf(client, auth, session):
    item = _overdue(session)
    auth.staff("coordinator")
    for level in ("1", "2"):
        client.post(f"/coordinator/items/{item.id}/escalate", data={"level": level})
    step = steps(session, item.id)[-1]
    page = client.get(f"/coordinator/items/{item.id}").get_data(as_text=True)
    assert "督办单（PDF）" in page
    response = client.get(f"/coordinator/items/{item.id}/steps/{step.id}.pdf")
    if response.status_code == 302:  # no Chinese font here: the page says so instead
        return
    assert response.mimetype == "application/pdf" and response.data.startswith(b"%PDF")


def test_an_extension_asked_by_the_agency_and_approved_by_the_coordinator(client, auth,
                                                                          session):
    item = _overdue(session)
    auth.staff("agency1")
    new_day = local_day(item.answer_due) + timedelta(days=30)
    response = client.post(f"/agency/items/{item.id}/extension",
                           data={"new_date": new_day.isoformat(), "reason": "要等区里批预算"})
    assert response.status_code == 302
    asked = session.exec(select(ExtensionRequest)).one()
    auth.staff("coordinator")
    page = client.get(f"/coordinator/items/{item.id}").get_data(as_text=True)
    assert "要等区里批预算" in page and "部门申请延期到" in page
    decide = f"/coordinator/items/{item.id}/extensions/{asked.id}"
    assert client.post(decide, data={"decision": "refuse"}).status_code == 400
    client.post(decide, data={"decision": "approve"})
    session.refresh(item)
    assert local_day(item.sign_due) == new_day and not item.overdue
    auth.staff("agency1")
    page = client.get(f"/agency/items/{item.id}").get_data(as_text=True)
    assert "妇儿工委办同意了，新的期限已经生效。" in page


def test_a_refused_extension_reads_plainly_to_the_agency(client, auth, session):
    item = _overdue(session)
    auth.staff("agency1")
    client.post(f"/agency/items/{item.id}/extension",
                data={"new_date": "2031-01-10", "reason": "人手不够"})
    asked = session.exec(select(ExtensionRequest)).one()
    auth.staff("coordinator")
    client.post(f"/coordinator/items/{item.id}/extensions/{asked.id}",
                data={"decision": "refuse", "answer": "请先签收再说"})
    auth.staff("agency1")
    page = client.get(f"/agency/items/{item.id}").get_data(as_text=True)
    assert "妇儿工委办没有同意，请按原来的期限办。" in page and "请先签收再说" in page


@needs_redis
def test_with_redis_the_urge_mail_waits_for_the_worker(queued, client, auth, session):  # noqa: F811
    queue, mail = queued
    item = _overdue(session)
    _work(queue)  # the dispatch and overdue mails go out first
    before = len(list(mail.glob("*.eml")))
    auth.staff("coordinator")
    client.post(f"/coordinator/items/{item.id}/escalate", data={"level": "1", "note": "快办"})
    assert queue.count >= 1 and len(list(mail.glob("*.eml"))) == before, "queued, not inline"
    _work(queue)
    assert len(list(mail.glob("*.eml"))) > before
    assert queue.failed_job_registry.count == 0


def test_a_deadline_in_a_year_without_a_holiday_calendar_says_so(client, auth, session):
    item = dispatched(session)
    item.sign_due = item.sign_due.replace(year=2031)
    session.add(item)
    session.commit()
    auth.staff("coordinator")
    page = client.get(f"/coordinator/items/{item.id}").get_data(as_text=True)
    assert "2031 年的放假安排还没有收录，期限暂按周一到周五计算。" in page
    item.sign_due = item.sign_due.replace(year=2026)
    session.add(item)
    session.commit()
    page = client.get(f"/coordinator/items/{item.id}").get_data(as_text=True)
    assert "放假安排还没有收录" not in page
