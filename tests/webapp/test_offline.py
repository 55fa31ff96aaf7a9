"""The web-app manifest, the service worker and the offline page are served by the site."""


def test_the_manifest_makes_the_child_pages_installable(client):
    response = client.get("/manifest.webmanifest")
    body = response.get_json(force=True)
    assert response.mimetype == "application/manifest+json"
    assert body["start_url"] == "/suggest/" and body["display"] == "standalone"
    assert {icon["sizes"] for icon in body["icons"]} == {"192x192", "512x512"}
    for icon in body["icons"]:
        assert client.get(icon["src"]).status_code == 200
    assert 'rel="manifest"' in client.get("/").get_data(as_text=True)


def test_the_service_worker_keeps_only_pages_about_nobody(client):
    response = client.get("/sw.js")
    script = response.get_data(as_text=True)
    assert response.mimetype == "text/javascript"
    assert '"/suggest/"' in script and '"/offline"' in script
    assert "/me/" not in script and "/track/" not in script and "/group/" not in script
    for url in ("/offline", "/static/js/offline.js", "/static/site.css"):
        assert client.get(url).status_code == 200, url


def test_every_file_the_worker_keeps_exists(client):
    import json
    import re

    script = client.get("/sw.js").get_data(as_text=True)
    for url in json.loads(re.search(r"var SHELL = (\[.*?\]);", script).group(1)):
        assert client.get(url).status_code == 200, url
