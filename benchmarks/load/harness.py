"""Load and fault harness: a private PostgreSQL, gunicorn, a bounded load generator, checks.

Everything listens on 127.0.0.1 only. The load generator is plain threads with one
``requests.Session`` each, doing what a child's browser does on the plain form: GET the
form (CSRF token and a fresh idempotency key), POST it, and on a connection error or a
5xx retry the *same* key, as the page does when the child presses 送出 again. A 303 to
/track/<code> is an acknowledgement; afterwards every acknowledged code must be in the
database, the data must pass integrity checks and the site must answer again.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import requests
from sqlalchemy import create_engine, text

ROOT = Path(__file__).resolve().parents[2]
RESULTS = ROOT / "benchmarks" / "results"
PG_BIN = Path("/usr/lib/postgresql/15/bin")
TOKEN = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')
KEY = re.compile(r'id="idempotency_key" name="idempotency_key" type="hidden" value="([^"]+)"')
TEXTS = ["校门口的红绿灯时间太短了，过马路要跑。", "公园的滑梯坏了，希望快点修好。",
         "图书馆周末晚上也开门就好了。", "公交站没有遮雨棚，下雨天会淋湿。"]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _as_postgres(command: list[str], **kwargs) -> subprocess.CompletedProcess:
    """Run a PostgreSQL tool as the postgres user; output to /dev/null, since a started
    server inherits it and would keep a pipe open forever."""
    prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    return subprocess.run(prefix + command, check=True, stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL, **kwargs)


class PrivatePostgres:
    """A throwaway PostgreSQL cluster on a free loopback port, so restarts harm nobody else."""

    def __init__(self):
        self.folder = Path(tempfile.mkdtemp(prefix="ts-pg-"))
        shutil.chown(self.folder, "postgres") if os.geteuid() == 0 else None
        self.data = self.folder / "data"
        self.port = free_port()
        _as_postgres([str(PG_BIN / "initdb"), "-D", str(self.data), "-U", "postgres",
                      "--auth=trust", "-E", "UTF8"])
        self.start()
        _as_postgres([str(PG_BIN / "createdb"), "-h", "127.0.0.1", "-p", str(self.port),
                      "-U", "postgres", "load"])
        self.url = f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/load"

    def _ctl(self, *args: str) -> None:
        _as_postgres([str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-w", "-t", "60", *args,
                      "-o", f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1"],
                     timeout=90)

    def start(self) -> None:
        self._ctl("-l", str(self.folder / "log"), "start")

    def restart(self) -> None:
        self._ctl("-l", str(self.folder / "log"), "-m", "fast", "restart")

    def close(self) -> None:
        try:
            _as_postgres([str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-m", "immediate",
                          "stop"], timeout=60)
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)


class Server:
    """`tongsheng serve` (gunicorn) on a free loopback port, rate limits off for the load.

    ``env`` adds or overrides variables (the attack tests turn limits on, with Redis).
    """

    def __init__(self, database_url: str, instance: Path, workers: int = 3,
                 env: dict | None = None):
        self.database_url, self.instance, self.workers = database_url, instance, workers
        self.env = env or {}
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        instance.mkdir(parents=True, exist_ok=True)

    def start(self) -> Server:
        env = dict(os.environ, DATABASE_URL=self.database_url, TONGSHENG_SECRET_KEY="load-test",
                   TONGSHENG_SESSION_COOKIE_SECURE="false", TONGSHENG_RATELIMIT_ENABLED="false",
                   PYTHONPATH=str(ROOT))
        env.pop("REDIS_URL", None)
        env.update(self.env)
        self.log = open(self.instance / "server.log", "ab")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "webapp.cli", "serve", "--port", str(self.port),
             "--workers", str(self.workers)], env=env, cwd=self.instance, stdout=self.log,
            stderr=subprocess.STDOUT)
        wait_until_up(self.url, 120)
        return self

    def worker_pids(self) -> list[int]:
        found = subprocess.run(["pgrep", "-P", str(self.process.pid)], capture_output=True,
                               text=True, check=False)
        return [int(pid) for pid in found.stdout.split()]

    def kill_worker(self) -> int:
        pid = self.worker_pids()[0]
        os.kill(pid, signal.SIGKILL)
        return pid

    def stop(self) -> None:
        stop(self.process)
        self.log.close()


def stop(process: subprocess.Popen, seconds: float = 30) -> None:
    """Ask a process we started to stop; kill it if it has not within ``seconds``."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=seconds)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def wait_until_up(url: str, seconds: float) -> float:
    """Seconds until GET / answers 200; raises if it never does."""
    started = time.monotonic()
    while time.monotonic() - started < seconds:
        try:
            if requests.get(url + "/", timeout=2).status_code == 200:
                return time.monotonic() - started
        except requests.RequestException:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"{url} did not come up in {seconds}s")


@dataclass
class Tally:
    latencies: list[float] = field(default_factory=list)
    errors: dict[str, int] = field(default_factory=dict)
    acked: set[str] = field(default_factory=set)
    friendly_503: int = 0
    retries: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def error(self, kind: str) -> None:
        with self.lock:
            self.errors[kind] = self.errors.get(kind, 0) + 1


def _one_suggestion(http: requests.Session, url: str, tally: Tally, number: int,
                    deadline: float) -> None:
    """GET the form, POST it; retry the same key until acknowledged or out of time."""
    try:
        form = http.get(url + "/suggest/", timeout=10)
    except requests.RequestException:
        tally.error("connection")
        time.sleep(0.2)
        return
    if form.status_code != 200:
        tally.error(f"form_{form.status_code}")
        time.sleep(0.2)
        return
    data = {"csrf_token": TOKEN.search(form.text).group(1), "plan_id": "hengyang",
            "idempotency_key": KEY.search(form.text).group(1),
            "text": f"{TEXTS[number % len(TEXTS)]}（{number}）", "place": ""}
    while time.monotonic() < deadline + 30:
        started = time.monotonic()
        try:
            answer = http.post(url + "/suggest/", data=data, timeout=15, allow_redirects=False)
        except requests.RequestException:
            tally.error("connection")
            tally.retries += 1
            time.sleep(0.3)
            continue
        with tally.lock:
            tally.latencies.append(time.monotonic() - started)
        location = answer.headers.get("Location", "")
        if answer.status_code == 303 and "/track/" in location:
            with tally.lock:
                tally.acked.add(location.rstrip("/").split("/track/")[1].split("?")[0])
            return
        tally.error(f"http_{answer.status_code}")
        if answer.status_code == 503 and "你写的内容还在" in answer.text:
            tally.friendly_503 += 1
        if answer.status_code < 500:
            return
        tally.retries += 1
        time.sleep(0.3)


def run_load(url: str, *, users: int, seconds: float, during=None) -> Tally:
    """`users` threads submit for `seconds`; `during(tally)` runs once in the middle."""
    tally, deadline = Tally(), time.monotonic() + seconds
    counter = iter(range(10**9))

    def user() -> None:
        http = requests.Session()
        while time.monotonic() < deadline:
            _one_suggestion(http, url, tally, next(counter), deadline)

    threads = [threading.Thread(target=user, daemon=True) for _ in range(users)]
    for thread in threads:
        thread.start()
    if during is not None:
        time.sleep(seconds / 3)
        during(tally)
    for thread in threads:
        thread.join(timeout=seconds + 90)
    return tally


def check_database(database_url: str, acked: set[str]) -> dict:
    """Every acknowledged code stored; every suggestion has its first event; integrity ok."""
    engine = create_engine(database_url)
    with engine.connect() as connection:
        codes = set(connection.execute(text("SELECT tracking_code FROM suggestion")).scalars())
        without_event = connection.execute(text(
            "SELECT count(*) FROM suggestion s WHERE NOT EXISTS "
            "(SELECT 1 FROM event e WHERE e.suggestion_id = s.id AND e.action = 'submit')")
        ).scalar_one()
        if engine.dialect.name == "sqlite":
            integrity = connection.execute(text("PRAGMA integrity_check")).scalar_one()
        else:
            connection.execute(text("SELECT count(*) FROM suggestion")).scalar_one()
            integrity = "ok"
    engine.dispose()
    return {"lost": len(acked - codes), "without_first_event": without_event,
            "integrity": integrity, "stored": len(codes)}


def p95(values: list[float]) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))], 3)


def summary(name: str, tally: Tally, checked: dict, **extra) -> dict:
    """Requests, errors, p95, lost: written to benchmarks/results/<name>.json."""
    requests_made = len(tally.latencies) + tally.errors.get("connection", 0)
    report = {"test": name, "requests": requests_made, "acknowledged": len(tally.acked),
              "errors": sum(tally.errors.values()), "error_kinds": tally.errors,
              "retries": tally.retries, "p95_seconds": p95(tally.latencies), **checked, **extra}
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"{name}.json").write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n")
    return report


def sqlite_integrity(path: Path) -> str:
    with sqlite3.connect(path) as connection:
        return connection.execute("PRAGMA integrity_check").fetchone()[0]
