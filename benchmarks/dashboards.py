"""Times each dashboard (the coordinator's, the busiest agency's, a facilitator's) on a seeded
database, with the number of queries each needs, and writes benchmarks/results/dashboards.md.

    python -m benchmarks.scale seed --suggestions N --database-url URL
    python -m benchmarks.dashboards --database-url URL
"""

from __future__ import annotations

import argparse
import statistics
import time
from datetime import date
from pathlib import Path

from sqlalchemy import event, func, select
from sqlmodel import Session

from models.common import CHINA, utcnow
from models.db import make_engine
from models.office import dashboard, figures, group_figures
from models.people.tables import GroupFacilitator
from models.suggestions.tables import Assignment, Suggestion

PLAN = "hengyang"
RESULTS = Path(__file__).parent / "results" / "dashboards.md"


def _subjects(session: Session) -> tuple[int, int]:
    """The agency that leads most and the facilitator with the most groups' suggestions."""
    agency = session.execute(select(Assignment.agency_id).group_by(Assignment.agency_id)
                             .order_by(func.count().desc()).limit(1)).scalar_one()
    facilitator = session.execute(
        select(GroupFacilitator.account_id)
        .join(Suggestion, Suggestion.group_id == GroupFacilitator.group_id)
        .group_by(GroupFacilitator.account_id).order_by(func.count().desc()).limit(1)
    ).scalar_one()
    return agency, facilitator


def _timed(session: Session, build, repeat: int) -> tuple[float, int]:
    queries: list[int] = []
    engine = session.get_bind()

    def seen(*_args):
        queries.append(1)
    times = []
    event.listen(engine, "before_cursor_execute", seen)
    try:
        for _ in range(repeat):
            queries.clear()
            start = time.perf_counter()
            build()
            times.append(time.perf_counter() - start)
    finally:
        event.remove(engine, "before_cursor_execute", seen)
    return statistics.median(times), len(queries)


def measure(url: str, repeat: int) -> list[tuple[str, str, float, int]]:
    engine = make_engine(url)
    today = utcnow().astimezone(CHINA).date()
    periods = {"本年": (date(today.year, 1, 1), today), "全部": (None, None)}
    rows = []
    with Session(engine) as session:
        total = session.execute(select(func.count()).select_from(Suggestion)).scalar_one()
        agency, facilitator = _subjects(session)
        groups = list(group_figures.facilitator_groups(session, facilitator))
        for name, (first, last) in periods.items():
            span = {"plan_id": PLAN, "first": first, "last": last}
            builds = {
                "coordinator": lambda s=span: dashboard.build(session, **s),
                "agency": lambda s=span: dashboard.build(
                    session, scope=figures.for_agency(agency),
                    keys=dashboard.AGENCY_BREAKDOWNS, **s),
                "facilitator": lambda s=span: dashboard.build_for_groups(session, groups, **s),
            }
            for who, build in builds.items():
                seconds, queries = _timed(session, build, repeat)
                rows.append((who, name, seconds, queries))
    return [("suggestions", str(total), 0.0, 0), *rows]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    found = measure(args.database_url, args.repeat)
    (_, total, _, _), rows = found[0], found[1:]
    lines = [f"# Dashboards on {total} suggestions ({args.database_url.split(':')[0]})", "",
             "| dashboard | period | median seconds | queries |", "|---|---|---|---|"]
    lines += [f"| {who} | {name} | {seconds:.3f} | {queries} |"
              for who, name, seconds, queries in rows]
    RESULTS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
