"""Issue 12: two web nodes and one queue worker behind nginx, on PostgreSQL and Redis.

The deployment of ``deploy/`` on one machine: two ``tongsheng serve`` nodes on their own
ports, one ``tongsheng worker``, and Debian's nginx in front of them with the repository's
proxy settings (``deploy/nginx/tongsheng-proxy.conf``) on a free port. A suggestion goes
from a child to an answer with every sign-in on one node and the next request on the other,
an agency's attachment is uploaded through one node and downloaded from the other, and the
e-mail to the agency, sent by the worker from the queue, arrives exactly once.

Needs nginx (``apt-get install nginx``; ``.ci/run`` installs it), ``TEST_DATABASE_URL``
(a fresh database is made for the test) and ``REDIS_TEST_URL``. Every wait is bounded.
"""

from __future__ import annotations

import email
import email.policy
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import pytest
import requests
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlmodel import Session

from benchmarks.load.harness import KEY, TOKEN, free_port, stop, wait_until_up
from models.db import normalise_url
from models.demo import DEMO_PASSWORD
from models.people.mfa import demo_code

ROOT = Path(__file__).resolve().parents[2]
NGINX = shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin:/sbin")
BASE_DB, REDIS = os.environ.get("TEST_DATABASE_URL"), os.environ.get("REDIS_TEST_URL")
TEXT = "放学的时候校门口的车太多了，过马路好危险，希望有人帮我们指挥交通。"
ANSWER = "谢谢你！从下周一起，放学时校门口会有交警叔叔指挥交通。"
CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')
PDF = b"%PDF-1.4\n% the bureau's plan for the school gate\n%%EOF\n"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(NGINX is None, reason="nginx is not installed (apt-get install nginx; "
                                             ".ci/run installs it)"),
    pytest.mark.skipif(not BASE_DB or not REDIS,
                       reason="needs TEST_DATABASE_URL (PostgreSQL) and REDIS_TEST_URL"),
]


@pytest.fixture(scope="module")
def database():
    """A fresh PostgreSQL database of its own, dropped afterwards."""
    base = make_url(normalise_url(BASE_DB))
    name = f"ts_multinode_{uuid.uuid4().hex[:8]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    yield base.set(database=name).render_as_string(hide_password=False)
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


class Cluster:
    """The processes of one deployment; each is stopped by its own handle."""

    def __init__(self, database_url: str, folder: Path):
        self.folder, self.processes = folder, []
        self.queue = f"ts-multinode-{uuid.uuid4().hex[:8]}"
        self.mail = folder / "mail"
        self.env = dict(
            os.environ, PYTHONPATH=str(ROOT), DATABASE_URL=database_url, REDIS_URL=REDIS,
            TONGSHENG_SECRET_KEY="one-secret-for-every-node", TONGSHENG_RQ_QUEUE=self.queue,
            TONGSHENG_RATELIMIT_KEY_PREFIX=self.queue, TONGSHENG_TRUSTED_PROXIES="1",
            TONGSHENG_MAIL_BACKEND="file", TONGSHENG_MAIL_FOLDER=str(self.mail),
            # plain http on loopback; behind real nginx the site is https and cookies Secure
            TONGSHENG_SESSION_COOKIE_SECURE="false", TONGSHENG_REMEMBER_COOKIE_SECURE="false")

    def command(self, *args: str, name: str) -> subprocess.Popen:
        log = open(self.folder / f"{name}.log", "ab")  # noqa: SIM115 - closed with the process
        process = subprocess.Popen([sys.executable, "-m", "webapp.cli", *args], env=self.env,
                                   cwd=self.folder, stdout=log, stderr=subprocess.STDOUT)
        self.processes.append((process, log))
        return process

    def stop(self) -> None:
        for process, log in reversed(self.processes):
            stop(process)
            log.close()


def _nginx_config(folder: Path, port: int, nodes: list[int]) -> Path:
    """A main nginx.conf around the repository's proxy settings, all paths in ``folder``."""
    for sub in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (folder / sub).mkdir(mode=0o777)
        (folder / sub).chmod(0o777)  # nginx's workers run as nobody when started by root
    servers = "\n".join(f"        server 127.0.0.1:{node};" for node in nodes)
    config = folder / "nginx.conf"
    config.write_text(f"""
worker_processes 1;
pid {folder}/nginx.pid;
error_log {folder}/error.log;
events {{ worker_connections 64; }}
http {{
    access_log {folder}/access.log;
    client_body_temp_path {folder}/body;
    proxy_temp_path {folder}/proxy;
    fastcgi_temp_path {folder}/fastcgi;
    uwsgi_temp_path {folder}/uwsgi;
    scgi_temp_path {folder}/scgi;
    upstream tongsheng {{
{servers}
        keepalive 4;
    }}
    server {{
        listen 127.0.0.1:{port};
        include {ROOT}/deploy/nginx/tongsheng-proxy.conf;
    }}
}}
""")
    return config


@pytest.fixture(scope="module")
def cluster(database):
    folder = Path(tempfile.mkdtemp(prefix="ts-multinode-"))
    folder.chmod(0o755)
    running = Cluster(database, folder)
    try:
        made = subprocess.run([sys.executable, "-m", "webapp.cli", "demo"], env=running.env,
                              cwd=folder, capture_output=True, text=True, timeout=300)
        assert made.returncode == 0, made.stdout + made.stderr
        running.nodes = [free_port(), free_port()]
        for number, port in enumerate(running.nodes):
            running.command("serve", "--port", str(port), "--workers", "1",
                            name=f"node{number}")
        running.command("worker", "--name", running.queue, name="worker")
        running.port = free_port()
        config = _nginx_config(folder, running.port, running.nodes)
        nginx = subprocess.Popen([NGINX, "-e", str(folder / "error.log"), "-p", str(folder),
                                  "-c", str(config), "-g", "daemon off;"],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
        running.processes.append((nginx, open(os.devnull, "wb")))  # noqa: SIM115
        for port in (*running.nodes, running.port):
            wait_until_up(f"http://127.0.0.1:{port}", 180)
        yield running
    finally:
        running.stop()
        shutil.rmtree(folder, ignore_errors=True)


def _url(port: int) -> str:
    return f"http://127.0.0.1:{port}"


def _post(http: requests.Session, page: str, target: str, data: dict, files=None):
    """GET a page for its CSRF token (on one node), POST the form (maybe on another)."""
    form = http.get(page, timeout=30)
    assert form.status_code == 200, (page, form.status_code)
    data = {"csrf_token": CSRF.search(form.text).group(1), **data}
    return http.post(target, data=data, files=files, timeout=60, allow_redirects=False)


def _child(port: int) -> requests.Session:
    http, page = requests.Session(), f"{_url(port)}/signin/child"
    answer = _post(http, page, page, {"invite_code": "HYKIDS", "nickname": "小明", "pin": "1234"})
    assert answer.status_code in (302, 303) and "/signin" not in answer.headers["Location"]
    return http


def _staff(database_url: str, port: int, username: str) -> requests.Session:
    """Password, then the demo account's one-time code, both on the node at port."""
    http, page = requests.Session(), f"{_url(port)}/signin/staff"
    answer = _post(http, page, page, {"username": username, "password": DEMO_PASSWORD})
    assert answer.headers["Location"].endswith("/signin/staff/code"), answer.headers
    engine = create_engine(database_url)
    with Session(engine) as session:
        code = demo_code(session, username)
    engine.dispose()
    page = f"{_url(port)}/signin/staff/code"
    answer = _post(http, page, page, {"code": code})
    assert answer.status_code in (302, 303) and "/signin" not in answer.headers["Location"]
    return http


def _row(database_url: str, sql: str, **params):
    engine = create_engine(database_url)
    with engine.connect() as connection:
        found = connection.execute(text(sql), params).first()
    engine.dispose()
    return found


def _mail_waiting(database_url: str, code: str) -> int:
    return _row(database_url, "SELECT count(*) FROM notification n JOIN suggestion s ON "
                "s.id = n.suggestion_id WHERE s.tracking_code = :code AND n.wants_email "
                "AND n.emailed_at IS NULL", code=code)[0]


def _queue_idle(queue_name: str) -> bool:
    from redis import Redis
    from rq import Queue

    with Redis.from_url(REDIS) as connection:
        queue = Queue(queue_name, connection=connection)
        return queue.count == 0 and queue.started_job_registry.count == 0


def _wait_for(check, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while not check():
        assert time.monotonic() < deadline, "the worker did not finish in time"
        time.sleep(0.3)


def test_a_suggestion_crosses_two_nodes_and_the_agency_is_mailed_once(cluster, database):
    node_a, node_b = cluster.nodes
    site = _url(cluster.port)

    child = _child(node_a)
    form = child.get(f"{_url(node_b)}/suggest/", timeout=30)
    assert form.status_code == 200 and "送出" in form.text, "node B knows node A's sign-in"
    sent = child.post(f"{_url(node_b)}/suggest/", allow_redirects=False, timeout=60, data={
        "csrf_token": TOKEN.search(form.text).group(1), "plan_id": "hengyang", "text": TEXT,
        "idempotency_key": KEY.search(form.text).group(1), "place": ""})
    assert sent.status_code == 303 and "/track/" in sent.headers["Location"]
    code = re.search(r"TS-[A-Z0-9]{6}", sent.headers["Location"]).group(0)
    item_id, group_id = _row(database, "SELECT id, group_id FROM suggestion "
                             "WHERE tracking_code = :code", code=code)

    facilitator = _staff(database, node_b, "facilitator")
    review = f"{_url(node_a)}/facilitator/review/{group_id}/{item_id}"
    approved = _post(facilitator, review, review + "/approve", {"topic": "schooling"})
    assert approved.status_code in (302, 303)
    assert _row(database, "SELECT status FROM suggestion WHERE id = :i", i=item_id)[0] \
        == "dispatched"

    agency = _staff(database, node_a, "agency1")
    item = f"{_url(node_b)}/agency/items/{item_id}"
    assert _post(agency, item, item + "/accept", {}).status_code in (302, 303)
    answered = _post(agency, f"{site}/agency/items/{item_id}", f"{site}/agency/items/"
                     f"{item_id}/answer", {"child_text": ANSWER, "due_weight": "adopted"},
                     files={"attachment": ("计划.pdf", PDF, "application/pdf")})
    assert answered.status_code in (302, 303), answered.text[:500]

    attachment_id = _row(database, "SELECT id FROM attachment WHERE suggestion_id = :i",
                         i=item_id)[0]
    for node in (node_a, node_b):
        served = agency.get(f"{_url(node)}/agency/items/{item_id}/files/{attachment_id}",
                            timeout=30)
        assert served.status_code == 200 and served.content == PDF, "every node serves it"

    tracked = child.get(f"{site}/track/{code}", timeout=30).text
    assert ANSWER in tracked

    _wait_for(lambda: _mail_waiting(database, code) == 0 and _queue_idle(cluster.queue))
    to_agency = [m for m in map(_message, cluster.mail.glob("*.eml"))
                 if m["To"].startswith("agency1@") and code in m.get_content()]
    assert len(to_agency) == 1, "the agency's e-mail about the new item is sent exactly once"


def _message(path: Path):
    return email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
