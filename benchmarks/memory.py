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
best of three) beside the CPU of importing NumPy alone (the model's only library), and
reads the RSS of one process after each step of loading the classifier. Writes
``benchmarks/results/memory.md``.
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
    "", "## Before and after (issues 12 and 14)", "",
    "Same machine and benchmark. Before: main at f4d501a (the 05:59 UTC run of this file; "
    "the `tongsheng classify` and one-process rows from an interleaved run at 08:31 UTC, three "
    "rounds, before and after alternating). MB as RSS / PSS / USS.", "",
    "| process | before (scikit-learn at run time) | after (NumPy export) |", "|---|---|---|",
    "| web worker, preloaded, 2 workers | 283 / 128 / 55 | 198–200 / 97–98 / 49–51 |",
    "| web worker, preloaded, 4 workers | 283 / 99 / 54 | 178–200 / 57–80 / 25–51 |",
    "| web worker, lazy, after suggestions | 299–312 / 207–220 / 155–169 "
    "| 192–196 / 111–116 / 74–78 |",
    "| one process: model loaded, one text analysed (RSS) | 171 | 55 |",
    "| ... its CPU from launch | 1.59–2.07 s | 0.26–0.36 s |",
    "| `tongsheng classify`, CPU to the first line | 2.97–3.99 s | 1.04–1.36 s |",
    "| `tongsheng classify`, wall to the first line (machine shared, load 6–7) | 6.6–13.2 s "
    "| 1.9–3.6 s |",
    "",
    "The classifier now adds about 50 MB to a worker (NumPy 26, both models 15, redaction's "
    "and pinyin's tables the rest) instead of about 140. A worker's RSS is still near 200 MB "
    "because the web app itself is 144 MB RSS in a worker that never read a child's text "
    "(Flask, SQLAlchemy and the tables, pypinyin and jieba for the chat's pinyin): that, not "
    "the classifier, is what stands between a worker and 150 MB RSS; its PSS is under 100 MB.",
    "", "## What changed", "",
    "- The topic model and the safeguarding net are served from a plain export written at "
    "training time (`linear.json`: labels, view settings and terms; `linear.npz`: IDF, "
    "coefficients, intercepts; SHA-256s in `model.json`, no pickle) and predicted by "
    "`classifier/linear.py` with NumPy alone, so no web worker, queue job or command imports "
    "scikit-learn, SciPy or skops (skops imported every estimator: 149 MB and about 3 s of "
    "CPU before any model was read). `tests/classifier/test_linear_export.py` checks the "
    "export against the skops pipeline it came from on all 2,707 real corpus texts: topic "
    "probabilities identical (largest difference 0.0), the net's float32 decisions bit for "
    "bit, its probabilities within one float32 step, and the same flags.",
    "- `tongsheng classify` no longer imports the web app: the command group imports what "
    "each command uses. Its remaining second is `models.plans.plan` importing "
    "`models/__init__.py`, which registers every table (SQLModel, SQLAlchemy): a plan reader "
    "that does not register the tables is the next step to 0.5 s.",
    "- Each text is normalised once: safeguarding screens the prepared text's normalised "
    "form, and the topic model reads the same prepared text unless redaction masked "
    "something.",
    "- The facilitator's duplicate search computes its cosines and its own small TF-IDF "
    "with NumPy too (`models/suggestions/similarity.py`).",
    "", "## How to read the figures", "",
    "- Preloaded (default): the master loads the app, the plans, both models, redaction's "
    "tables and the chat's words before the fork; a worker's PSS is its USS plus its share "
    "of the master's pages, so it falls as workers are added (compare 2 and 4 workers).",
    "- Lazy (`TONGSHENG_PRELOAD_CLASSIFIER=false`): for nodes that serve staff pages only; a "
    "lazy worker that reads a child's text loads the classifier privately.",
    "- The queue worker maps none of scikit-learn, SciPy, NumPy, jieba or Pillow "
    "(`create_job_app`, issue 12).",
    "- Earlier steps (redaction's common-word table instead of jieba's prefix dictionary, "
    "normalisation's own traditional-character table instead of OpenCC, the chat's small "
    "word list) are described in the git history of this file.",
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
