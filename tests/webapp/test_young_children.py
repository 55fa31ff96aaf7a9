"""Young children: pinyin read as words, trimmed nicknames, a way back when the PIN is
forgotten, 我的信息 in the menu, and read-aloud only where a Chinese voice exists (the
browser's, or the server's packaged engine, which speaks the site's own lines only)."""

from __future__ import annotations

import html
import re
import shutil

import pytest
from sqlmodel import select

from models.assistant import speech
from models.people.tables import Member
from webapp.public.chat_render import pinyin_pairs, ruby


@pytest.mark.parametrize("text, word, sound", [
    ("你想让什么变得更好？", "变得", "biàn de"),
    ("我觉得很好", "觉得", "jué de"),
    ("他获得了奖", "获得", "huò dé"),
    ("他跑得很快", "得", "de"),
    ("我们慢慢地走", "地", "de"),
    ("这件事在哪里呢？", "哪里", "nǎ lǐ"),
])
def test_pinyin_reads_words_not_characters(text, word, sound):
    assert (word, sound) in pinyin_pairs(text)


def test_ruby_covers_a_whole_word_and_escapes_the_rest():
    assert str(ruby("变得<b>")) == "<ruby>变得<rt>biàn de</rt></ruby>&lt;b&gt;"


def test_the_chat_page_shows_word_ruby(client):
    page = client.get("/chat?pinyin=1").get_data(as_text=True)
    assert "<ruby>变得<rt>biàn de</rt></ruby>" in page


@pytest.mark.parametrize("nickname", [" 星星", "星星 ", "　星星　"])
def test_a_nickname_with_spaces_is_trimmed_not_refused(client, session, nickname):
    response = client.post("/signin/join", data={
        "invite_code": " hykids ", "nickname": nickname, "birth_year": 2016, "birth_month": 5,
        "pin": "4321"})
    assert response.status_code == 302
    assert session.exec(select(Member).where(Member.nickname == "星星")).one()
    client.post("/signin/out")
    again = client.post("/signin/child", data={"invite_code": "HYKIDS", "nickname": nickname,
                                                "pin": "4321"})
    assert again.status_code == 302


def test_a_child_who_forgot_the_pin_is_told_who_can_give_a_new_one(client):
    page = client.get("/signin/child").get_data(as_text=True)
    assert 'id="forgot-pin"' in page and "辅导员" in page and "新密码" in page


def test_my_data_and_my_suggestions_are_in_the_childs_menu(client, auth):
    auth.child()
    page = client.get("/me/").get_data(as_text=True)
    assert 'href="/me/data/" id="mydata-link"' in page
    assert 'href="/me/" id="my-suggestions-link"' in page
    assert client.get("/me/data/").status_code == 200


def test_the_read_aloud_button_waits_for_a_chinese_voice(client):
    """The button is rendered hidden; the script shows it only for a zh voice (see
    tests/browser/test_child_journey.py for the browser side)."""
    page = client.get("/chat").get_data(as_text=True)
    assert 'class="speak"' in page and 'aria-label="读给我听" hidden>' in page


needs_engine = pytest.mark.skipif(shutil.which("espeak-ng") is None,
                                  reason="espeak-ng (Debian package) is not installed")


def _first_line(client) -> tuple[str, str]:
    page = client.get("/chat").get_data(as_text=True)
    assert 'data-speak-url="/speak"' in page
    said = re.search(r'data-say="([^"]*)" data-mark="([0-9a-f]{32})"', page)
    return html.unescape(said.group(1)), said.group(2)


@needs_engine
def test_the_server_speaks_the_assistants_own_lines_and_nothing_else(app, client):
    text, mark = _first_line(client)
    spoken = client.post("/speak", json={"text": text, "mark": mark})
    assert spoken.status_code == 200 and spoken.mimetype == "audio/wav"
    assert spoken.data[:4] == b"RIFF" and len(spoken.data) > 10000
    forged = client.post("/speak", json={"text": "随便什么话都能读出来吗", "mark": mark})
    assert forged.status_code == 400
    long_line = "好" * (speech.MAX_CHARS + 1)
    too_long = client.post("/speak", json={
        "text": long_line, "mark": speech.signature(app.secret_key.encode(), long_line)})
    assert too_long.status_code == 400
    app.config["SPEAK_LIMIT"] = "2 per minute"
    tries = [client.post("/speak", json={"text": text, "mark": mark}).status_code
             for _ in range(3)]
    assert tries[-1] == 429


def test_without_an_engine_no_page_offers_the_servers_voice(app, client):
    app.config["SPEECH_ENGINE"] = ""
    page = client.get("/chat").get_data(as_text=True)
    assert 'data-speak-url=""' in page
    assert client.post("/speak", json={"text": "你好", "mark": "0" * 32}).status_code == 404
