"""The pages that exist so far: home, privacy, error pages, headers, CSRF."""

import pytest

from webapp import create_app


def test_home_page_explains_the_platform_to_a_child(client):
    page = client.get("/").get_data(as_text=True)
    assert "你想让城市变成什么样" in page
    assert "12355" in page and "110" in page
    assert 'name="viewport"' in page


@pytest.mark.parametrize("path", ["/", "/privacy", "/about", "/signin/", "/signin/child",
                                  "/signin/join", "/signin/staff"])
def test_public_pages_link_the_privacy_rules(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert 'href="/privacy"' in response.get_data(as_text=True)


def test_privacy_rules_speak_to_children_and_to_parents(client):
    page = client.get("/privacy").get_data(as_text=True)
    assert "写给小朋友" in page and "写给家长和监护人" in page


def test_unknown_page_is_a_chinese_404(client):
    response = client.get("/no-such-page")
    assert response.status_code == 404 and "没有找到" in response.get_data(as_text=True)


def test_server_error_is_a_chinese_500(app, client):
    app.config["PROPAGATE_EXCEPTIONS"] = False

    @app.get("/boom")
    def boom():
        raise RuntimeError("boom")

    boom.access = "public"
    response = client.get("/boom")
    assert response.status_code == 500 and "出错了" in response.get_data(as_text=True)


def test_security_headers_on_every_page(client):
    headers = client.get("/").headers
    assert "object-src 'none'" in headers["Content-Security-Policy"]
    assert "base-uri 'none'" in headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
    assert "'unsafe-inline'" not in headers["Content-Security-Policy"]
    assert headers["Strict-Transport-Security"].startswith("max-age=31536000")
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Cache-Control"] == "no-store"


def test_post_without_csrf_token_is_refused(database_url):
    app = create_app({"TESTING": True, "SECRET_KEY": "x", "DATABASE_URL": database_url,
                      "SESSION_COOKIE_SECURE": False})
    response = app.test_client().post("/signin/staff", data={
        "username": "coordinator", "password": "TongSheng-demo-2026"})
    assert response.status_code == 400 and "页面可能过期了" in response.get_data(as_text=True)
