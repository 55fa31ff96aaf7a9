"""Browser tests: Debian's Chromium driven by Playwright against a real server process.

Each test module gets its own server (``tongsheng serve`` in a subprocess, on a copy of
the demo database). The browser drives the pages, not the database: every query those pages
make runs on both backends in tests/webapp and tests/models, so a browser test runs once, on
PostgreSQL (production's database) when TEST_DATABASE_URL is set and on SQLite otherwise.
Screenshots go to ``test-artifacts/`` for people to look at.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

from tests.conftest import template_for

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(__file__).parent.parent.parent / "test-artifacts"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]

pytestmark = pytest.mark.browser
BACKEND = "postgresql" if os.environ.get("TEST_DATABASE_URL") else "sqlite"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class LiveServer:
    """A real `tongsheng serve` process; can be killed and restarted on the same database."""

    def __init__(self, database_url: str, instance: Path, workers: int = 2):
        self.database_url, self.instance, self.workers = database_url, instance, workers
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen | None = None
        from models.notices.push import new_private_pem

        self.vapid_key = new_private_pem()  # whatever the database, the site can push

    def env(self) -> dict:
        env = dict(os.environ, DATABASE_URL=self.database_url,
                   TONGSHENG_SECRET_KEY="browser-test-secret",
                   TONGSHENG_SESSION_COOKIE_SECURE="false",
                   TONGSHENG_REMEMBER_COOKIE_SECURE="false",
                   TONGSHENG_STAFF_TOTP_REQUIRED="false",
                   TONGSHENG_CASE_CHAT_POLL_SECONDS="1",
                   TONGSHENG_VAPID_PRIVATE_KEY=self.vapid_key)
        env.pop("REDIS_URL", None)
        return env

    def start(self) -> LiveServer:
        command = [sys.executable, "-m", "webapp.cli", "serve", "--port", str(self.port),
                   "--workers", str(self.workers)]
        self.log = open(self.instance / f"server-{self.port}.log", "ab")
        self.process = subprocess.Popen(command, env=self.env(), stdout=self.log,
                                        stderr=subprocess.STDOUT, cwd=self.instance)
        self._wait_until_up()
        return self

    def _wait_until_up(self) -> None:
        # A shared machine under load may take long to start two workers: wait up to 3 min.
        for _ in range(1800):
            try:
                if requests.get(self.url + "/", timeout=1).status_code == 200:
                    return
            except requests.RequestException:
                pass
            if self.process.poll() is not None:
                raise RuntimeError("server exited: see " + str(self.instance))
            time.sleep(0.1)
        raise RuntimeError("server did not start")

    def kill(self) -> None:
        """Stop abruptly, as a crash would."""
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait()

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.kill()


@pytest.fixture(scope="session", params=[BACKEND])
def templates(request, built_templates, tmp_path_factory):
    """One backend for the browser tests (see the module's docstring)."""
    return template_for(request.param, built_templates, tmp_path_factory)


@pytest.fixture(scope="module")
def live_server(templates, tmp_path_factory):
    instance = tmp_path_factory.mktemp("live")
    server = LiveServer(templates.fresh(instance), instance).start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def _context(browser, viewport, **extra):
    return browser.new_context(viewport=viewport, locale="zh-CN", **extra)


@pytest.fixture
def phone(browser):
    context = _context(browser, PHONE, is_mobile=True, has_touch=True)
    yield context.new_page()
    context.close()


@pytest.fixture
def desktop(browser):
    context = _context(browser, DESKTOP)
    yield context.new_page()
    context.close()


@pytest.fixture
def new_page(browser):
    """Open more pages, each in its own context (its own cookies), phone or desktop."""
    contexts = []

    def make(viewport=PHONE):
        context = _context(browser, viewport, is_mobile=viewport == PHONE,
                           has_touch=viewport == PHONE)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


def arrange(server: LiveServer, make, days_back: int = 0):
    """A suggestion's history built in the server's own database by a ``tests.flow`` step,
    as if it had happened ``days_back`` days ago."""
    from sqlmodel import Session

    from models.common import days_ago
    from models.db import make_engine

    engine = make_engine(server.database_url)
    try:
        with Session(engine, expire_on_commit=False) as session, days_ago(days_back):
            return make(session)
    finally:
        engine.dispose()


def screenshot(page, name: str) -> Path:
    """Keep a screenshot as a test artifact."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def loaded_width(image) -> int:
    """The natural width of an image once it has loaded (0 if it failed).

    Asking ``img.complete`` straight away races the download; this waits for it.
    """
    return image.evaluate(
        "img => img.complete ? img.naturalWidth : new Promise(done => {"
        " img.addEventListener('load', () => done(img.naturalWidth));"
        " img.addEventListener('error', () => done(0)); })")


def staff_signin(page, server: LiveServer, username: str,
                 password: str = "TongSheng-demo-2026") -> None:
    page.goto(server.url + "/signin/staff")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(password)
    with page.expect_navigation():
        page.get_by_role("button", name="登录").click()


def join_group(page, server: LiveServer, nickname: str, *, code: str = "HYLOOK",
               born: tuple[str, str] = ("2010", "5"), pin: str = "4321") -> None:
    """A new child joins a group with its invite code (the observers' by default)."""
    page.goto(server.url + "/signin/join")
    page.get_by_label("邀请码").fill(code)
    page.get_by_label("昵称").fill(nickname)
    page.get_by_label("出生年份").fill(born[0])
    page.get_by_label("出生月份").fill(born[1])
    page.get_by_label("密码").fill(pin)
    page.get_by_role("button", name="加入").click()


def child_signin(page, server: LiveServer, nickname: str = "小明", pin: str = "1234",
                 code: str = "HYKIDS") -> None:
    page.goto(server.url + "/signin/child")
    page.get_by_label("邀请码").fill(code)
    page.get_by_label("昵称").fill(nickname)
    page.get_by_label("密码").fill(pin)
    with page.expect_navigation():
        page.get_by_role("button", name="登录").click()


