"""Time every staff page, Open311 and the exports over HTTP, with queries per request.

The app runs in this process behind werkzeug's threaded HTTP server on a free port; a
client signs in as the seeded staff of the busiest city and fetches each page. An SQLAlchemy
event counts the statements each request runs; a sampler thread follows the process's
resident memory while an export streams (the client throws the bytes away as they come).
"""

from __future__ import annotations

import json
import logging
import os
import platform
import statistics
import threading
import time
from pathlib import Path

import requests
from sqlalchemy import event, func
from sqlmodel import Session, select
from werkzeug.serving import make_server

from models.people.tables import Account, GroupFacilitator, Role
from models.suggestions.tables import Assignment, Suggestion
from webapp import create_app

from .seed import PASSWORD

RESULTS = Path(__file__).resolve().parents[1] / "results"
PLAN = "hengyang"


class Counter:
    """Statements sent to the database since the last reset."""

    def __init__(self, engine):
        self.count = 0
        event.listen(engine, "before_cursor_execute", self._seen)

    def _seen(self, *_args) -> None:
        self.count += 1


class RssSampler(threading.Thread):
    """The highest resident set size seen while running, from /proc (Linux)."""

    def __init__(self):
        super().__init__(daemon=True)
        self.peak = self.start_rss = rss_mb()
        self.running = True

    def run(self) -> None:
        while self.running:
            self.peak = max(self.peak, rss_mb())
            time.sleep(0.01)

    def stop(self) -> float:
        self.running = False
        self.join()
        return self.peak - self.start_rss


def rss_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def _staff(session: Session) -> dict[str, str]:
    """The seeded coordinator, the busiest agency's staff and a facilitator of the city."""
    def first(query) -> str:
        return session.exec(query.order_by(Account.id)).first()

    busiest = session.exec(
        select(Assignment.agency_id).join(Account, Account.agency_id == Assignment.agency_id)
        .where(Assignment.is_current, Account.plan_id == PLAN,
               Account.username.startswith("bench-"))
        .group_by(Assignment.agency_id).order_by(func.count().desc())).first()
    return {
        "coordinator": first(select(Account.username).where(
            Account.role == Role.COORDINATOR, Account.plan_id == PLAN,
            Account.username.startswith("bench-"))),
        "agency": first(select(Account.username).where(
            Account.agency_id == busiest, Account.username.startswith("bench-"))),
        "facilitator": first(select(Account.username).join(
            GroupFacilitator, GroupFacilitator.account_id == Account.id).where(
            Account.role == Role.FACILITATOR, Account.plan_id == PLAN,
            Account.username.startswith("bench-"))),
    }


PAGES = [
    ("agency", "agency inbox (new)", "/agency/?tab=new"),
    ("agency", "agency inbox (overdue)", "/agency/?tab=overdue"),
    ("agency", "agency inbox (in progress)", "/agency/?tab=progress"),
    ("agency", "agency inbox (answered)", "/agency/?tab=answered"),
    ("agency", "agency inbox (answered), page 5 of 100", "/agency/?tab=answered&page=5&size=100"),
    ("coordinator", "coordinator triage", "/coordinator/?tab=triage"),
    ("coordinator", "coordinator returned", "/coordinator/?tab=returned"),
    ("coordinator", "coordinator reopened", "/coordinator/?tab=reopened"),
    ("coordinator", "coordinator public review", "/coordinator/?tab=review"),
    ("coordinator", "coordinator 督办 overdue", "/coordinator/?tab=overdue"),
    ("coordinator", "coordinator all", "/coordinator/?tab=all"),
    ("coordinator", "coordinator all, page 200", "/coordinator/?tab=all&page=200"),
    ("coordinator", "safeguarding cases", "/safeguarding/"),
    ("coordinator", "coordinator dashboard (本月)", "/coordinator/dashboard/?preset=month"),
    ("coordinator", "coordinator dashboard (全部)", "/coordinator/dashboard/"),
    ("agency", "agency dashboard (本年)", "/dashboards/agency/?preset=year"),
    ("facilitator", "facilitator dashboard (本年)", "/dashboards/facilitator/?preset=year"),
    ("facilitator", "facilitator home", "/facilitator/"),
    ("facilitator", "facilitator review queue", "/facilitator/review/"),
    ("facilitator", "facilitator group page", None),
    ("public", "public board", "/board"),
    ("public", "public board, page 50", "/board?page=50"),
    ("public", "public board, page 50 by its 下一页 link", "BOARD_CURSOR"),
    ("public", "public board (agencies' figures)", "/board/agencies"),
    ("public", "Open311 GET requests.json", f"/open311/v2/requests.json?jurisdiction_id={PLAN}"),
]
EXPORTS = [("export CSV (whole city)", "/coordinator/export.csv"),
           ("export XLSX (whole city)", "/coordinator/export.xlsx")]


def _app(database_url: str):
    return create_app({"DATABASE_URL": database_url, "SECRET_KEY": "scale-benchmark",
                       "STAFF_TOTP_REQUIRED": False, "WTF_CSRF_ENABLED": False,
                       "SESSION_COOKIE_SECURE": False, "REMEMBER_COOKIE_SECURE": False,
                       "RATELIMIT_ENABLED": False, "RATELIMIT_STORAGE_URI": "memory://",
                       # Time the workbook itself over HTTP: the site sends one this big
                       # to the background export, timed on its own below.
                       "EXPORT_XLSX_AT_ONCE": 10**9})


def _signed_in(base: str, username: str) -> requests.Session:
    client = requests.Session()
    reply = client.post(f"{base}/signin/staff", data={"username": username,
                                                      "password": PASSWORD})
    if reply.status_code >= 400 or "/signin" in reply.url:
        raise SystemExit(f"could not sign in as {username}: {reply.status_code} {reply.url}")
    return client


def _time(client, url: str, counter: Counter, repeat: int) -> dict:
    times, queries, size, status = [], [], 0, 0
    for attempt in range(repeat + 1):
        counter.count = 0
        started = time.perf_counter()
        reply = client.get(url)
        elapsed = time.perf_counter() - started
        if attempt:  # the first run warms caches and is not counted
            times.append(elapsed * 1000)
            queries.append(counter.count)
        else:
            first = elapsed * 1000
        size, status = len(reply.content), reply.status_code
    return {"median_ms": statistics.median(times), "queries": sorted(set(queries)),
            "bytes": size, "status": status, "first_ms": first,
            "load": round(os.getloadavg()[0], 1)}


def _export(client, url: str, counter: Counter) -> dict:
    counter.count = 0
    sampler = RssSampler()
    sampler.start()
    started, size = time.perf_counter(), 0
    with client.get(url, stream=True) as reply:
        first = None
        for block in reply.iter_content(64 * 1024):
            first = first or time.perf_counter() - started
            size += len(block)
    return {"seconds": time.perf_counter() - started, "first_byte_s": first or 0.0,
            "extra_mb": sampler.stop(), "bytes": size, "status": reply.status_code,
            "queries": [counter.count], "load": round(os.getloadavg()[0], 1)}


BACKGROUND = ("csv", "xlsx")


def _background(app, username: str, kind: str, counter: Counter) -> dict:
    """The queued export as the worker runs it (``background.export_now``), in this process:
    its time, its peak extra memory, and how often it saved its progress."""
    from models.files import storage
    from models.office import export_jobs
    from webapp.background import export_now

    engine = app.extensions["engine"]
    with Session(engine, expire_on_commit=False) as session:
        account = session.exec(select(Account).where(Account.username == username)).one()
        job = export_jobs.start(session, account, kind, {})
        session.commit()
    counter.count = 0
    sampler = RssSampler()
    sampler.start()
    started = time.perf_counter()
    export_now(engine, job.id, app.extensions["settings"])
    seconds = time.perf_counter() - started
    with Session(engine) as session:
        job = session.get(export_jobs.ExportJob, job.id)
        stored = storage.get(session, job.file_name)
        result = {"seconds": seconds, "first_byte_s": 0.0, "extra_mb": sampler.stop(),
                  "bytes": stored.size, "status": 200 if job.status == "done" else 500,
                  "queries": [counter.count], "rows": job.done_rows, "total": job.total_rows,
                  "load": round(os.getloadavg()[0], 1)}
        storage.remove(session, [job.file_name])
        session.delete(job)
        session.commit()
    return result


def _board_cursor(engine, number: int) -> str:
    """What page ``number - 1``'s "下一页" link carries (so the page is the next one)."""
    from models.office.board import BoardFilter, board_page
    from models.paging import PageRequest

    with Session(engine) as session:
        return board_page(session, BoardFilter(plan_id=PLAN), PageRequest(number - 1)).after


def measure(database_url: str, repeat: int = 7, exports: bool = True,
            csv_only: bool = False) -> dict:
    app = _app(database_url)
    engine = app.extensions["engine"]
    counter = Counter(engine)
    with Session(engine) as session:
        total = session.exec(select(func.count()).select_from(Suggestion)).one()
        in_plan = session.exec(select(func.count()).select_from(Suggestion)
                               .where(Suggestion.plan_id == PLAN)).one()
        staff = _staff(session)
        group_id = session.exec(select(GroupFacilitator.group_id).join(
            Account, Account.id == GroupFacilitator.account_id)
            .where(Account.username == staff["facilitator"])).first()
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    clients = {who: _signed_in(base, name) for who, name in staff.items()}
    clients["public"] = requests.Session()
    routes = {rule.rule for rule in app.url_map.iter_rules()}
    pages = {}
    for who, name, url in PAGES:
        url = url or f"/facilitator/groups/{group_id}"
        if url == "BOARD_CURSOR":
            url = f"/board?page=50&after={_board_cursor(engine, 50)}"
        if url.split("?")[0] not in routes and not url.startswith(("/facilitator/groups",
                                                                   "/open311")):
            continue
        pages[name] = _time(clients[who], base + url, counter, repeat)
        print(f"{name:45} {pages[name]['median_ms']:8.1f} ms  {pages[name]['queries']} queries"
              f"  HTTP {pages[name]['status']}")
    done = {}
    for name, url in (EXPORTS[:1] if csv_only else EXPORTS) if exports else []:
        done[name] = _export(clients["coordinator"], base + url, counter)
        print(f"{name:45} {done[name]['seconds']:8.1f} s  +{done[name]['extra_mb']:.0f} MB")
    server.shutdown()
    for kind in BACKGROUND if exports and not csv_only else []:
        name = f"export {kind.upper()} as a background job (whole city)"
        done[name] = _background(app, staff["coordinator"], kind, counter)
        print(f"{name:45} {done[name]['seconds']:8.1f} s  +{done[name]['extra_mb']:.0f} MB")
    return {"suggestions": total, "plan": PLAN, "plan_suggestions": in_plan,
            "database": engine.dialect.name, "repeat": repeat, "pages": pages, "exports": done,
            "machine": f"{platform.machine()}, {os.cpu_count()} cores (shared)",
            "load_average": round(os.getloadavg()[0], 1),
            "measured_at": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}


HISTORY = RESULTS / "scale-history"
EXPORTS_FIRST = "# the exports, measured first:\n"
PAGES_AGAIN = "\n# the pages, measured again:\n"


def save(result: dict, command: str) -> Path:
    RESULTS.mkdir(exist_ok=True)
    result["command"] = command
    path = RESULTS / f"scale-{result['database']}-{result['suggestions']}.json"
    if path.exists() and result["exports"]:
        keep(path)
    if not result["exports"] and path.exists():
        # A pages-only run (--no-exports) keeps the exports measured before on this database.
        before = json.loads(path.read_text())
        result["exports"] = before.get("exports", {})
        exports_command = before.get("command", "").removeprefix(EXPORTS_FIRST)
        exports_command = exports_command.split(PAGES_AGAIN)[0]  # one earlier pages run is enough
        result["command"] = EXPORTS_FIRST + exports_command + PAGES_AGAIN + command
    path.write_text(json.dumps(result, ensure_ascii=False, indent=1))
    return path


def keep(path: Path) -> Path:
    """Move an earlier result into the history (the report lists it under the new table)."""
    earlier = json.loads(path.read_text())
    HISTORY.mkdir(exist_ok=True)
    stamp = earlier["measured_at"].replace(" UTC", "").replace(" ", "-").replace(":", "")
    target = HISTORY / f"{stamp}-{path.name}"
    path.rename(target)
    return target
