"""Every page can be read in English: a switch in the footer, kept in a cookie."""

import pytest


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
