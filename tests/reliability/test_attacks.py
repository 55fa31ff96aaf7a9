"""Issue 10, "done when": the review's three attacks, run against a real server, are stopped.

gunicorn with two workers (``tongsheng serve``) on the demo city, limits on and counted in
Redis, as in production; on SQLite and, with TEST_DATABASE_URL, on PostgreSQL. Each attack is
what the outside review did, from a plain HTTP client. The shared-device test runs first:
the brute force uses up the address's allowance of failed sign-ins, as it should.
"""

from __future__ import annotations

import html
import os
import re
import secrets
import uuid

import pytest
import redis
import requests

from benchmarks.load import harness

REDIS = os.environ.get("REDIS_TEST_URL", "redis://127.0.0.1:6379/15")
TOKEN = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')
META_TOKEN = re.compile(r'name="csrf-token" content="([^"]+)"')
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def server(templates, tmp_path_factory):
    try:
        redis.Redis.from_url(REDIS).ping()
    except redis.RedisError:
        pytest.skip("no Redis at REDIS_TEST_URL")
    folder = tmp_path_factory.mktemp("attacks")
    running = harness.Server(templates.fresh(folder), folder / "instance", workers=2, env={
        "TONGSHENG_RATELIMIT_ENABLED": "true", "REDIS_URL": REDIS,
        "TONGSHENG_RATELIMIT_KEY_PREFIX": f"attack-{uuid.uuid4().hex}"}).start()
    yield running
    running.stop()


def _token(browser: requests.Session, url: str) -> str:
    return TOKEN.search(browser.get(url, timeout=10).text).group(1)


def _signed_in(browser: requests.Session, url: str) -> bool:
    return browser.get(f"{url}/me/", allow_redirects=False, timeout=10).status_code == 200


def test_a_shared_device_does_not_pass_a_chat_on(server):
    device = requests.Session()
    token = _token(device, f"{server.url}/signin/child")
    signed = device.post(f"{server.url}/signin/child", allow_redirects=False, timeout=10, data={
        "csrf_token": token, "invite_code": "HYKIDS", "nickname": "小红", "pin": "2345"})
    assert signed.status_code == 302
    page = device.get(f"{server.url}/chat", timeout=10).text
    turn_url = html.unescape(re.search(r'data-turn-url="([^"]+)"', page).group(1))
    csrf = META_TOKEN.search(page).group(1)
    first = device.post(f"{server.url}{turn_url}", timeout=30, headers={"X-CSRFToken": csrf},
                        json={"text": "学校门口的马路没有红绿灯，过马路很危险", "seq": 0})
    chat = first.json()["urls"]["turn"].rsplit("/", 1)[0]
    assert device.get(f"{server.url}{chat}", timeout=10).status_code == 200
    out = device.post(f"{server.url}/signin/out", allow_redirects=False, timeout=10,
                      data={"csrf_token": _token(device, f"{server.url}/signin/child")})
    assert out.status_code == 302
    assert "ts_device" not in device.cookies.get_dict()
    assert device.get(f"{server.url}{chat}", timeout=10).status_code == 404
    again = device.get(f"{server.url}/chat", allow_redirects=False, timeout=10)
    assert again.status_code == 200 and "/chat/new/turn" in again.text
    said = device.post(f"{server.url}{chat}/turn", timeout=10,
                       headers={"X-CSRFToken": META_TOKEN.search(again.text).group(1)},
                       json={"text": "我来替她说", "seq": 1})
    assert said.status_code == 404


def test_a_pin_brute_force_is_stopped(server):
    """200 wrong PINs for one child, each with a random username=, then the right PIN."""
    browser = requests.Session()
    token = _token(browser, f"{server.url}/signin/child")

    def attempt(pin: str) -> int:
        return browser.post(f"{server.url}/signin/child", allow_redirects=False, timeout=10,
                            data={"csrf_token": token, "invite_code": "HYKIDS",
                                  "nickname": "小明", "pin": pin,
                                  "username": secrets.token_hex(4)}).status_code

    answers = [attempt(f"{n:04d}") for n in range(5000, 5200)]
    assert answers[:2] == [200, 200] and set(answers[2:]) == {429}
    assert attempt("1234") == 429 and not _signed_in(browser, server.url)
    stranger = requests.Session()  # from the same address, a fresh session changes nothing
    fresh = _token(stranger, f"{server.url}/signin/child")
    right = stranger.post(f"{server.url}/signin/child", allow_redirects=False, timeout=10,
                          data={"csrf_token": fresh, "invite_code": "HYKIDS", "nickname": "小明",
                                "pin": "1234"})
    assert right.status_code == 429


def test_an_open311_enumeration_is_stopped(server):
    many = ",".join(f"TS-{secrets.token_hex(3).upper()}" for _ in range(300))
    answer = requests.get(f"{server.url}/open311/v2/requests.json",
                          params={"service_request_id": many}, timeout=10)
    assert answer.status_code == 400
    statuses = [requests.get(f"{server.url}/open311/v2/requests/TS-{n:06d}.json",
                             timeout=10).status_code for n in range(100)]
    assert statuses.count(429) >= 60 and 200 not in statuses
    browser = requests.Session()
    form = browser.get(f"{server.url}/suggest/", timeout=10).text
    key = harness.KEY.search(form).group(1)
    made = browser.post(f"{server.url}/suggest/", allow_redirects=False, timeout=10, data={
        "csrf_token": TOKEN.search(form).group(1), "idempotency_key": key,
        "plan_id": "hengyang", "text": "公园的滑梯坏了", "consent_to_publish": "y"})
    code = made.headers["Location"].split("/track/")[1].split("?")[0]
    assert browser.get(f"{server.url}/track/{code}", timeout=10).status_code == 200
    assert requests.get(f"{server.url}/track/{code}", timeout=10).status_code == 404
