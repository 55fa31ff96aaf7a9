"""Every page can be read in English: a switch in the footer, kept in a cookie."""

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
