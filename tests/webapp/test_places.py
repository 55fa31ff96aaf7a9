"""The map of places on the web: the map and its list, a place's page, picking a place in the
form and in the chat, the tile server's setting, and the coordinator's places."""

from __future__ import annotations

import io
import re

import pytest
from sqlmodel import select

from models.places.places import named
from models.suggestions.tables import Suggestion
from tests.webapp.test_chat import answer_for, open_chat, turn
from webapp import create_app
from webapp.public.places import tile_source

KEY = "k" * 24


def test_the_map_lists_the_citys_places_and_narrows_them_by_kind(client):
    page = client.get("/places/").get_data(as_text=True)
    assert "儿童友好地图" in page and "衡阳市图书馆" in page and "岳屏公园" in page
    assert "红梅公园" not in page  # 常州's
    assert 'id="map-config"' in page and "vendor/leaflet/leaflet.js" in page
    assert 'id="no-tiles-note"' in page and 'data-tiles="off"' in page
    parks = client.get("/places/?kind=park").get_data(as_text=True)
    assert "岳屏公园" in parks and "衡阳市图书馆" not in parks
    other = client.get("/places/?plan=changzhou").get_data(as_text=True)
    assert "红梅公园" in other and "岳屏公园" not in other
    assert client.get("/places/?plan=atlantis").status_code == 404


def test_the_home_page_links_the_map(client):
    assert 'href="/places/" id="map-link"' in client.get("/").get_data(as_text=True)


def test_a_place_page_shows_its_visits_scores_and_open_suggestions(client, session):
    school = named(session, "hengyang", "衡阳市第一中学")
    page = client.get(f"/places/{school.id}").get_data(as_text=True)
    assert "学校及上学路" in page and "得分：67 分" in page
    assert "校门口的红绿灯时间太短了" in page  # the demo's dispatched, consented suggestion
    assert "雁峰区儿童观察团" not in page  # a visit never names its group
    assert client.get("/places/999999").status_code == 404


def test_the_tile_server_is_a_setting_and_the_page_may_load_its_images(database_url, tmp_path):
    app = create_app({"TESTING": True, "SECRET_KEY": "x", "DATABASE_URL": database_url,
                      "RATELIMIT_STORAGE_URI": "memory://",
                      "MAP_TILES": "https://t{s}.tianditu.gov.cn/DataServer?x={x}&y={y}&l={z}",
                      "MAP_ATTRIBUTION": "天地图"})
    response = app.test_client().get("/places/")
    assert "img-src 'self' https://*.tianditu.gov.cn " in response.headers[
        "Content-Security-Policy"]
    page = response.get_data(as_text=True)
    assert 'data-tiles="on"' in page and "tianditu" in page and 'id="no-tiles-note"' not in page
    app.extensions["engine"].dispose()


@pytest.mark.parametrize("template, source", [
    ("", ""), ("/tiles/{z}/{x}/{y}.png", ""),
    ("https://webrd0{s}.is.autonavi.com/appmaptile?x={x}&y={y}&z={z}", "https://*.is.autonavi.com"),
    ("http://127.0.0.1:8123/{z}/{x}/{y}.png", "http://127.0.0.1:8123"),
])
def test_the_tile_origin_opens_img_src_for_that_server_only(template, source):
    assert tile_source(template) == source


def test_no_tiles_means_the_default_policy(client):
    assert "img-src 'self' data: blob:;" in client.get("/places/").headers[
        "Content-Security-Policy"]


# --- picking a place in the form -------------------------------------------------------------

def _send(client, **extra):
    data = {"text": "图书馆的椅子太高了，脚够不着地。", "plan_id": "hengyang",
            "idempotency_key": KEY, **extra}
    response = client.post("/suggest/", data=data)
    assert response.status_code == 303, response.get_data(as_text=True)
    return response


def _stored(session) -> Suggestion:
    session.expire_all()
    return session.exec(select(Suggestion).where(Suggestion.idempotency_key == KEY)).one()


def test_the_form_offers_the_map_and_comes_back_with_the_place_filled(client, session):
    form = client.get("/suggest/").get_data(as_text=True)
    assert re.search(r'id="pick-place" href="/places/pick\?plan=hengyang"', form)
    library = named(session, "hengyang", "衡阳市图书馆")
    pick = client.get("/places/pick?for=suggest&plan=hengyang").get_data(as_text=True)
    assert f"/places/pick/{library.id}?" in pick and "选这里" in pick
    back = client.get(f"/places/pick/{library.id}?for=suggest&plan=hengyang")
    assert back.status_code == 303
    form = client.get(back.headers["Location"]).get_data(as_text=True)
    assert 'value="衡阳市图书馆"' in form
    assert f'name="place_id" type="hidden" value="{library.id}"' in form
    _send(client, place="衡阳市图书馆", place_id=str(library.id))
    assert _stored(session).place_id == library.id


def test_a_place_typed_over_the_picked_one_is_not_tied_to_it(client, session):
    library = named(session, "hengyang", "衡阳市图书馆")
    _send(client, place="学校图书角", place_id=str(library.id))
    assert _stored(session).place_id is None


def test_another_citys_place_is_never_tied_to_a_suggestion(client, session):
    changzhou = named(session, "changzhou", "常州市图书馆")
    _send(client, place="常州市图书馆", place_id=str(changzhou.id))
    assert _stored(session).place_id is None
    assert client.get(f"/places/pick/{changzhou.id}?for=suggest&plan=hengyang").status_code == 404


@pytest.mark.parametrize("query", ["for=fax&plan=hengyang", "for=chat&plan=hengyang"])
def test_a_pick_link_that_goes_nowhere_is_not_found(client, query):
    assert client.get(f"/places/pick?{query}").status_code == 404


# --- picking a place in the chat -------------------------------------------------------------

def _at_where(client):
    chat = open_chat(client)
    data = turn(client, chat, "图书馆的椅子太高了，脚够不着地", 0).get_json()
    while data["step"] != "where":
        data = turn(client, chat, answer_for(data["step"], data["messages"]),
                    data["seq"]).get_json()
    return chat, data


def test_the_chat_offers_the_map_while_it_asks_where(client):
    chat, data = _at_where(client)
    assert data["urls"]["pick"] == f"/places/pick?chat={chat}&plan=hengyang&for=chat"
    page = client.get(f"/chat/{chat}").get_data(as_text=True)
    assert re.search(r'<p class="pick-place" id="chat-pick-place">', page)


def test_a_place_picked_on_the_map_answers_where_and_names_the_suggestion(client, session):
    chat, data = _at_where(client)
    library = named(session, "hengyang", "衡阳市图书馆")
    confirm = client.get(f"/places/pick/{library.id}?for=chat&plan=hengyang&chat={chat}")
    assert "就是这里，告诉小助手" in confirm.get_data(as_text=True)
    response = client.post(f"/chat/{chat}/place", data={"place_id": library.id})
    assert response.status_code == 303
    page = client.get(f"/chat/{chat}").get_data(as_text=True)
    assert "衡阳市图书馆" in page and "为什么这件事很重要" in page
    data = turn(client, chat, "椅子太高了，坐着脚很酸", data["seq"] + 1).get_json()
    while data["step"] != "done":
        data = turn(client, chat, answer_for(data["step"], data["messages"]),
                    data["seq"]).get_json()
    code = next(m for m in data["messages"] if m["kind"] == "done")["code"]
    stored = session.exec(select(Suggestion).where(Suggestion.tracking_code == code)).one()
    assert stored.place == "衡阳市图书馆" and stored.place_id == library.id


def test_a_place_of_another_city_or_another_devices_chat_is_refused(app, client, session):
    chat, _data = _at_where(client)
    changzhou = named(session, "changzhou", "常州市图书馆")
    assert client.post(f"/chat/{chat}/place", data={"place_id": changzhou.id}).status_code == 400
    library = named(session, "hengyang", "衡阳市图书馆")
    stranger = app.test_client()
    assert stranger.post(f"/chat/{chat}/place", data={"place_id": library.id}).status_code == 404


# --- the coordinator's places ----------------------------------------------------------------

PLACE = {"name": "石鼓区青少年活动中心", "kind": "children_home", "district": "石鼓区",
         "lat": "26.9100", "lng": "112.6200"}


def test_the_coordinator_adds_and_edits_a_place_of_the_city(client, auth, session):
    auth.staff("coordinator")
    assert "地图上的地点" in client.get("/coordinator/manage/").get_data(as_text=True)
    assert client.post("/coordinator/manage/places/add", data=PLACE).status_code == 303
    added = named(session, "hengyang", PLACE["name"])
    assert added.kind == "children_home" and added.city == "衡阳市"
    assert PLACE["name"] in client.get("/places/").get_data(as_text=True)
    changed = {**PLACE, "lat": "26.9200"}
    assert client.post(f"/coordinator/manage/places/{added.id}", data=changed).status_code == 303
    session.expire_all()
    assert named(session, "hengyang", PLACE["name"]).lat == pytest.approx(26.92)
    far = client.post("/coordinator/manage/places/add", data={**PLACE, "name": "巴黎",
                                                               "lat": "48.85", "lng": "2.35"})
    assert far.status_code == 400 and "不在中国境内" in far.get_data(as_text=True)


def test_the_coordinator_cannot_touch_another_citys_place(client, auth, session):
    auth.staff("coordinator")
    changzhou = named(session, "changzhou", "红梅公园")
    assert client.get(f"/coordinator/manage/places/{changzhou.id}").status_code == 404


def test_a_child_or_facilitator_cannot_manage_places(client, auth):
    auth.staff("facilitator")
    assert client.get("/coordinator/manage/places/").status_code == 403


def _upload(client, text: str):
    return client.post("/coordinator/manage/places/import", data={
        "table": (io.BytesIO(text.encode()), "places.csv")}, content_type="multipart/form-data")


def test_a_csv_import_lists_its_bad_lines_and_stores_nothing(client, auth, session):
    auth.staff("coordinator")
    bad = _upload(client, "name,kind,district,lat,lng\n"
                          "新公园,park,,26.9,112.6\n错的,zoo,,26.9,112.6\n")
    assert bad.status_code == 400 and "第 3 行" in bad.get_data(as_text=True)
    assert named(session, "hengyang", "新公园") is None
    good = _upload(client, "name,kind,district,lat,lng\n新公园,park,,26.9,112.6\n")
    assert good.status_code == 303 and named(session, "hengyang", "新公园") is not None


def test_an_observer_visit_offers_the_citys_places_and_counts_on_the_one_named(client, session,
                                                                              auth):
    from models.people import groups
    from tests.flow import observers

    groups.add_member(session, group=observers(session), nickname="小海", birth_year=2012,
                      birth_month=4, pin="4321")
    session.commit()
    auth.child("小海", "4321", code="HYLOOK")
    form = client.get("/group/visits/").get_data(as_text=True)
    assert 'list="city-places"' in form and '<option value="雁峰公园">' in form
    assert '<option value="红梅公园">' not in form  # 常州's
    client.post("/group/visits/", data={"checklist": "park", "place_name": "雁峰公园",
                                        "visited_on": "2026-11-20"})
    park = named(session, "hengyang", "雁峰公园")
    page = client.get(f"/places/{park.id}").get_data(as_text=True)
    assert "2026-11-20" in page and "公园" in page
