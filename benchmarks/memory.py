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
    "", "## Before and after (issues 12 and 14)", "",
    "Same machine and benchmark; before is main at 0c9060f (05:47 UTC run, and the 02:08 "
    "run committed before it). MB as RSS / PSS / USS.", "",
    "| process | before | after |", "|---|---|---|",
    "| web worker, preloaded, 2 workers | 292–363 / 120–191 / 36–112 (the worker that "
    "showed a chat built jieba's whole dictionary for itself) | 283 / 128 / 55 |",
    "| web worker, preloaded, 4 workers | – | 283 / 99 / 54 |",
    "| web worker, lazy, after suggestions | 390–394 / 288–292 / – | 299–312 / 207–220 "
    "/ 155–169 |",
    "| one process: libraries, topic model, one text analysed | 269 RSS (redaction alone "
    "+97: jieba's prefix dictionary, OpenCC) | 199 RSS |",
    "| + the chat's pinyin | +119 without Flask (pypinyin 47, jieba's whole dictionary "
    "72) | +109, of which Flask and the web app about 50 and the small word list 11 |",
    "| `tongsheng classify`, CPU to the first line (best of four, interleaved) | 4.37 s "
    "| 4.29 s |",
    "| ... of which loading and analysing the first text (after the imports) | 0.51–0.66 s, "
    "266 MB peak | 0.35–0.42 s, 234 MB peak |",
    "| redaction's first text in a fresh process | 1.6–1.8 s CPU, 127 MB peak | 0.17 s, "
    "45 MB |",
    "",
    "So a worker of a node that screens children's texts costs 128 MB (2 workers) or "
    "99 MB (4 workers) proportional, with 55 MB of its own; its RSS stays above 150 MB "
    "because RSS counts the shared scikit-learn pages in every worker.",
    "", "## What changed", "",
    "- Redaction's name finder asked jieba's whole prefix dictionary (350,000 words, about "
    "55 MB and 0.5–1.8 s to build) only how common a word is: it now reads "
    "`classifier/data/common_words.txt` (jieba's words of 2–4 characters from the frequency "
    "the finder uses, with the user dictionary; `python -m classifier.common_words`).",
    "- Redaction's views read traditional characters through normalisation's own table, not "
    "OpenCC's phrase converter (25 MB and 0.5 s at import).",
    "- The chat's pinyin cut words with jieba's whole default dictionary (84 MB in the worker "
    "that first showed a chat): it now uses `webapp/public/data/chat_words.txt`, the jieba "
    "words found in the site's sentences and the plans' agency names plus one line carrying "
    "the rest's weight, so every one of the site's sentences is cut exactly as before "
    "(`tests/webapp/test_chat_words.py`); 11 MB. `tongsheng serve` loads it in the master "
    "with the classifier.",
    "- Nothing the models see changed: the topic model reads characters, pinyin and "
    "keywords (its jieba-word view is off) and the safeguarding model characters and pinyin, "
    "so no model was retrained. `analyse` gives the same normalised text, masks, urgency and "
    "topic on all 10,599 texts under `training/data` before and after "
    "(`tests/classifier/test_footprint.py` keeps a sample of 130).",
    "- What is left is scikit-learn itself: skops imports every estimator to list the "
    "trusted types (149 MB and 2.7–3.6 s of CPU on this loaded machine before any model is "
    "read), and in `tongsheng classify` the command group's imports (the site's package and "
    "the domain's tables through `models/__init__.py`, SQLModel: 1.5–1.8 s of CPU) that "
    "`models.plans.plan` needs. In a web node both are shared by preloading; for the "
    "command, the next step is a plan reader that does not register every table.",
    "", "## How to read the figures", "",
    "- Preloaded (default): the master loads the app, the plans, both models, redaction's "
    "tables and the chat's words before the fork; a worker's PSS is its USS plus its share "
    "of the master's pages, so it falls as workers are added (compare 2 and 4 workers).",
    "- Lazy (`TONGSHENG_PRELOAD_CLASSIFIER=false`): for nodes that serve staff pages only; a "
    "lazy worker that reads a child's text loads the classifier privately.",
    "- The queue worker maps none of scikit-learn, SciPy, NumPy, jieba or Pillow "
    "(`create_job_app`, issue 12).",
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
