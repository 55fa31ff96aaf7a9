"""Kill the server in the middle of a burst of submissions: every acknowledged one survives."""

import os
import re
import secrets
import signal
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests
from sqlmodel import Session, select

from models.db import make_engine
from models.suggestions.tables import Suggestion

from .conftest import LiveServer

BURST, THREADS, KILL_AFTER = 120, 8, 15


class BurstServer(LiveServer):
    """The real server, with the per-address submit limit lifted for the burst."""

    def env(self) -> dict:
        return dict(super().env(), TONGSHENG_SUGGEST_LIMIT="100000 per minute")


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        found += [int(p) for p in task.read_text().split()]
    return found


def _crash(server: LiveServer) -> None:
    """SIGKILL the master and its workers at once, as a power cut would."""
    workers = _children(server.process.pid)
    server.kill()
    for pid in workers:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


def _burst(server: LiveServer) -> tuple[list[str], dict, int]:
    first = requests.Session()
    page = first.get(server.url + "/suggest/", timeout=30).text
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    acknowledged, lock, enough = [], threading.Lock(), threading.Event()
    owners = {}  # the device key each acknowledged child holds (webapp/owner.py)

    def send(number: int) -> None:
        http = requests.Session()
        http.cookies.update(first.cookies)
        data = {"csrf_token": token, "idempotency_key": secrets.token_urlsafe(24),
                "plan_id": "hengyang", "text": f"第 {number} 条：希望公园里多一些滑梯。"}
        try:
            reply = http.post(server.url + "/suggest/", data=data, allow_redirects=False,
                              timeout=30)
        except requests.RequestException:
            return
        if reply.status_code == 303:
            code = reply.headers["Location"].split("/track/")[1].split("?")[0]
            with lock:
                acknowledged.append(code)
                owners[code] = http.cookies.get("ts_owner")
                if len(acknowledged) >= KILL_AFTER:
                    enough.set()

    with ThreadPoolExecutor(THREADS) as pool:
        for number in range(BURST):
            pool.submit(send, number)
        enough.wait(timeout=300)
        _crash(server)
    return acknowledged, owners, BURST


def test_no_acknowledged_submission_is_lost_when_the_server_dies(templates, tmp_path_factory):
    instance = tmp_path_factory.mktemp("crash")
    url = templates.fresh(instance)
    server = BurstServer(url, instance).start()
    try:
        acknowledged, owners, sent = _burst(server)
    finally:
        server.stop()
    assert KILL_AFTER <= len(acknowledged) < sent, "the server must die mid-burst"
    engine = make_engine(url)
    with Session(engine) as session:
        stored = set(session.exec(select(Suggestion.tracking_code)))
    engine.dispose()
    assert set(acknowledged) <= stored
    again = LiveServer(url, instance).start()
    try:
        for code in acknowledged[:5]:  # each child, on their own device, still finds theirs
            page = requests.get(f"{again.url}/track/{code}", timeout=30,
                                cookies={"ts_owner": owners[code]})
            assert page.status_code == 200
    finally:
        again.stop()
