"""The map of places on a phone, with no tiles and with tiles from a local tile server (no
internet): markers on a plain background and a list, a place's page, picking a place for the
suggestion form and for the chat, by finger and by keyboard; axe-core on every new page.

Screenshots of the map with and without tiles are kept in docs/screens/ (map-no-tiles.png,
map-tiles.png, map-place.png, map-pick.png).
"""

from __future__ import annotations

import io
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from PIL import Image, ImageDraw
from playwright.sync_api import expect

from .conftest import LiveServer, screenshot
from .test_accessibility import audit, verdict
from .test_chat import send

WAIT = 20_000  # ms: a page of a busy test machine, not a child's patience
WROTE = "图书馆的椅子太高了，脚够不着地。"


def _tile() -> bytes:
    """One 256 px tile: a pale street grid, like a real map's background."""
    image = Image.new("RGB", (256, 256), "#f3efe6")
    draw = ImageDraw.Draw(image)
    for at in (0, 128):
        draw.line([(at, 0), (at, 256)], fill="#ffffff", width=10)
        draw.line([(0, at), (256, at)], fill="#ffffff", width=10)
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


class TileServer:
    """A tile server on this machine: every /z/x/y.png is the same tile; requests counted."""

    def __init__(self):
        tile, served = _tile(), []

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 (http.server's name)
                served.append(self.path)
                self.send_response(200)
                self.send_header("Content-Type", "image/png")
                self.send_header("Content-Length", str(len(tile)))
                self.end_headers()
                self.wfile.write(tile)

            def log_message(self, *args):
                pass

        self.served = served
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def stop(self) -> None:
        self.httpd.shutdown()


class MapServer(LiveServer):
    """The site with a tile server, or none (``tiles=""``, the default setting)."""

    def __init__(self, database_url, instance, tiles: str = ""):
        super().__init__(database_url, instance)
        self.tiles = tiles

    def env(self) -> dict:
        return dict(super().env(), TONGSHENG_MAP_TILES=self.tiles,
                    TONGSHENG_MAP_ATTRIBUTION="测试底图" if self.tiles else "")

    def _wait_until_up(self) -> None:
        """A busy machine loads the classifier slowly: wait up to two minutes."""
        for _ in range(4):
            try:
                return super()._wait_until_up()
            except RuntimeError:
                if self.process.poll() is not None:
                    raise


@pytest.fixture(scope="module")
def tile_server():
    server = TileServer()
    yield server
    server.stop()


def _serve(templates, tmp_path_factory, tiles: str = ""):
    instance = tmp_path_factory.mktemp("map")
    return MapServer(templates.fresh(instance), instance, tiles).start()


@pytest.fixture(scope="module")
def live_server(templates, tmp_path_factory):
    server = _serve(templates, tmp_path_factory)
    yield server
    server.stop()


@pytest.fixture(scope="module")
def tiled_server(templates, tmp_path_factory, tile_server):
    server = _serve(templates, tmp_path_factory, tile_server.url + "/{z}/{x}/{y}.png")
    yield server
    server.stop()


def _map(page, url: str) -> None:
    page.goto(url)
    expect(page.locator("#map[data-ready='1']")).to_be_attached(timeout=WAIT)


def test_with_no_tiles_the_markers_stand_on_a_plain_background_beside_a_list(live_server,
                                                                               phone):
    problems: list[str] = []
    _map(phone, live_server.url + "/places/")
    listed = phone.locator(".place-list li.place").count()
    assert listed >= 9 and phone.locator(".place-pin").count() == listed
    assert phone.locator("img.leaflet-tile").count() == 0
    expect(phone.locator("#no-tiles-note")).to_be_visible(timeout=WAIT)
    pin = phone.locator(".place-pin[title='岳屏公园']")
    assert pin.get_attribute("role") == "button" and pin.get_attribute("tabindex") == "0"
    box = pin.bounding_box()
    assert box["width"] >= 44 and box["height"] >= 44
    screenshot(phone, "map-no-tiles")
    audit(phone, "places", problems)
    phone.get_by_role("link", name="🌳 公园").click()
    phone.wait_for_url("**/places/?*kind=park*", timeout=WAIT)
    expect(phone.locator("#map[data-ready='1']")).to_be_attached(timeout=WAIT)
    parks = phone.locator(".place-list li.place").count()
    assert 0 < parks < listed and phone.locator(".place-pin").count() == parks
    assert "衡阳市图书馆" not in phone.locator(".place-list").inner_text()
    verdict(problems)


def test_a_marker_opens_its_place_by_finger_and_by_keyboard(live_server, phone):
    problems: list[str] = []
    _map(phone, live_server.url + "/places/")
    phone.locator(".place-pin[title='衡阳市第一中学']").tap()
    expect(phone.get_by_role("heading", name="衡阳市第一中学")).to_be_visible(timeout=WAIT)
    expect(phone.locator("#visits")).to_contain_text("得分", timeout=WAIT)
    expect(phone.locator("#open-suggestions")).to_contain_text("校门口的红绿灯", timeout=WAIT)
    screenshot(phone, "map-place")
    audit(phone, "place", problems)
    _map(phone, live_server.url + "/places/")
    phone.locator(".place-pin[title='岳屏公园']").focus()
    phone.keyboard.press("Enter")
    expect(phone.get_by_role("heading", name="岳屏公园")).to_be_visible(timeout=WAIT)
    verdict(problems)


def test_a_child_picks_a_place_on_the_map_for_the_form_and_keeps_what_they_wrote(live_server,
                                                                                  phone):
    problems: list[str] = []
    phone.goto(live_server.url + "/suggest/")
    phone.get_by_label("你的建议").fill(WROTE)
    phone.get_by_role("link", name="在地图上选").click()
    expect(phone.locator("#map[data-ready='1']")).to_be_attached(timeout=WAIT)
    screenshot(phone, "map-pick")
    audit(phone, "places-pick", problems)
    phone.locator(".place-pin[title='衡阳市图书馆']").tap()
    expect(phone.get_by_label("在哪里（可以不填）")).to_have_value("衡阳市图书馆", timeout=WAIT)
    expect(phone.get_by_label("你的建议")).to_have_value(WROTE, timeout=WAIT)
    phone.get_by_role("button", name="送出").click()
    expect(phone.locator("#tracking-code")).to_be_visible(timeout=WAIT)
    verdict(problems)


def test_a_child_picks_a_place_from_the_list_for_the_chat(live_server, phone):
    problems: list[str] = []
    phone.goto(live_server.url + "/chat")
    send(phone, "图书馆的椅子太高了，脚够不着地")
    while not phone.locator("#chat-pick-place").is_visible():
        phone.locator(".quick-reply").first.click()
        phone.wait_for_load_state()
    phone.get_by_role("link", name="在地图上选").click()
    phone.get_by_role("link", name="选这里：衡阳市图书馆").click()
    audit(phone, "places-picked-chat", problems)
    phone.get_by_role("button", name="就是这里，告诉小助手").click()
    expect(phone.locator(".msg").filter(has_text="衡阳市图书馆").first).to_be_visible(timeout=WAIT)
    expect(phone.locator(".msg-bot").last).to_contain_text("为什么", timeout=WAIT)
    expect(phone.locator("#chat-pick-place")).to_be_hidden(timeout=WAIT)
    verdict(problems)


def test_with_a_tile_server_the_map_draws_its_tiles(tiled_server, tile_server, phone):
    problems: list[str] = []
    refused = []
    phone.on("console", lambda m: refused.append(m.text) if "Content Security" in m.text
             else None)
    _map(phone, tiled_server.url + "/places/")
    expect(phone.locator("img.leaflet-tile-loaded").first).to_be_attached(timeout=WAIT)
    assert tile_server.served and not refused
    assert phone.locator("#no-tiles-note").count() == 0
    expect(phone.locator(".leaflet-control-attribution")).to_contain_text("测试底图", timeout=WAIT)
    phone.wait_for_function(
        "[...document.querySelectorAll('img.leaflet-tile')].every(i => i.complete)")
    screenshot(phone, "map-tiles")
    audit(phone, "places-tiles", problems)
    verdict(problems)
