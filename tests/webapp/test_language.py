"""Every page can be read in English: a switch in the footer, kept in a cookie."""

import re
from pathlib import Path

import pytest
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po


def test_footer_offers_english_and_the_choice_is_kept(client):
    home = client.get("/").get_data(as_text=True)
    assert '<html lang="zh-Hans">' in home
    assert "/language/en" in home

    chosen = client.get("/language/en?next=/privacy")
    assert chosen.status_code == 302
    assert chosen.headers["Location"].endswith("/privacy")

    again = client.get("/").get_data(as_text=True)
    assert '<html lang="en">' in again
    assert "/language/zh_Hans_CN" in again


def test_unknown_language_changes_nothing(client):
    client.get("/language/xx")
    assert '<html lang="zh-Hans">' in client.get("/").get_data(as_text=True)


@pytest.mark.parametrize("target", ["//evil.example/x", "https://evil.example/", "/\\evil.example"])
def test_switch_never_sends_the_visitor_elsewhere(client, target):
    response = client.get("/language/en", query_string={"next": target})
    assert response.headers["Location"] in ("/", "http://localhost/")


def test_english_pages_read_in_english(client):
    client.get("/language/en")
    home = client.get("/").get_data(as_text=True)
    assert "What would you like your city to be like?" in home
    assert "你想让城市变成什么样？" not in home


def test_compiled_catalog_matches_its_source():
    """A translation edited in the .po but not compiled would never reach a reader."""
    folder = Path(__file__).parents[2] / "webapp" / "translations" / "en" / "LC_MESSAGES"
    with open(folder / "messages.po", "rb") as po, open(folder / "messages.mo", "rb") as mo:
        source, compiled = read_po(po), read_mo(mo)
    expected = {m.id: m.string for m in source if m.id and m.string and not m.fuzzy}
    assert {m.id: m.string for m in compiled if m.id} == expected
    untranslated = [m.id for m in source if m.id and not m.string]
    assert untranslated == []


def test_a_notice_is_shown_in_the_readers_language_and_an_old_one_as_stored(
        client, auth, session):
    """Notices keep their message and values, so each reader gets their own language."""
    from models.notices.notifications import Notification
    from tests.flow import account, dispatched

    item = dispatched(session)
    old = Notification(account_id=account(session, "agency1").id, kind="new_item",
                       message="一条旧通知，只存了中文。")
    session.add(old)
    session.commit()
    auth.staff("agency1")
    assert f"新派单 {item.tracking_code}：请在期限内签收。" in client.get("/notices/").get_data(
        as_text=True)
    client.get("/language/en")
    page = client.get("/notices/").get_data(as_text=True)
    assert f"New item {item.tracking_code}: please sign for it before the deadline." in page
    assert "新派单" not in page
    assert "一条旧通知，只存了中文。" in page


def test_the_assistant_speaks_english_and_understands_a_child_writing_chinese(client):
    client.get("/language/en")
    url, seq, lines = "/chat/new/turn", 0, []
    for text in ("学校门口的马路太难过了，想要一个红绿灯", "实验小学门口", "跳过", "对", "可以公开",
                 "14 岁及以上"):
        body = client.post(url, json={"text": text, "seq": seq}).get_json()
        url, seq = body["urls"]["turn"], body["seq"]
        lines += [m for m in body["messages"] if m["who"] == "bot"]
    where = next(m for m in lines if m["text"].startswith("Where is this?"))
    assert "🏫 School gate" in where["labels"] and "🏫 学校门口" in where["quick"]
    done = next(m for m in lines if m["kind"] == "done")
    assert done["code"] in done["text"] and not re.search(r"[\u4e00-\u9fff]", done["text"])


def test_a_note_the_platform_wrote_in_the_history_reads_in_english(client, auth, session):
    """A child's 不满意 reopens the item with a note the platform writes: kept as a message."""
    from models.suggestions import lifecycle
    from tests.flow import answered, child

    item = answered(session)
    lifecycle.rate(session, item, actor=child(session), value="unsatisfied", comment="")
    session.commit()
    auth.staff("coordinator")
    assert "孩子对回复不满意：没有写原因" in client.get(f"/coordinator/items/{item.id}").get_data(
        as_text=True)
    client.get("/language/en")
    page = client.get(f"/coordinator/items/{item.id}").get_data(as_text=True)
    assert "The child is not happy with the answer: no reason given" in page
