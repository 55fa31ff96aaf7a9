"""The full load run of checklist 22, by hand: ``python -m benchmarks.load.run``.

200 users for 10 minutes against gunicorn and a private PostgreSQL cluster (needs root);
writes requests, errors, p95 and lost to benchmarks/results/load_full.json and exits
non-zero when a suggestion was lost, errors reach 1 % or p95 reaches one second.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from . import harness


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--seconds", type=int, default=600)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--name", default="load_full", help="results file name")
    options = parser.parse_args(argv)
    postgres = harness.PrivatePostgres()
    try:
        with tempfile.TemporaryDirectory() as folder:
            server = harness.Server(postgres.url, Path(folder), workers=options.workers).start()
            try:
                harness.run_load(server.url, users=3, seconds=3)
                tally = harness.run_load(server.url, users=options.users,
                                         seconds=options.seconds)
                report = harness.summary(options.name, tally,
                                         harness.check_database(postgres.url, tally.acked),
                                         users=options.users, seconds=options.seconds)
            finally:
                server.stop()
    finally:
        postgres.close()
    sys.stdout.write(json.dumps(report, ensure_ascii=False, indent=2) + "\n")
    good = (report["lost"] == 0 and report["errors"] < 0.01 * max(report["requests"], 1)
            and report["p95_seconds"] < 1.0 and report["integrity"] == "ok")
    return 0 if good else 1


if __name__ == "__main__":
    raise SystemExit(main())
