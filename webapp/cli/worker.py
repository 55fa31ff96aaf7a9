"""`tongsheng worker` and `tongsheng scheduler`: the queue side of a deployment.

The worker runs RQ's own worker on the app's queue, with RQ's scheduler for jobs queued for
a later moment (``enqueue_at``/``enqueue_in``); any number of workers may run, on any node.
The scheduler is RQ's cron scheduler: it puts the periodic jobs (the deadline sweep, the
nightly retention run) on the queue; run exactly one per deployment. Both read everything
from the environment (REDIS_URL, DATABASE_URL, TONGSHENG_*) and import only what jobs need.
"""

from __future__ import annotations

import click
from flask import Flask

from webapp import create_job_app, jobs

SWEEP_EVERY = 300
# Seconds a sweep may run: at a million suggestions its dashboard snapshots take minutes
# (benchmarks/results/scale.md), beyond RQ's default of 180.
SWEEP_TIMEOUT = 1800
RETENTION_CRON = "30 3 * * *"  # 03:30 server time, nightly


def _redis(app: Flask):
    from redis import Redis

    url = app.config.get("REDIS_URL")
    if not url:
        raise click.ClickException("set REDIS_URL: the worker and the scheduler take their "
                                   "jobs from Redis")
    return Redis.from_url(url)


def _queue_name(app: Flask) -> str:
    return app.extensions["settings"].queue


def run_worker(*, burst: bool = False, name: str | None = None) -> None:
    """Work the app's queue until stopped (or, with burst, until it is empty)."""
    from rq import Queue, Worker

    app = jobs.prepare_worker_app()
    connection = _redis(app)
    queue = Queue(_queue_name(app), connection=connection)
    Worker([queue], connection=connection, name=name).work(
        burst=burst, with_scheduler=True, logging_level="INFO")


def cron_scheduler(app: Flask, *, sweep_every: int, retention_cron: str | None):
    """RQ's cron scheduler with the periodic jobs registered; ``start()`` runs it."""
    from rq.cron import CronScheduler

    scheduler = CronScheduler(connection=_redis(app), logging_level="INFO")
    queue = _queue_name(app)
    scheduler.register(jobs.sweep_from_env, queue, interval=sweep_every, name="sweep",
                       job_timeout=SWEEP_TIMEOUT)
    if retention_cron:
        scheduler.register(jobs.retention_from_env, queue, cron=retention_cron,
                           name="retention")
    return scheduler


@click.command("worker")
@click.option("--burst", is_flag=True, help="Stop once the queue is empty.")
@click.option("--name", default=None, help="The worker's name in RQ (default: host and pid).")
def worker(burst: bool, name: str | None) -> None:
    """Run an RQ worker for TongSheng's queue (mail, sweeps, retention, escalations)."""
    run_worker(burst=burst, name=name)


@click.command("scheduler")
@click.option("--sweep-every", default=SWEEP_EVERY, show_default=True, type=int,
              help="Seconds between deadline sweeps (督办 and reminders).")
@click.option("--retention-cron", default=RETENTION_CRON, show_default=True,
              help="When the retention job runs (cron syntax); empty to leave it to cron.")
def scheduler(sweep_every: int, retention_cron: str) -> None:
    """Put the periodic jobs on the queue; run one scheduler per deployment."""
    app = create_job_app()
    cron_scheduler(app, sweep_every=sweep_every, retention_cron=retention_cron or None).start()
