"""Memory of a warm web worker and a warm queue worker: RSS and PSS from /proc/PID/smaps_rollup.

    python -m benchmarks.memory [--database-url URL] [--redis-url URL]

Starts ``tongsheng serve --workers 2`` on a fresh demo database (SQLite in a temporary
folder unless ``--database-url`` names an empty PostgreSQL database), warms every gunicorn
worker with the pages a child and the office open and a few submitted suggestions (so the
classifier has run), then reads each worker's RSS and PSS. With Redis it also starts
``tongsheng worker``, runs a mail job and a sweep through it, and reads the worker's
figures. Writes ``benchmarks/results/memory.md``.
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

ROOT = Path(__file__).resolve().parents[1]
RESULT = ROOT / "benchmarks" / "results" / "memory.md"
PAGES = ["/", "/suggest/", "/about", "/privacy", "/signin/child", "/signin/staff", "/chat/"]


def rollup(pid: int) -> dict[str, float]:
    """Rss and Pss in MB, from the kernel's own summary of the process's mappings."""
    found = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        name, _colon, rest = line.partition(":")
        if name in ("Rss", "Pss"):
            found[name] = int(rest.split()[0]) / 1024
    return found


def children(pid: int) -> list[int]:
    out = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True, check=False)
    return [int(p) for p in out.stdout.split()]


def _warm(url: str, rounds: int = 6) -> None:
    """Every page and a submission, enough times that both workers have served them."""
    for number in range(rounds):
        http = requests.Session()
        for page in PAGES:
            http.get(url + page, timeout=60)
        form = http.get(url + "/suggest/", timeout=60).text
        http.post(url + "/suggest/", timeout=60, allow_redirects=False, data={
            "csrf_token": TOKEN.search(form).group(1), "plan_id": "hengyang", "place": "",
            "idempotency_key": KEY.search(form).group(1), "text": TEXTS[number % len(TEXTS)]})


def _start(args: list[str], env: dict, folder: Path, name: str) -> subprocess.Popen:
    log = open(folder / f"{name}.log", "ab")  # noqa: SIM115 - lives as long as the process
    return subprocess.Popen([sys.executable, "-m", "webapp.cli", *args], env=env, cwd=folder,
                            stdout=log, stderr=subprocess.STDOUT)


def measure_web(env: dict, folder: Path) -> list[dict]:
    port = free_port()
    server = _start(["serve", "--port", str(port), "--workers", "2"], env, folder, "web")
    try:
        url = f"http://127.0.0.1:{port}"
        wait_until_up(url, 180)
        _warm(url)
        return [rollup(pid) for pid in children(server.pid)]
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
    "", "## Before and what changed (issue 12)", "",
    "- Queue worker: 370 MB RSS, 96 MB PSS before (issue 12, `rq worker` building the whole "
    "site for every job). `tongsheng worker` builds `create_job_app` (configuration, engine, "
    "mail; no blueprints) once, before RQ forks a horse per job; `classifier/__init__.py` "
    "imports its model, redaction and safeguarding modules on first use, as do the personal-"
    "detail checks, Pillow loads on the first photo, openpyxl (with NumPy) on the first Excel "
    "file, and the training commands only when they run, so the worker maps "
    "none of scikit-learn, SciPy, NumPy, jieba or Pillow.",
    "- Web worker: the app, the plans (parsed once per process, `models.plans.plan`) and the topic "
    "model are loaded in gunicorn's master before the fork (`tongsheng serve` warms the "
    "classifier), and `gc.freeze()` keeps the collector from copying those shared pages; "
    "PSS is what each worker really adds. Its RSS stays near 370 MB: a submission classifies "
    "the child's words in the request, so scikit-learn, SciPy, the jieba dictionary and the "
    "model are resident in every web worker. Reaching 150 MB RSS there means classifying "
    "outside the web process (a queue job or a small service), which is not done yet.",
]


def write(web: list[dict], worker: dict | None, database: str) -> None:
    lines = ["# Memory of warm workers", "",
             "`python -m benchmarks.memory --database-url URL --redis-url URL` "
             "(figures from `/proc/PID/smaps_rollup`; RSS counts shared pages in full, PSS "
             "divides them between the processes sharing them).", "",
             f"Database: {database}; measured {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}"
             " on the two-core development machine.", "",
             "| process | RSS MB | PSS MB |", "|---|---|---|"]
    for number, figures in enumerate(web, 1):
        lines.append(f"| gunicorn web worker {number} (warm) | {figures['Rss']:.0f} "
                     f"| {figures['Pss']:.0f} |")
    if worker:
        lines.append(f"| `tongsheng worker` (after a mail job and a sweep) | "
                     f"{worker['Rss']:.0f} | {worker['Pss']:.0f} |")
        lines += ["", f"Heavy libraries mapped in the queue worker: {worker['modules']}."]
    RESULT.write_text("\n".join(lines + NOTES) + "\n")


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
    web = measure_web(env, folder)
    worker = None
    if args.redis_url:
        worker = measure_worker(dict(env, REDIS_URL=args.redis_url), folder)
    write(web, worker, database.split("@")[-1].split("/")[-1] if args.database_url
          else "SQLite")
    print(RESULT.read_text())


if __name__ == "__main__":
    main()
