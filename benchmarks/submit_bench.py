"""Throughput of the submit path against a bare one-row Flask endpoint, same server and database.

Run by hand from the repository root:

    python -m benchmarks.submit_bench [--seconds 10] [--rounds 3] [--clients 16] [--workers 4]
        [--postgres postgresql+psycopg://postgres@127.0.0.1:5432/postgres]

The submit path is the child's plain form (POST /suggest/): validate, classify, redact,
write the suggestion and its first event (the route is looked up at dispatch). Both servers
run under gunicorn with the same number of workers on the same database; the load comes
from the same threaded client. Results go to benchmarks/results/submit.md.
"""

from __future__ import annotations

import argparse
import os
import re
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from pathlib import Path

import requests
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results" / "submit.md"
TEXTS = ["学校门口的红绿灯时间太短了", "公园的滑梯坏了希望修一修", "图书馆周末晚上也开门吧",
         "希望学校多一些社团活动", "小区里没有地方踢球"]


def _port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait(url: str, process: subprocess.Popen) -> None:
    for _ in range(600):
        try:
            requests.get(url, timeout=1)
            return
        except requests.RequestException:
            if process.poll() is not None:
                raise RuntimeError(f"server exited: {url}") from None
            time.sleep(0.1)
    raise RuntimeError(f"server did not start: {url}")


def _log(folder: Path, name: str):
    """The server's stderr (gunicorn's own log), kept so a server that dies can be explained."""
    return open(folder / f"{name}.log", "ab")  # noqa: SIM115 - closed with the process


def _env(database_url: str) -> dict:
    env = dict(os.environ, DATABASE_URL=database_url, TONGSHENG_SECRET_KEY="bench",
               TONGSHENG_SESSION_COOKIE_SECURE="false",
               TONGSHENG_SUGGEST_LIMIT="10000000 per minute")
    env.pop("REDIS_URL", None)
    return env


def start_tongsheng(database_url: str, workers: int, folder: Path):
    subprocess.run([sys.executable, "-m", "webapp.cli", "demo"], env=_env(database_url),
                   cwd=folder, check=True, capture_output=True)
    port = _port()
    process = subprocess.Popen([sys.executable, "-m", "webapp.cli", "serve", "--port",
                                str(port), "--workers", str(workers)], env=_env(database_url),
                               cwd=folder, stdout=subprocess.DEVNULL, stderr=_log(folder, "submit"))
    _wait(f"http://127.0.0.1:{port}/", process)
    return process, f"http://127.0.0.1:{port}"


def start_bare(database_url: str, workers: int, folder: Path):
    port = _port()
    env = dict(_env(database_url), PYTHONPATH=str(ROOT))
    # Create its table once: four workers racing to CREATE TABLE can fail on PostgreSQL.
    subprocess.run([sys.executable, "-c", "import benchmarks.bare_app"], env=env, cwd=folder,
                   check=True, capture_output=True)
    process = subprocess.Popen([sys.executable, "-m", "gunicorn", "-w", str(workers), "-b",
                                f"127.0.0.1:{port}", "benchmarks.bare_app:app"], env=env,
                               cwd=folder, stdout=subprocess.DEVNULL, stderr=_log(folder, "bare"))
    _wait(f"http://127.0.0.1:{port}/write", process)
    return process, f"http://127.0.0.1:{port}"


def _suggest_sender(base: str):
    http = requests.Session()
    page = http.get(base + "/suggest/").text
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)

    def send(number: int) -> bool:
        data = {"csrf_token": token, "idempotency_key": secrets.token_urlsafe(24),
                "plan_id": "hengyang", "text": TEXTS[number % len(TEXTS)]}
        return http.post(base + "/suggest/", data=data, allow_redirects=False,
                         timeout=60).status_code
    return send


def _bare_sender(base: str):
    http = requests.Session()

    def send(number: int) -> bool:
        return http.post(base + "/write", data={"text": TEXTS[number % len(TEXTS)]},
                         allow_redirects=False, timeout=60).status_code
    return send


def measure(make_sender, base: str, clients: int, seconds: float) -> tuple[float, Counter]:
    """Successes (303) per second over ``seconds`` with ``clients`` threads; other answers
    are counted apart by status code."""
    make_sender(base)(0)  # warm up: first request loads the classifier in a worker
    done, failed, lock = [0], Counter(), threading.Lock()
    stop = time.monotonic() + seconds

    def run() -> None:
        send, number = make_sender(base), 0
        while time.monotonic() < stop:
            status = send(number)
            number += 1
            with lock:
                if status == 303:
                    done[0] += 1
                else:
                    failed[status] += 1

    threads = [threading.Thread(target=run) for _ in range(clients)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return done[0] / (time.monotonic() - started), failed


def _postgres_database(admin_url: str) -> tuple[str, callable]:
    name = f"ts_bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(admin_url).set(database=name).render_as_string(hide_password=False)

    def drop() -> None:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
    return url, drop


def run_backend(label: str, database_url: str, args) -> dict:
    """Both servers up at once, measured in alternating rounds; the median round counts.

    The machine may be shared: alternating rounds expose both endpoints to the same load,
    so the ratio stays honest even when absolute rates drift.
    """
    folder = Path(tempfile.mkdtemp(prefix="ts-bench-"))
    servers = {}
    try:
        for name, start in (("bare", start_bare), ("submit", start_tongsheng)):
            servers[name] = start(database_url, args.workers, folder)
        senders = {"bare": _bare_sender, "submit": _suggest_sender}
        rates: dict[str, list[float]] = {"bare": [], "submit": []}
        errors = {"bare": Counter(), "submit": Counter()}
        for _ in range(args.rounds):
            for name in ("bare", "submit"):
                rate, failed = measure(senders[name], servers[name][1], args.clients,
                                       args.seconds)
                rates[name].append(rate)
                errors[name] += failed
    except Exception:
        print(f"{label}: servers' logs are in {folder}", file=sys.stderr)
        raise
    finally:
        for process, _base in servers.values():
            process.terminate()
            process.wait(timeout=30)
    result = {"backend": label}
    for name in ("bare", "submit"):
        result[name] = statistics.median(rates[name])
        result[name + "_range"] = (min(rates[name]), max(rates[name]))
        result[name + "_errors"] = errors[name]
    result["ratios"] = [s / b for b, s in zip(rates["bare"], rates["submit"], strict=True) if b]
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--postgres", default="")
    args = parser.parse_args()
    results = []
    folder = Path(tempfile.mkdtemp(prefix="ts-bench-db-"))
    results.append(run_backend("SQLite", f"sqlite:///{folder}/bench.sqlite3", args))
    if args.postgres:
        url, drop = _postgres_database(args.postgres)
        try:
            results.append(run_backend("PostgreSQL", url, args))
        finally:
            drop()
    write_results(results, args)


def _errors(failed: Counter) -> str:
    """How many answers were not a 303, with their status codes: "0", "2 (503: 2)"."""
    total = sum(failed.values())
    codes = ", ".join(f"{code}: {n}" for code, n in sorted(failed.items()))
    return f"{total} ({codes})" if total else "0"


def write_results(results: list[dict], args) -> None:
    lines = ["# Submit path vs. a bare one-row endpoint", "",
             f"gunicorn, {args.workers} workers; {args.clients} client threads; "
             f"{args.rounds} alternating rounds of {args.seconds:.0f} s per endpoint (median "
             f"shown, range in brackets); machine: {os.cpu_count()} CPUs. "
             "Run: `python -m benchmarks.submit_bench --postgres URL`.", "",
             "| database | bare endpoint (req/s) | submit path (req/s) | ratio | "
             "ratio per round | errors |",
             "|---|---|---|---|---|---|"]
    for r in results:
        ratio = r["submit"] / r["bare"] if r["bare"] else 0
        rounds = ", ".join(f"{x:.2f}" for x in r["ratios"])
        lines.append(
            f"| {r['backend']} | {r['bare']:.1f} [{r['bare_range'][0]:.0f}–"
            f"{r['bare_range'][1]:.0f}] | {r['submit']:.1f} [{r['submit_range'][0]:.0f}–"
            f"{r['submit_range'][1]:.0f}] | {ratio:.2f} | {rounds} | "
            f"{_errors(r['bare_errors'])} / {_errors(r['submit_errors'])} |")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
