"""Issue 10, item 7: limits counted in Redis by every worker, a Redis outage is no 500, and
only a configured number of proxies is believed about the client's address."""

from __future__ import annotations

import os
import uuid

import pytest
import redis

from tests.conftest import NOTICE
from webapp import create_app
from webapp.ratelimit import limiter

REDIS = os.environ.get("REDIS_TEST_URL", "redis://127.0.0.1:6379/15")


def _app(database_url, tmp_path, **config):
    app = create_app({"TESTING": True, "SECRET_KEY": "limits", "DATABASE_URL": database_url,
                      "WTF_CSRF_ENABLED": False, "SESSION_COOKIE_SECURE": False,
                      "PRIVACY_NOTICE_VERSION": NOTICE, **config})
    app.instance_path = str(tmp_path / "instance")
    return app


def _wrong_pin(client, nickname: str):
    return client.post("/signin/child", data={
        "invite_code": "HYKIDS", "nickname": nickname, "pin": "0000"})


@pytest.fixture
def redis_url():
    try:
        redis.Redis.from_url(REDIS).ping()
    except redis.RedisError:
        pytest.skip("no Redis at REDIS_TEST_URL")
    return REDIS


def test_two_workers_share_their_counts_through_redis(database_url, tmp_path, redis_url):
    """The limiter is set up after the configuration, so REDIS_URL really is its storage."""
    nickname = f"z{uuid.uuid4().hex[:10]}"  # a name no earlier run has counted
    workers = [_app(database_url, tmp_path, REDIS_URL=redis_url, SIGNIN_LIMIT="4 per minute")
               for _ in range(2)]
    assert workers[0].config["RATELIMIT_STORAGE_URI"] == redis_url
    answers = [_wrong_pin(workers[n % 2].test_client(), nickname).status_code for n in range(5)]
    assert answers == [200, 200, 200, 200, 429]
    assert redis.Redis.from_url(redis_url).keys(f"*{nickname}*"), "the counts are in Redis"
    for app in workers:
        app.extensions["engine"].dispose()


@pytest.fixture
def redis_down(database_url, tmp_path):
    app = _app(database_url, tmp_path, REDIS_URL="redis://127.0.0.1:1/0")
    yield app
    app.extensions["engine"].dispose()
    limiter._storage_dead = False  # one limiter serves every app this test process builds


def test_sign_in_works_when_redis_is_unreachable(redis_down):
    client = redis_down.test_client()
    assert _wrong_pin(client, "小明").status_code == 200
    right = client.post("/signin/child", data={"invite_code": "HYKIDS", "nickname": "小明",
                                               "pin": "1234"})
    assert right.status_code == 302 and client.get("/me/").status_code == 200


def test_while_redis_is_down_a_pin_is_still_guarded(redis_down):
    client = redis_down.test_client()
    answers = [_wrong_pin(client, "小明").status_code for _ in range(4)]
    assert answers == [200, 200, 429, 429]


def test_a_forwarded_address_is_ignored_unless_the_proxy_is_trusted(database_url, tmp_path):
    """Nobody can pick a fresh address bucket by sending X-Forwarded-For themselves."""
    limits = {"SIGNIN_ADDRESS_LIMIT": "3 per minute", "RATELIMIT_STORAGE_URI": "memory://"}
    direct = _app(database_url, tmp_path, **limits).test_client()
    answers = [direct.post("/signin/child", headers={"X-Forwarded-For": f"10.1.0.{n}"}, data={
        "invite_code": f"NOPE{n}", "nickname": f"孩子{n}", "pin": "0000"}).status_code
        for n in range(4)]
    assert answers == [200, 200, 200, 429]
    proxied = _app(database_url, tmp_path, TRUSTED_PROXIES=1, **limits).test_client()
    answers = [proxied.post("/signin/child", headers={"X-Forwarded-For": f"10.2.0.{n}"}, data={
        "invite_code": f"NOPE{n}", "nickname": f"孩子{n}", "pin": "0000"}).status_code
        for n in range(4)]
    assert answers == [200] * 4, "behind the trusted proxy each child has their own address"


def test_the_proxy_setting_defaults_to_trusting_nobody():
    from webapp import DEFAULTS

    assert DEFAULTS["TRUSTED_PROXIES"] == 0
