"""`tongsheng worker`: the RQ worker for this app's queue, with the scheduler for the sweeps."""

from __future__ import annotations

import click

from . import create_app


@click.command()
@click.option("--burst", is_flag=True, help="Stop when the queue is empty (for tests and cron).")
def worker(burst: bool) -> None:
    """Run the queue worker (notifications, deadline sweeps, exports); needs REDIS_URL."""
    from redis import Redis
    from rq import Queue, Worker

    app = create_app()
    settings = app.extensions["tongsheng_jobs"]
    if not settings["redis_url"]:
        raise click.ClickException("REDIS_URL is not set: without a queue, jobs run inline.")
    connection = Redis.from_url(settings["redis_url"])
    queue = Queue(settings["queue"], connection=connection)
    click.echo(f"worker on queue {queue.name}")
    Worker([queue], connection=connection).work(burst=burst, with_scheduler=True)
