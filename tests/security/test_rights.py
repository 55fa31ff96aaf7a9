"""Checklist 4: export holds only the requester's data; deletion leaves no trace of them."""

import json

from sqlalchemy import select as sa_select
from sqlmodel import SQLModel, select

from models.files.photos import photo_bytes, store_photo
from models.suggestions.tables import Event, Suggestion
from tests.models.test_photos import _jpeg_with_gps as jpeg_with_gps

from .conftest import member


def _references(session, member_id: int) -> list[str]:
    """Every table and column that still points at this child."""
    found = []
    for table in SQLModel.metadata.sorted_tables:
        for fk in table.foreign_keys:
            if fk.column.table.name == "member":
                rows = session.execute(sa_select(table).where(fk.parent == member_id)).all()
                found += [f"{table.name}.{fk.parent.name}"] * len(rows)
    found += ["member"] * len(session.execute(sa_select(
        SQLModel.metadata.tables["member"]).where(
        SQLModel.metadata.tables["member"].c.id == member_id)).all())
    child_events = select(Event).where(Event.actor_kind == "child", Event.actor_id == member_id)
    found += ["event.actor_id"] * len(session.exec(child_events).all())
    return found


def test_export_contains_the_childs_own_data_and_nobody_elses(client, auth, session):
    auth.child()
    response = client.get("/me/data/export.json")
    assert response.status_code == 200 and "attachment" in response.headers["Content-Disposition"]
    body = response.get_data(as_text=True)
    data = json.loads(body)
    me = member(session)
    mine = session.exec(select(Suggestion).where(Suggestion.member_id == me.id)).all()
    others = session.exec(select(Suggestion).where(Suggestion.member_id != me.id)).all()
    assert mine and others
    assert {row["id"] for row in data["tables"]["suggestion"]} == {s.id for s in mine}
    for s in others:
        assert s.original_text not in body
    assert "小红" not in body and "乐乐" not in body
    assert "pin_hash" not in body and "$argon2" not in body


def test_the_my_data_page_shows_what_we_keep(client, auth):
    auth.child()
    page = client.get("/me/data/").get_data(as_text=True)
    assert "我的建议" in page and "下载我的信息" in page and "删除我的全部信息" in page


def test_deletion_removes_rows_photos_and_agency_copies(app, client, auth, session, tmp_path):
    me = member(session)
    me_id = me.id
    mine = session.exec(select(Suggestion).where(Suggestion.member_id == me.id)).all()
    name = store_photo(session, jpeg_with_gps())
    mine[0].photo = name
    session.add(mine[0])
    session.commit()
    codes = [s.tracking_code for s in mine]
    auth.staff("agency1")
    inbox_before = client.get("/agency/").get_data(as_text=True)
    auth.signout()
    assert any(code in inbox_before for code in codes)

    auth.child()
    wrong = client.post("/me/data/delete", data={"pin": "9999", "sure": "y"})
    assert wrong.status_code == 400 and "密码不对" in wrong.get_data(as_text=True)
    unsure = client.post("/me/data/delete", data={"pin": "1234"})
    assert unsure.status_code == 400 and "请勾选确认" in unsure.get_data(as_text=True)
    assert photo_bytes(session, name) is not None
    done = client.post("/me/data/delete", data={"pin": "1234", "sure": "y"})
    assert done.status_code == 302
    session.expire_all()
    assert _references(session, me_id) == []
    assert photo_bytes(session, name) is None
    auth.staff("agency1")
    inbox_after = client.get("/agency/").get_data(as_text=True)
    assert not any(code in inbox_after for code in codes)
    assert client.get("/me/").status_code in (302, 403)


def test_the_deleted_child_cannot_sign_in_again(client, auth):
    auth.child()
    client.post("/me/data/delete", data={"pin": "1234", "sure": "y"})
    assert auth.child().status_code == 200
    assert client.get("/me/").status_code == 302


def test_other_childrens_data_survives_a_deletion(client, auth, session):
    other = member(session, "小红")
    before = len(session.exec(select(Suggestion).where(Suggestion.member_id == other.id)).all())
    auth.child()
    client.post("/me/data/delete", data={"pin": "1234", "sure": "y"})
    session.expire_all()
    after = session.exec(select(Suggestion).where(Suggestion.member_id == other.id)).all()
    assert len(after) == before > 0
