"""Memory of warm workers (RSS, PSS, USS from /proc/PID/smaps_rollup); the classify start.

    python -m benchmarks.memory [--database-url URL] [--redis-url URL]

Starts ``tongsheng serve --workers 2`` on a fresh demo database (SQLite in a temporary
folder unless ``--database-url`` names an empty PostgreSQL database), warms every gunicorn
worker with the pages a child and the office open and a few submitted suggestions (so the
classifier has run), then reads each worker's RSS, PSS and USS (and the gunicorn master's).
It does so three times: with the classifier loaded before the fork (the default), and with
``TONGSHENG_PRELOAD_CLASSIFIER=false`` after pages only and after pages and suggestions. Pages
are the public ones and the staff's (coordinator, facilitator, agency; the benchmark's own
demo staff sign in without one-time codes); suggestions come with a chat turn each. With
Redis it also starts
``tongsheng worker``, runs a mail job and a sweep through it, and reads the worker's
figures. Then it times ``tongsheng classify`` from start to its first line (wall and CPU,
best of three) beside the CPU of importing NumPy alone (the model's only library), and
reads the RSS of one process after each step of loading the classifier. Staff pages are
found by following links (every staff page, one per address pattern, files included), and
one fresh worker opens each once to name any page that makes it grow. Writes
``benchmarks/results/memory.md``.
"""

from __future__ import annotations

import argparse
import os
import re
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
PAGES = ["/", "/suggest/", "/about", "/privacy", "/signin/child", "/signin/staff", "/chat"]
# What the office opens, signed in as the demo city's staff (TOTP off for the benchmark).
STAFF_PAGES = {"coordinator": ["/coordinator/?tab=triage", "/coordinator/?tab=all",
                               "/coordinator/dashboard/", "/safeguarding/", "/board"],
               "facilitator": ["/facilitator/", "/facilitator/review/"],
               "agency1": ["/agency/", "/agency/?tab=answered", "/dashboards/agency/"]}
# Every other staff page is found by following the links of these (``staff_links``): one
# page per address pattern (digits taken as any id), exports and dashboards' files included.
STAFF_PREFIXES = ("/coordinator/", "/agency/", "/facilitator/", "/dashboards/",
                  "/safeguarding/", "/staff/")
# Opened on their own: the facilitator's review of one suggestion (its duplicate search).
MUST_REACH = (re.compile(r"^/facilitator/review/\d+/\d+$"),)
HREF = re.compile(r'href="(/[^"#]*)"')
CRAWL_LIMIT = 80
DEMO_PASSWORD = "TongSheng-demo-2026"
CHAT_TOKEN = re.compile(r'name="csrf-token" content="([^"]+)"')


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
    """Every page, every staff page (``staff_links``), and (``submit``) a suggestion and a
    chat turn, enough times that every worker has served them."""
    staff = staff_links(url)
    for number in range(rounds):
        http = requests.Session()
        for page in PAGES:
            http.get(url + page, timeout=180)
        _staff(url, staff)
        if not submit:
            continue
        form = http.get(url + "/suggest/", timeout=180).text
        http.post(url + "/suggest/", timeout=180, allow_redirects=False, data={
            "csrf_token": TOKEN.search(form).group(1), "plan_id": "hengyang", "place": "",
            "idempotency_key": KEY.search(form).group(1), "text": TEXTS[number % len(TEXTS)]})
        chat = http.get(url + "/chat?plan=hengyang", timeout=180).text
        reply = http.post(url + "/chat/new/say?plan=hengyang", timeout=180, data={
            "csrf_token": CHAT_TOKEN.search(chat).group(1), "seq": 0,
            "text": TEXTS[(number + 1) % len(TEXTS)]})
        reply.raise_for_status()


def _without_codes(database_url: str) -> None:
    """The benchmark's own demo staff sign in by password alone (their one-time codes can
    each be used once per 30 seconds; the staff pages are what is measured, not the sign-in)."""
    from sqlalchemy import create_engine, text

    from models.db import normalise_url

    engine = create_engine(normalise_url(database_url))
    with engine.begin() as connection:
        connection.execute(text("UPDATE account SET totp_secret = NULL"))
    engine.dispose()


def _signed_in(url: str, username: str) -> requests.Session:
    http = requests.Session()
    form = http.get(url + "/signin/staff", timeout=180).text
    http.post(url + "/signin/staff", timeout=180, data={
        "csrf_token": TOKEN.search(form).group(1), "username": username,
        "password": DEMO_PASSWORD})
    return http


def _pattern(page: str) -> str:
    """The page's address with any id as N, and of its query only the tab (a period, a
    page number or a filter opens the same code)."""
    path, _mark, query = page.partition("?")
    tab = re.search(r"(?:^|&)(tab=[^&]*)", query)
    return re.sub(r"\d+", "N", path) + (f"?{tab.group(1)}" if tab else "")


def staff_links(url: str) -> dict[str, list[str]]:
    """Each staff member's pages: their own, then every staff page their pages link to
    (breadth first, one per address pattern, at most ``CRAWL_LIMIT``), without signing out."""
    found: dict[str, list[str]] = {}
    for username, pages in STAFF_PAGES.items():
        http, queue = _signed_in(url, username), list(pages)
        seen, kept = {_pattern(p) for p in pages}, []
        while queue and len(kept) < CRAWL_LIMIT:
            page = queue.pop(0)
            reply = http.get(url + page, timeout=180)
            if reply.status_code != 200 or "/signin" in reply.url:
                if page in pages:
                    raise RuntimeError(f"{username} could not open {page}: {reply.status_code}")
                continue
            kept.append(page)
            if "html" not in reply.headers.get("Content-Type", ""):
                continue
            for link in HREF.findall(reply.text):
                link = link.replace("&amp;", "&")
                if (link.startswith(STAFF_PREFIXES) and "sign" not in link
                        and _pattern(link) not in seen):
                    seen.add(_pattern(link))
                    queue.append(link)
        found[username] = kept
    for must in MUST_REACH:
        if not any(must.match(page) for pages in found.values() for page in pages):
            raise RuntimeError(f"no staff page matching {must.pattern} was reached")
    return found


def _staff(url: str, pages: dict[str, list[str]]) -> None:
    """Sign in as each kind of staff and open their pages."""
    for username, own in pages.items():
        http = _signed_in(url, username)
        for page in own:
            http.get(url + page, timeout=180)


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


def page_by_page(env: dict, folder: Path) -> list[tuple[str, str, float, float]]:
    """One preloaded worker opens each staff page once: (who, page, RSS after, change) in
    MB, so the page that makes a worker grow is named."""
    port = free_port()
    server = _start(["serve", "--port", str(port), "--workers", "1"], env, folder, "pages")
    try:
        url = f"http://127.0.0.1:{port}"
        wait_until_up(url, 180)
        pid, found = children(server.pid)[0], []
        last = rollup(pid)["Rss"]
        for username, pages in staff_links(url).items():
            http = _signed_in(url, username)
            for page in pages:
                http.get(url + page, timeout=180)
                now = rollup(pid)["Rss"]
                found.append((username, page, now, now - last))
                last = now
        return found
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
    "", "## Before and after (issue 12 item 6, issue 14 item 5)", "",
    "Before: main at 23ef634; after: this branch. Same machine, same demo database (SQLite), "
    "the same warm-up as above (public pages, the staff's pages signed in as coordinator, "
    "facilitator and agency, suggestions and chat turns), 2 workers, classifier preloaded; "
    "measured with this file's `measure_web` and `measure_worker`, 11:30 UTC, load 6. "
    "MB as RSS / PSS / USS.", "",
    "| process | before | after |", "|---|---|---|",
    "| gunicorn web worker, warm | 224–226 / 126–129 / 82–84 | 134–135 / 73–74 / 47–48 |",
    "| gunicorn master | 199 / 88 / 41 | 141–142 / 67–68 / 38–39 |",
    "| `tongsheng worker` (after a mail job and a sweep) | 92 / 43 / 8 | 82 / 39 / 7 |",
    "| `tongsheng classify`: peak RSS (`/usr/bin/time`) | 109 | 69 |",
    "| `tongsheng classify`: CPU from launch (best of 3) | 0.81 s | 0.31 s |",
    "| `tongsheng classify`: wall to the first line (best of 3) | 1.12 s | 0.50 s |",
    "",
    "(The warm-up before this change opened `/chat/`, a 404, and no staff page: the older "
    "figures in the git history of this file are from that lighter warm-up. Since issue 12's "
    "last items it opens every staff page, files and exports included: see Page by page.)",
    "", "## Before and after (issue 12, the last items: every staff page)", "",
    "Before: fc6f188 (jieba in the review, PDFs drawn in the worker); after: this branch. "
    "12:00–12:33 UTC, load 10–12 (a test suite ran beside). MB RSS.", "",
    "| measure | before | after |", "|---|---|---|",
    "| step table: + a facilitator's duplicate search | +67 (119 → 186: jieba's whole "
    "dictionary; scikit-learn and SciPy came on top in a worker) | +5 (120 → 125) |",
    "| one fresh worker after every staff page (98 pages) | 207–215 (jieba already gone; "
    "PDFs in the worker) | largest 151 |",
    "| one fresh worker, the weekly report PDF | 136 → 365 at the peak, 206 after | +0 "
    "(drawn by a child process) |",
    "| warm web worker, 2 workers, preloaded, every staff page in the warm-up | not "
    "measured with this warm-up | 154–155 / 96 / 69 (RSS / PSS / USS) |", "",
    "Still over 150 MB by 4–5 MB after every staff page: a fresh worker's first staff page "
    "(the triage tab) adds 28 MB (templates compiled, catalogues, first queries), not "
    "shared from the master.",
    "", "## What changed", "",
    "- The chat's pinyin: pypinyin's dictionaries were 56 MB in every web process. The "
    "readings now come from `webapp/public/data/chat_pinyin.txt` (each character's own "
    "reading, and the 8,758 phrases of pypinyin's dictionary whose reading differs from "
    "their characters'), about 3 MB in memory; every sentence of the site reads exactly as "
    "with pypinyin (`tests/webapp/test_chat_words.py`), and of jieba's 349,040 dictionary "
    "words 0.17% (idioms) read otherwise. Rebuild: `python -m webapp.public.chat_pinyin`.",
    "- Redaction's table of common words (name finder): a dictionary of 102,910 words took "
    "12 MB, loaded privately by each worker at the first name-like word (the board, a "
    "suggestion). It is now one sorted string per word length, searched by bisection, and a "
    "frequency array (2.3 MB), loaded before the fork (`warm_up` reads a text with a name).",
    "- Migrations: `tongsheng serve` migrates in a child process and `webapp.db` imports "
    "Alembic only to migrate, so neither the master, the workers forked from it, nor the "
    "queue worker hold Alembic, Mako and the revisions (13 MB).",
    "- Freed memory goes back to the system: after each request a gunicorn worker calls "
    "glibc's `malloc_trim` (about 0.1 ms); a dashboard or a long staff list otherwise left "
    "10–20 MB of freed heap in the worker.",
    "- `tongsheng classify` loads neither Flask nor SQLAlchemy nor any table: importing "
    "`models` registers no table (`models.all_tables` does, imported by `webapp.db` and the "
    "migrations) and the `webapp` package imports Flask only when an app is made "
    "(`tests/classifier/test_footprint.py` checks `sys.modules`).",
    "- The facilitator's review of a suggestion (its duplicate search) cut words with jieba's "
    "whole dictionary, about 67 MB loaded privately by each worker that opened one. It now "
    "cuts them by redaction's common-word table, already loaded before the fork "
    "(`classifier.common_words.cut`, jieba's own route through the words it keeps); on "
    "`training/data/duplicates/pairs.jsonl` at the page's threshold 0.3: precision 0.84, "
    "recall 0.70, 25 offered (jieba's words: 0.833, 0.667, 24). "
    "It also imported `prepare` through `classifier.pipeline`, which loads scikit-learn and "
    "SciPy (about 90 MB); it now reads `classifier.prepared`. "
    "`tests/webapp/test_review.py` opens a review with jieba, scikit-learn and SciPy made "
    "impossible to import.",
    "- PDFs (dashboard reports, minutes, visit reports, 督办 sheets) are drawn by a child "
    "process (`models.files.pdfdoc.render`): fpdf reads the whole CJK font to embed its "
    "subset, and one weekly report took a worker from 136 to 365 MB at the peak and left it "
    "at 206 MB. About 3 s per PDF on this machine under load, as before.",
    "", "## How to read the figures", "",
    "- Preloaded (default): the master loads the app, the plans, both models, redaction's "
    "tables and the chat's words before the fork; a worker's PSS is its USS plus its share "
    "of the master's pages, so it falls as workers are added (compare 2 and 4 workers).",
    "- Lazy (`TONGSHENG_PRELOAD_CLASSIFIER=false`): for nodes that serve staff pages only; a "
    "lazy worker that reads a child's text loads the classifier privately.",
    "- The queue worker maps none of scikit-learn, SciPy, NumPy, jieba or Pillow "
    "(`create_job_app`, issue 12).",
    "- On SQLite each pooled connection keeps its own page cache (up to 2 MB); PostgreSQL "
    "workers do not.",
    "- Earlier steps (the NumPy export of the models instead of scikit-learn, redaction's "
    "common-word table instead of jieba's prefix dictionary, normalisation's own "
    "traditional-character table instead of OpenCC, the chat's small word list) are "
    "described in the git history of this file.",
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


def _page_rows(pages: list[tuple[str, str, float, float]]) -> list[str]:
    """The pages after which the worker was largest or had grown by 3 MB or more."""
    if not pages:
        return []
    largest = max(pages, key=lambda row: row[2])
    shown = [row for row in pages if row[3] >= 3 or row is largest]
    return ["", "## Page by page", "",
            f"One preloaded worker, fresh, opens each of {len(pages)} staff pages once (the "
            "warm-up's pages: each signed-in member's own, then every staff page they link to, "
            "one per address pattern, files and exports included). Pages after which it grew "
            "by 3 MB or more, and the largest:", "",
            "| staff | page | RSS MB after | change MB |", "|---|---|---|---|",
            *[f"| {who} | `{page}` | {rss:.0f} | {change:+.0f} |"
              for who, page, rss, change in shown],
            "", f"Largest after any page: {largest[2]:.0f} MB RSS."]


def write(web: dict[str, list[dict]], worker: dict | None, database: str,
          pages: list | None = None) -> None:
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
    lines += _page_rows(pages or [])
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
               TONGSHENG_RATELIMIT_ENABLED="false", TONGSHENG_STAFF_TOTP_REQUIRED="false",
               TONGSHENG_RQ_QUEUE=f"ts-memory-{uuid.uuid4().hex[:8]}")
    env.pop("REDIS_URL", None)
    subprocess.run([sys.executable, "-m", "webapp.cli", "demo"], env=env, cwd=folder,
                   check=True, capture_output=True, timeout=300)
    _without_codes(database)
    lazy = dict(env, TONGSHENG_PRELOAD_CLASSIFIER="false")
    pages = page_by_page(env, folder)
    web = {"classifier preloaded, after pages and suggestions": measure_web(env, folder),
           "classifier preloaded, 4 workers, after pages and suggestions":
               measure_web(env, folder, workers=4),
           "lazy, after pages only": measure_web(lazy, folder, submit=False),
           "lazy, after pages and suggestions": measure_web(lazy, folder)}
    worker = None
    if args.redis_url:
        worker = measure_worker(dict(env, REDIS_URL=args.redis_url), folder)
    write(web, worker, database.split("@")[-1].split("/")[-1] if args.database_url
          else "SQLite", pages)
    print(RESULT.read_text())


if __name__ == "__main__":
    main()
