"""The agency workspace: inbox tabs, 签收, 退单, progress, the answer with preview and files."""

import io
from datetime import timedelta

from sqlmodel import select

from models.common import utcnow
from models.councils import support
from models.files.attachments import Attachment
from models.suggestions import lifecycle
from models.suggestions.status import Status
from models.suggestions.tables import Answer
from tests.flow import accepted, actor, dispatched, member, new_suggestion

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"


def test_inbox_lists_new_items_by_deadline_with_tabs(client, auth, session):
    mine = dispatched(session)
    auth.staff("agency1")
    page = client.get("/agency/?tab=new").get_data(as_text=True)
    assert mine.tracking_code in page and "待签收" in page and "已超期" in page


def test_an_overdue_item_shows_in_the_overdue_tab(client, auth, session):
    late = dispatched(session)
    late.sign_due = utcnow() - timedelta(days=1)
    late.overdue = True
    session.add(late)
    session.commit()
    auth.staff("agency1")
    assert late.tracking_code in client.get("/agency/?tab=overdue").get_data(as_text=True)
    assert late.tracking_code not in client.get("/agency/?tab=new").get_data(as_text=True)


def test_item_shows_the_classifiers_choice_and_confidence(client, auth, session):
    item = dispatched(session)
    auth.staff("agency1")
    page = client.get(f"/agency/items/{item.id}").get_data(as_text=True)
    assert "学校教育" in page and "90%" in page and "签收" in page


def test_signing_for_an_item(client, auth, session):
    item = dispatched(session)
    auth.staff("agency1")
    response = client.post(f"/agency/items/{item.id}/accept", follow_redirects=True)
    assert "已签收" in response.get_data(as_text=True)
    session.refresh(item)
    assert item.status == Status.ACCEPTED


def test_a_return_without_a_reason_keeps_the_text_and_changes_nothing(client, auth, session):
    item = dispatched(session)
    auth.staff("agency1")
    response = client.post(f"/agency/items/{item.id}/return",
                           data={"category": "职能不符", "text": ""})
    assert response.status_code == 400 and "请写明退单的理由" in response.get_data(as_text=True)
    session.refresh(item)
    assert item.status == Status.DISPATCHED


def test_a_return_goes_back_to_the_coordinator(client, auth, session):
    item = dispatched(session)
    auth.staff("agency1")
    client.post(f"/agency/items/{item.id}/return",
                data={"category": "职能不符", "text": "应该由交通局办理"})
    session.refresh(item)
    assert item.status == Status.RETURNED
    assert client.get(f"/agency/items/{item.id}").status_code == 404


def test_answer_preview_shows_the_childs_view_without_saving(client, auth, session):
    item = accepted(session)
    auth.staff("agency1")
    response = client.post(f"/agency/items/{item.id}/answer",
                           data={"child_text": "我们会多加一份菜！", "due_weight": "adopted",
                                 "preview": "1"})
    page = response.get_data(as_text=True)
    assert "孩子看到的样子" in page and "我们会多加一份菜！" in page
    assert session.exec(select(Answer).where(Answer.suggestion_id == item.id)).first() is None


def test_a_too_long_answer_is_refused_and_kept(client, auth, session):
    item = accepted(session)
    auth.staff("agency1")
    text = "好" * 301
    response = client.post(f"/agency/items/{item.id}/answer",
                           data={"child_text": text, "due_weight": "adopted"})
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and "300" in page and text in page
    session.refresh(item)
    assert item.status == Status.ACCEPTED


def test_an_answer_with_a_pdf_is_saved_and_served_only_to_its_agency(client, auth, session):
    item = accepted(session)
    auth.staff("agency1")
    response = client.post(f"/agency/items/{item.id}/answer", data={
        "child_text": "谢谢你！下学期开始每个班多一份菜。", "due_weight": "partly",
        "reason": "预算有限", "next_step": "先在三个学校试点", "next_date": "2027-03-01",
        "attachment": (io.BytesIO(PDF), "答复.pdf")}, content_type="multipart/form-data")
    assert response.status_code == 302
    session.refresh(item)
    assert item.status == Status.ANSWERED
    row = session.exec(select(Attachment).where(Attachment.suggestion_id == item.id)).one()
    served = client.get(f"/agency/items/{item.id}/files/{row.id}")
    assert served.status_code == 200 and served.data == PDF
    auth.signout()
    auth.staff("agency2")
    assert client.get(f"/agency/items/{item.id}/files/{row.id}").status_code == 404


def test_a_file_that_is_not_pdf_or_image_is_refused(client, auth, session):
    item = accepted(session)
    auth.staff("agency1")
    response = client.post(f"/agency/items/{item.id}/attach", data={
        "attachment": (io.BytesIO(b"MZ\x90\x00evil"), "report.pdf")},
        content_type="multipart/form-data")
    assert response.status_code == 400 and "只能上传 PDF" in response.get_data(as_text=True)
    assert session.exec(select(Attachment)).first() is None


def test_progress_notes_and_partner_comments_appear_in_the_thread(client, auth, session):
    item = dispatched(session, topic="transport")
    auth.staff("agency2")
    client.post(f"/agency/items/{item.id}/accept")
    client.post(f"/agency/items/{item.id}/note", data={"text": "已经去路口看过了"})
    page = client.get(f"/agency/items/{item.id}").get_data(as_text=True)
    assert "已经去路口看过了" in page
    session.refresh(item)
    assert item.status == Status.IN_PROGRESS


def test_the_agency_sees_how_many_children_think_the_same(client, auth, session):
    item = new_suggestion(session)
    for nickname in ("小红", "乐乐"):
        support.give(session, suggestion=item, member=member(session, nickname))
    lifecycle.approve(session, item, actor=actor(session, "facilitator"))
    session.commit()
    quiet = dispatched(session)
    auth.staff("agency1")
    inbox = client.get("/agency/?tab=new").get_data(as_text=True)
    assert "2 位小朋友也这么想" in inbox and quiet.tracking_code in inbox
    assert inbox.count("位小朋友也这么想") == 1
    page = client.get(f"/agency/items/{item.id}").get_data(as_text=True)
    assert "2 位小朋友也这么想" in page
    assert "也这么想" not in client.get(f"/agency/items/{quiet.id}").get_data(as_text=True)


def test_the_answer_records_how_much_the_childrens_view_counted(client, auth, session):
    item = accepted(session)
    auth.staff("agency1")
    client.post(f"/agency/items/{item.id}/answer", data={
        "child_text": "我们先在两所学校试一试。", "due_weight": "partly",
        "reason": "经费要分两年安排", "next_step": "春季学期试点", "next_date": "2027-03-01"})
    page = client.get(f"/agency/items/{item.id}").get_data(as_text=True)
    assert "部分采纳" in page and "经费要分两年安排" in page and "2027-03-01" in page
    auth.signout()
    auth.child()  # the author's own page
    child = client.get(f"/track/{item.tracking_code}").get_data(as_text=True)
    assert "他们采纳了你的一部分建议" in child and "经费要分两年安排" in child
    assert "春季学期试点" in child and "2027-03-01" in child


def test_partly_adopted_without_a_reason_is_refused_and_kept(client, auth, session):
    item = accepted(session)
    auth.staff("agency1")
    response = client.post(f"/agency/items/{item.id}/answer", data={
        "child_text": "我们先试一试。", "due_weight": "not_adopted"})
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and "请写明原因" in page and "我们先试一试。" in page
    session.refresh(item)
    assert item.status == Status.ACCEPTED


def test_an_answer_in_official_words_is_stopped_with_a_plain_version(client, auth, session):
    item = accepted(session)
    auth.staff("agency1")
    official = "根据《城市道路管理条例》，经研究，予以采纳。特此函复。"
    data = {"child_text": official, "due_weight": "adopted"}
    warned = client.post(f"/agency/items/{item.id}/answer", data=data)
    page = warned.get_data(as_text=True)
    assert warned.status_code == 400 and "孩子可能看不懂这些话" in page
    assert "“经研究” → 我们商量后" in page and 'id="plain-version"' in page
    session.refresh(item)
    assert item.status == Status.ACCEPTED
    plain = client.post(f"/agency/items/{item.id}/answer", data={**data, "use_plain": "1"})
    assert "按照规定，我们商量后，我们会照你说的做。" in plain.get_data(as_text=True)

    client.post(f"/agency/items/{item.id}/answer", data={**data, "ask_office": "y"})
    session.refresh(item)
    assert item.status == Status.ACCEPTED, "official words never reach a child on the clerk's say"
    kept = [e for e in lifecycle.history(session, item.id) if e.action == "plain_held"]
    assert kept and "经研究" in kept[0].note


def test_the_glossary_page_explains_office_words(client):
    page = client.get("/words").get_data(as_text=True)
    assert "妇儿工委办" in page and "为儿童办事的办公室" in page and "职能不符" in page
