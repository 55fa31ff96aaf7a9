"""python -m benchmarks.scale seed|measure|report"""

from __future__ import annotations

import argparse
import os
import shlex
import sys
import time

from models.db import make_engine
from webapp.db import upgrade_database

from . import measure, report, seed


def _url(given: str | None) -> str:
    url = given or os.environ.get("DATABASE_URL")
    if not url:
        raise SystemExit("set DATABASE_URL or pass --database-url")
    return url


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.scale")
    commands = parser.add_subparsers(dest="command", required=True)
    seeding = commands.add_parser("seed", help="add N suggestions with their histories")
    seeding.add_argument("--suggestions", type=int, required=True)
    seeding.add_argument("--seed", type=int, default=2026, help="random seed")
    seeding.add_argument("--base", type=int, default=seed.BASE,
                         help="suggestions drawn one by one; the rest are copies of them")
    timing = commands.add_parser("measure", help="time the pages; write the results")
    timing.add_argument("--repeat", type=int, default=7)
    timing.add_argument("--no-exports", action="store_true")
    timing.add_argument("--csv-only", action="store_true",
                        help="of the exports, only the streamed CSV (the others take long)")
    timing.add_argument("--seeded", action="append", default=[],
                        help="the seed command(s) that made this database, for the record")
    commands.add_parser("report", help="rewrite scale.md from the saved results")
    for sub in (seeding, timing):
        sub.add_argument("--database-url")
    args = parser.parse_args(argv)
    if args.command == "seed":
        url = _url(args.database_url)
        upgrade_database(url)
        engine = make_engine(url)
        started = time.perf_counter()
        rows = seed.seed(engine, args.suggestions, rng_seed=args.seed, base=args.base)
        engine.dispose()
        print(f"seeded in {time.perf_counter() - started:.0f} s: "
              + ", ".join(f"{table} {n:,}" for table, n in rows.items()))
    elif args.command == "measure":
        result = measure.measure(_url(args.database_url), args.repeat, not args.no_exports,
                                 csv_only=args.csv_only)
        command = "\n".join(args.seeded + [
            shlex.join(["python", "-m", "benchmarks.scale"] + (argv or sys.argv[1:]))])
        print(measure.save(result, command), report.write())
    else:
        print(report.write())


if __name__ == "__main__":
    main()
