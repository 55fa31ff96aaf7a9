"""The dashboards with and without their snapshots, over HTTP on a seeded database, and how
long the sweep's part (counting every city's and agency's standard periods) takes.

    python -m benchmarks.scale seed --suggestions N --database-url URL
    python -m benchmarks.snapshots --database-url URL

"before": the site with ``DASHBOARD_SNAPSHOT_MINUTES=0`` (no snapshot is ever fresh, so
every page counts its figures itself, as before snapshots); "after": the default 15
minutes, right after the sweep's refresh. Prints a Markdown table for scale.md.
"""

from __future__ import annotations

import argparse
import logging
import os
import threading
import time

from sqlalchemy import delete
from sqlmodel import Session
from werkzeug.serving import make_server

from benchmarks.scale.measure import Counter, _signed_in, _staff, _time
from models.office import rollup, snapshots
from models.settings import bind
from webapp import create_app

PAGES = [
    ("coordinator", "coordinator dashboard (本月)", "/coordinator/dashboard/?preset=month"),
    ("coordinator", "coordinator dashboard (本年)", "/coordinator/dashboard/?preset=year"),
    ("coordinator", "coordinator dashboard (全部)", "/coordinator/dashboard/"),
    ("agency", "agency dashboard (本月)", "/dashboards/agency/?preset=month"),
    ("agency", "agency dashboard (本年)", "/dashboards/agency/?preset=year"),
    ("agency", "agency dashboard (全部)", "/dashboards/agency/"),
]
# Periods no snapshot covers: read from the per-day rollup (``models.office.rollup``).
CHOSEN = [
    ("coordinator", "coordinator dashboard (最近 30 天)", "/coordinator/dashboard/?days=30"),
    ("coordinator", "coordinator dashboard (最近 90 天)", "/coordinator/dashboard/?days=90"),
    ("coordinator", "coordinator dashboard (2025-01-01 to 2025-12-31)",
     "/coordinator/dashboard/?from=2025-01-01&to=2025-12-31"),
    ("agency", "agency dashboard (最近 30 天)", "/dashboards/agency/?days=30"),
    ("agency", "agency dashboard (2025-01-01 to 2025-12-31)",
     "/dashboards/agency/?from=2025-01-01&to=2025-12-31"),
]


def _app(url: str, minutes: int):
    return create_app({"DATABASE_URL": url, "SECRET_KEY": "scale-benchmark",
                       "STAFF_TOTP_REQUIRED": False, "WTF_CSRF_ENABLED": False,
                       "SESSION_COOKIE_SECURE": False, "REMEMBER_COOKIE_SECURE": False,
                       "RATELIMIT_ENABLED": False, "RATELIMIT_STORAGE_URI": "memory://",
                       "DASHBOARD_SNAPSHOT_MINUTES": minutes})


def pages(url: str, minutes: int, repeat: int, chosen=PAGES) -> dict[str, dict]:
    app = _app(url, minutes)
    engine = app.extensions["engine"]
    counter = Counter(engine)
    with Session(engine) as session:
        staff = _staff(session)
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    clients = {who: _signed_in(base, staff[who]) for who in ("coordinator", "agency")}
    found = {}
    for who, name, path in chosen:
        found[name] = _time(clients[who], base + path, counter, repeat)
        print(f"{name:35} {found[name]['median_ms']:8.0f} ms  {found[name]['queries']} q",
              flush=True)
    server.shutdown()
    engine.dispose()
    return found


def refresh(url: str) -> tuple[float, int]:
    """The sweep's part, as ``webapp.jobs.sweep_now`` runs it (every city, then commit)."""
    app = _app(url, 15)
    with bind(Session(app.extensions["engine"]), app.extensions["settings"]) as session:
        started = time.perf_counter()
        written = 0
        for plan_id in snapshots.plans(session):
            written += snapshots.refresh(session, plan_id)
            session.commit()
        seconds = time.perf_counter() - started
    app.extensions["engine"].dispose()
    print(f"sweep refresh: {seconds:.1f} s, {written} snapshots", flush=True)
    return seconds, written


def rollup_refresh(url: str) -> dict[str, float]:
    """The rollup's part of the sweep: the daily full count, then a catch-up with nothing
    new (what a sweep a few minutes later does on a quiet site)."""
    app = _app(url, 15)
    took = {}
    with bind(Session(app.extensions["engine"]), app.extensions["settings"]) as session:
        for kind in ("full", "catch-up"):
            started = time.perf_counter()
            for plan_id in snapshots.plans(session):
                if kind == "full":
                    session.execute(delete(rollup.DashboardRollupMark).where(
                        rollup.DashboardRollupMark.plan_id == plan_id))
                rollup.refresh(session, plan_id)
                session.commit()
            took[kind] = time.perf_counter() - started
            print(f"rollup {kind}: {took[kind]:.1f} s", flush=True)
    app.extensions["engine"].dispose()
    return took


def with_rollup(url: str, repeat: int) -> None:
    """Every dashboard read from the rollup (no snapshot fresh), chosen periods too."""
    took = rollup_refresh(url)
    found = pages(url, 0, repeat, PAGES + CHOSEN)
    print("\n| page | from the rollup |\n|---|---|")
    for _who, name, _path in PAGES + CHOSEN:
        a = found[name]
        print(f"| {name} | {a['median_ms']:.0f} ms, {a['queries'][0]} q [load {a['load']}] |")
    print(f"\nrollup: full count {took['full']:.1f} s, catch-up {took['catch-up']:.1f} s "
          f"[load {os.getloadavg()[0]:.1f}]")


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.snapshots")
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL"))
    parser.add_argument("--repeat-before", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--rollup", action="store_true",
                        help="time the rollup's refresh and every dashboard read from it")
    args = parser.parse_args()
    if args.rollup:
        with_rollup(args.database_url, args.repeat)
        return
    before = pages(args.database_url, 0, args.repeat_before)
    seconds, written = refresh(args.database_url)
    after = pages(args.database_url, 15, args.repeat)
    print("\n| page | before (counted on the spot) | after (snapshot) |\n|---|---|---|")
    for _who, name, _path in PAGES:
        b, a = before[name], after[name]
        print(f"| {name} | {b['median_ms']:.0f} ms, {b['queries'][0]} q [load {b['load']}] "
              f"| {a['median_ms']:.0f} ms, {a['queries'][0]} q [load {a['load']}] |")
    print(f"\nsweep's refresh: {seconds:.1f} s for {written} snapshots "
          f"[load {os.getloadavg()[0]:.1f}]")


if __name__ == "__main__":
    main()
