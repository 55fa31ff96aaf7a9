"""The dashboards with and without what the sweep counts ahead (the per-day rollup and the
standard periods' snapshots summed from it), over HTTP on a seeded database, and how long
the sweep's part takes.

    python -m benchmarks.scale seed --suggestions N --database-url URL
    python -m benchmarks.snapshots --database-url URL

"before": the site with ``DASHBOARD_SNAPSHOT_MINUTES=0`` (nothing counted ahead is ever
fresh, so every page counts its figures itself); "after": the default 15 minutes, right
after the sweep's part. Prints a Markdown table for scale.md.
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
from models.common import utcnow
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


def refresh(url: str) -> dict[str, tuple[float, int]]:
    """The sweep's part, as ``webapp.jobs.sweep_now`` runs it (per city: the rollup, then
    the snapshots summed from it, then commit): first a whole count (as once a day), then a
    catch-up (as every few minutes)."""
    app = _app(url, 15)
    took = {}
    with bind(Session(app.extensions["engine"]), app.extensions["settings"]) as session:
        for kind in ("whole count", "catch-up"):
            started, written = time.perf_counter(), 0
            for plan_id in snapshots.plans(session):
                if kind == "whole count":
                    session.execute(delete(rollup.DashboardRollupMark).where(
                        rollup.DashboardRollupMark.plan_id == plan_id))
                now = utcnow()
                rollup.refresh(session, plan_id, now=now)
                written += snapshots.refresh(session, plan_id, now=now)
                session.commit()
            took[kind] = (time.perf_counter() - started, written)
            print(f"sweep ({kind}): {took[kind][0]:.1f} s, {written} snapshots", flush=True)
    app.extensions["engine"].dispose()
    return took


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.snapshots")
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL"))
    parser.add_argument("--repeat-before", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    before = pages(args.database_url, 0, args.repeat_before, PAGES + CHOSEN)
    took = refresh(args.database_url)
    after = pages(args.database_url, 15, args.repeat, PAGES + CHOSEN)
    print("\n| page | before (counted on the spot) | after (snapshot or rollup) |\n|---|---|---|")
    for _who, name, _path in PAGES + CHOSEN:
        b, a = before[name], after[name]
        print(f"| {name} | {b['median_ms']:.0f} ms, {b['queries'][0]} q [load {b['load']}] "
              f"| {a['median_ms']:.0f} ms, {a['queries'][0]} q [load {a['load']}] |")
    for kind, (seconds, written) in took.items():
        print(f"\nsweep's dashboards ({kind}): {seconds:.1f} s, {written} snapshots")
    print(f"[load {os.getloadavg()[0]:.1f}]")


if __name__ == "__main__":
    main()
