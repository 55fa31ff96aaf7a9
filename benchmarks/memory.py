"""Memory of warm workers (RSS, PSS, USS from /proc/PID/smaps_rollup); the classify start.

    python -m benchmarks.memory [--database-url URL] [--redis-url URL]

Starts ``tongsheng serve --workers 2`` on a fresh demo database (SQLite in a temporary
folder unless ``--database-url`` names an empty PostgreSQL database), warms every gunicorn
worker with the pages a child and the office open and a few submitted suggestions (so the
classifier has run), then reads each worker's RSS, PSS and USS (and the gunicorn master's).
It does so three times: with the classifier loaded before the fork (the default), and with
``TONGSHENG_PRELOAD_CLASSIFIER=false`` after pages only and after pages and suggestions. With
Redis it also starts
``tongsheng worker``, runs a mail job and a sweep through it, and reads the worker's
figures. Then it times ``tongsheng classify`` from start to its first line (wall and CPU,
best of three) beside the CPU of importing the model's libraries alone, and reads the RSS of
one process after each step of loading the classifier. Writes ``benchmarks/results/memory.md``.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import requests

from benchmarks.load.harness import KEY, TEXTS, TOKEN, free_port, stop, wait_until_up
from benchmarks.startup import lines as startup_lines

ROOT = Path(__file__).resolve().parents[1]
RESULT = ROOT / "benchmarks" / "results" / "memory.md"
PAGES = ["/", "/suggest/", "/about", "/privacy", "/signin/child", "/signin/staff", "/chat/"]


def rollup(pid: int) -> dict[str, float]:
    """Rss, Pss and Uss (private pages only) in MB, from the kernel's summary of the mappings."""
    found = {"Uss": 0.0}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        name, _colon, rest = line.partition(":")
        if name in ("Rss", "Pss"):
            found[name] = int(rest.split()[0]) / 1024
        if name in ("Private_Clean", "Private_Dirty"):
            found["Uss"] += int(rest.split()[0]) / 1024
    return found


def children(pid: int) -> list[int]:
    out = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True, check=False)
    return [int(p) for p in out.stdout.split()]


def _warm(url: str, rounds: int = 6, submit: bool = True) -> None:
    """Every page and a submission, enough times that both workers have served them."""
    for number in range(rounds):
        http = requests.Session()
        for page in PAGES:
            http.get(url + page, timeout=180)
        if not submit:
            continue
        form = http.get(url + "/suggest/", timeout=180).text
        http.post(url + "/suggest/", timeout=180, allow_redirects=False, data={
            "csrf_token": TOKEN.search(form).group(1), "plan_id": "hengyang", "place": "",
            "idempotency_key": KEY.search(form).group(1), "text": TEXTS[number % len(TEXTS)]})


def _start(args: list[str], env: dict, folder: Path, name: str) -> subprocess.Popen:
    log = open(folder / f"{name}.log", "ab")  # noqa: SIM115 - lives as long as the process
    return subprocess.Popen([sys.executable, "-m", "webapp.cli", *args], env=env, cwd=folder,
                            stdout=log, stderr=subprocess.STDOUT)


def measure_web(env: dict, folder: Path, submit: bool = True, workers: int = 2) -> list[dict]:
    port = free_port()
    server = _start(["serve", "--port", str(port), "--workers", str(workers)], env, folder, "web")
    try:
        url = f"http://127.0.0.1:{port}"
        wait_until_up(url, 180)
        _warm(url, rounds=3 * workers, submit=submit)
        return [rollup(pid) for pid in children(server.pid)] + [rollup(server.pid)]
    finally:
        stop(server)


def measure_worker(env: dict, folder: Path) -> dict:
    from redis import Redis
    from rq import Queue

    worker = _start(["worker"], env, folder, "worker")
    try:
        queue = Queue(env["TONGSHENG_RQ_QUEUE"], connection=Redis.from_url(env["REDIS_URL"]))
        jobs = [queue.enqueue("webapp.jobs.deliver_mail_from_env"),
                queue.enqueue("webapp.jobs.sweep_from_env")]
        deadline = time.monotonic() + 120
        while any(job.get_status(refresh=True) not in ("finished", "failed") for job in jobs):
            if time.monotonic() > deadline:
                raise RuntimeError("the worker did not finish its jobs")
            time.sleep(0.3)
        figures = rollup(worker.pid)
        figures["modules"] = _modules(worker.pid)
        return figures
    finally:
        stop(worker)


def _modules(pid: int) -> str:
    """Whether the heavy libraries of the site are mapped into the process."""
    maps = Path(f"/proc/{pid}/maps").read_text()
    heavy = [name for name in ("sklearn", "scipy", "numpy", "jieba", "PIL", "fpdf", "docx")
             if f"/{name}/" in maps]
    return ", ".join(heavy) or "none of sklearn, scipy, numpy, jieba, PIL, fpdf, docx"


NOTES = [
    "", "## What each part of a web worker costs", "",
    "One process, importing in order (`/proc/self/status`, RSS): the web libraries (Flask, "
    "SQLAlchemy, Babel, WTForms, Limiter) 62 MB; + redaction (jieba and its dictionary) 159 MB; "
    "+ safeguarding (its scikit-learn model, with NumPy and SciPy) 284 MB; + the topic model "
    "308 MB. So the topic model alone is about 24 MB: sending only topics to the queue would "
    "save little, while safeguarding and redaction must run in the request (a child in danger "
    "is answered at once, and nothing unmasked is stored).", "",
    "## Before and what changed (issues 12 and 15)", "",
    "- Queue worker: 370 MB RSS, 96 MB PSS before (issue 12, `rq worker` building the whole "
    "site for every job). `tongsheng worker` builds `create_job_app` (configuration, engine, "
    "mail; no blueprints) once, before RQ forks a horse per job; `classifier/__init__.py` "
    "imports its model, redaction and safeguarding modules on first use, as do the personal-"
    "detail checks, Pillow loads on the first photo, openpyxl (with NumPy) on the first Excel "
    "file, and the training commands only when they run, so the worker maps "
    "none of scikit-learn, SciPy, NumPy, jieba or Pillow.",
    "- Web worker, preloaded (default): the app, the plans and the classifier are loaded in "
    "gunicorn's master before the fork (`tongsheng serve` warms the classifier) and "
    "`gc.freeze()` keeps the collector from copying those shared pages; RSS counts those "
    "shared pages in every worker, PSS is what each worker really adds.",
    "- Web worker, lazy (`TONGSHENG_PRELOAD_CLASSIFIER=false`, new): building the site no "
    "longer imports scikit-learn (duplicate search loads it when it compares texts) or jieba "
    "(the public board loads redaction when it masks a text): `create_app` alone went from "
    "263 MB to 150 MB RSS. A worker then loads the classifier on its first child's text, "
    "privately. For a node that serves staff pages only, lazy is the small one; for a node "
    "that takes children's suggestions, preloading shares one copy between the workers and "
    "is the better choice (compare the PSS columns).",
    "- What this means for a deployment (`deploy/`): web nodes that take children's "
    "suggestions keep the default; nodes that serve pages without reading children's texts "
    "(behind nginx, by path) can run with `TONGSHENG_PRELOAD_CLASSIFIER=false` and stay "
    "under 150 MB RSS per worker (measured with the pages in `PAGES`; the public board "
    "loads jieba and the facilitator's duplicate search scikit-learn on first use). "
    "A web worker that classifies cannot get there while "
    "safeguarding and redaction run in the request; moving them out (one classifier process "
    "per node, asked over a local socket) is the remaining step.",
]


def _rows(web: dict[str, list[dict]]) -> list[str]:
    """One row per gunicorn worker, then the master they were forked from."""
    rows = []
    for mode, processes in web.items():
        *workers, master = processes
        named = [(f"gunicorn web worker {n}, {mode}", f) for n, f in enumerate(workers, 1)]
        for name, figures in [*named, (f"gunicorn master, {mode}", master)]:
            rows.append(f"| {name} | {figures['Rss']:.0f} | {figures['Pss']:.0f} "
                        f"| {figures['Uss']:.0f} |")
    return rows


def write(web: dict[str, list[dict]], worker: dict | None, database: str) -> None:
    lines = ["# Memory of warm workers", "",
             "`python -m benchmarks.memory --database-url URL --redis-url URL` "
             "(figures from `/proc/PID/smaps_rollup`; RSS counts shared pages in full, PSS "
             "divides them between the processes sharing them, USS is the process's private "
             "pages only, what it alone adds).", "",
             f"Database: {database}; measured {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}"
             " on the two-core development machine.", "",
             "| process | RSS MB | PSS MB | USS MB |", "|---|---|---|---|", *_rows(web)]
    if worker:
        lines.append(f"| `tongsheng worker` (after a mail job and a sweep) | "
                     f"{worker['Rss']:.0f} | {worker['Pss']:.0f} | {worker['Uss']:.0f} |")
        lines += ["", f"Heavy libraries mapped in the queue worker: {worker['modules']}."]
    RESULT.write_text("\n".join(lines + startup_lines() + NOTES) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=None)
    parser.add_argument("--redis-url", default=os.environ.get("REDIS_URL"))
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="ts-memory-"))
    database = args.database_url or f"sqlite:///{folder}/memory.sqlite3"
    env = dict(os.environ, PYTHONPATH=str(ROOT), DATABASE_URL=database,
               TONGSHENG_SECRET_KEY="memory-benchmark", TONGSHENG_SESSION_COOKIE_SECURE="false",
               TONGSHENG_RATELIMIT_ENABLED="false",
               TONGSHENG_RQ_QUEUE=f"ts-memory-{uuid.uuid4().hex[:8]}")
    env.pop("REDIS_URL", None)
    subprocess.run([sys.executable, "-m", "webapp.cli", "demo"], env=env, cwd=folder,
                   check=True, capture_output=True, timeout=300)
    lazy = dict(env, TONGSHENG_PRELOAD_CLASSIFIER="false")
    web = {"classifier preloaded, after pages and suggestions": measure_web(env, folder),
           "classifier preloaded, 4 workers, after pages and suggestions":
               measure_web(env, folder, workers=4),
           "lazy, after pages only": measure_web(lazy, folder, submit=False),
           "lazy, after pages and suggestions": measure_web(lazy, folder)}
    worker = None
    if args.redis_url:
        worker = measure_worker(dict(env, REDIS_URL=args.redis_url), folder)
    write(web, worker, database.split("@")[-1].split("/")[-1] if args.database_url
          else "SQLite")
    print(RESULT.read_text())


if __name__ == "__main__":
    main()
