"""Shared fixtures: an app on a fresh database per test, on SQLite and on PostgreSQL.

A migrated database with the plans and the demo city is built once per backend and run;
each test gets its own copy (a file copy on SQLite, CREATE DATABASE … TEMPLATE on
PostgreSQL), so tests never see each other's rows. PostgreSQL runs when
TEST_DATABASE_URL is set (``.ci/run`` sets it).
"""

from __future__ import annotations

import os
import queue
import sqlite3
import threading
import uuid

import pytest
from flask.testing import FlaskClient
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlmodel import Session

from models.db import make_engine, normalise_url
from models.demo import DEMO_PASSWORD, load_demo
from webapp import create_app
from webapp.db import new_session, upgrade_database

NOTICE = "2026-11"
BACKENDS = ["sqlite", "postgresql"]


def _build_template(url: str) -> None:
    upgrade_database(url)
    engine = make_engine(url)
    with Session(engine, expire_on_commit=False) as session:
        load_demo(session, NOTICE)
    engine.dispose()


class SqliteTemplates:
    def __init__(self, folder):
        self.template = folder / "template.sqlite3"
        _build_template(f"sqlite:///{self.template}")

    def fresh(self, folder) -> str:
        target = folder / f"test-{uuid.uuid4().hex[:8]}.sqlite3"
        with sqlite3.connect(self.template) as source, sqlite3.connect(target) as copy:
            source.backup(copy)
        return f"sqlite:///{target}"

    def release(self, _url: str) -> None:
        """The copy is a file in the test's own temporary folder: nothing to do."""

    def close(self) -> None:
        pass


class PostgresTemplates:
    """Copies of one migrated demo database, each test on its own, dropped behind the tests.

    A DROP DATABASE waits for a checkpoint, so a test's copy is dropped by a background
    thread while the next tests run, not by the test itself nor all at once at the end.
    Test connections commit without waiting for the WAL to reach the disk
    (synchronous_commit=off): a test never outlives a server crash, so the wait buys nothing.
    """

    TEST_OPTIONS = {"options": "-c synchronous_commit=off"}

    def __init__(self, base_url: str):
        self.base = make_url(normalise_url(base_url))
        self.admin = create_engine(self.base, isolation_level="AUTOCOMMIT")
        self.template = f"ts_tmpl_{uuid.uuid4().hex[:8]}"
        self.created = [self.template]
        self.to_drop: queue.Queue[str | None] = queue.Queue()
        self.dropper = threading.Thread(target=self._drop_released, daemon=True)
        self.dropper.start()
        self._execute(f'CREATE DATABASE "{self.template}"')
        _build_template(self._url(self.template))

    def _url(self, name: str) -> str:
        url = self.base.set(database=name).update_query_dict(self.TEST_OPTIONS)
        return url.render_as_string(hide_password=False)

    def _execute(self, sql: str) -> None:
        with self.admin.connect() as connection:
            connection.execute(text(sql))

    def _drop(self, name: str) -> None:
        self._execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def _drop_released(self) -> None:
        while (name := self.to_drop.get()) is not None:
            self._drop(name)

    def fresh(self, _folder) -> str:
        name = f"ts_test_{uuid.uuid4().hex[:10]}"
        self._execute(f'CREATE DATABASE "{name}" TEMPLATE "{self.template}"')
        self.created.append(name)
        return self._url(name)

    def release(self, url: str) -> None:
        """The test that used this copy is over: drop it in the background."""
        name = make_url(url).database
        self.created.remove(name)
        self.to_drop.put(name)

    def close(self) -> None:
        self.to_drop.put(None)
        self.dropper.join()
        for name in reversed(self.created):
            self._drop(name)
        self.admin.dispose()


@pytest.fixture(scope="session")
def built_templates(tmp_path_factory):
    """Each backend's template, built at most once per test process.

    A parametrised session fixture is torn down whenever the running test's backend
    changes; under pytest-xdist a worker alternates backends module by module, so the
    templates live here and `templates` only picks one.
    """
    built: dict[str, SqliteTemplates | PostgresTemplates] = {}
    yield built
    for one in built.values():
        one.close()


def template_for(backend: str, built_templates: dict, tmp_path_factory):
    """The backend's template, built on first use in this process."""
    if backend not in built_templates:
        if backend == "postgresql":
            base = os.environ.get("TEST_DATABASE_URL")
            if not base:
                pytest.skip("TEST_DATABASE_URL is not set: PostgreSQL tests skipped")
            built_templates[backend] = PostgresTemplates(base)
        else:
            folder = tmp_path_factory.mktemp("sqlite-template")
            built_templates[backend] = SqliteTemplates(folder)
    return built_templates[backend]


@pytest.fixture(scope="session", params=BACKENDS)
def templates(request, built_templates, tmp_path_factory):
    return template_for(request.param, built_templates, tmp_path_factory)


@pytest.fixture
def database_url(templates, tmp_path):
    url = templates.fresh(tmp_path)
    yield url
    templates.release(url)


@pytest.fixture
def app(database_url, tmp_path):
    app = create_app({
        "TESTING": True,
        "SECRET_KEY": "test-secret",
        "DATABASE_URL": database_url,
        "WTF_CSRF_ENABLED": False,
        "SESSION_COOKIE_SECURE": False,
        "REMEMBER_COOKIE_SECURE": False,
        "RATELIMIT_STORAGE_URI": "memory://",
        "PRIVACY_NOTICE_VERSION": NOTICE,
        "STAFF_TOTP_REQUIRED": False,  # tests/security/ turns it on and signs in with codes
        "BOARD_FIGURES_SECONDS": 0,  # the board's figures counted afresh on every request
    })
    app.instance_path = str(tmp_path / "instance")
    yield app
    app.extensions["engine"].dispose()


class ArrangedClient(FlaskClient):
    """A test client that first commits what the test arranged through ``session``.

    Domain functions only flush (the caller owns the transaction), so a test that sets data
    up and then makes a request would otherwise hold SQLite's write lock while the request
    waits for it: the request sees what was arranged, as it would after a real commit.
    """

    def open(self, *args, **kwargs):
        arranged = self.application.extensions.get("test_session")
        if arranged is not None and arranged.in_transaction():
            arranged.commit()
        return super().open(*args, **kwargs)


@pytest.fixture
def client(app):
    app.test_client_class = ArrangedClient
    return app.test_client()


@pytest.fixture
def session(app):
    """A session carrying the app's settings, as the app's own requests and jobs get."""
    with new_session(app) as session:
        app.extensions["test_session"] = session
        yield session
        app.extensions.pop("test_session", None)


class AuthActions:
    """Sign in as the demo people."""

    def __init__(self, client):
        self.client = client

    def staff(self, username: str, password: str = DEMO_PASSWORD):
        return self.client.post("/signin/staff", data={"username": username,
                                                       "password": password})

    def child(self, nickname: str = "小明", pin: str = "1234", code: str = "HYKIDS"):
        return self.client.post("/signin/child", data={"invite_code": code,
                                                       "nickname": nickname, "pin": pin})

    def signout(self):
        return self.client.post("/signin/out")


@pytest.fixture
def auth(client) -> AuthActions:
    return AuthActions(client)
