"""Background work: RQ on a real Redis when REDIS_URL is set, synchronously otherwise."""

from __future__ import annotations

import os
import uuid
from datetime import timedelta

import pytest
from click.testing import CliRunner
from sqlmodel import select

from models.notices import push
from models.notices.notifications import Notification
from tests.flow import answer_it, dispatched, member, new_suggestion
from webapp import jobs, settings
from webapp.cli.commands import cli
from webapp.db import commit

REDIS = os.environ.get("REDIS_TEST_URL", "")
needs_redis = pytest.mark.skipif(not REDIS, reason="REDIS_TEST_URL is not set")


@pytest.fixture
def queued(app, database_url, tmp_path, monkeypatch):
    """The app with a real Redis queue of its own; the worker builds its app from this env."""
    from redis import Redis
    from rq import Queue

    name = f"ts-test-{uuid.uuid4().hex[:8]}"
    mail = tmp_path / "mail"
    env = {"DATABASE_URL": database_url, "REDIS_URL": REDIS, "TONGSHENG_RQ_QUEUE": name,
           "TONGSHENG_MAIL_BACKEND": "file", "TONGSHENG_MAIL_FOLDER": str(mail),
           "TONGSHENG_SECRET_KEY": "test", "TONGSHENG_PRIVACY_NOTICE_VERSION": "2026-11"}
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    monkeypatch.setattr(jobs, "_job_app", None)  # the worker's app comes from this env
    app.config.update(REDIS_URL=REDIS, RQ_QUEUE=name)
    settings.init_app(app)
    redis = Redis.from_url(REDIS)
    queue = Queue(name, connection=redis)
    yield queue, mail
    queue.empty()
    for registry in (queue.scheduled_job_registry, queue.finished_job_registry,
                     queue.failed_job_registry):
        for job_id in registry.get_job_ids():
            registry.remove(job_id, delete_job=True)
    redis.close()


def _work(queue) -> None:
    from rq import SimpleWorker

    SimpleWorker([queue], connection=queue.connection).work(burst=True)


def _mail_sent(session, item) -> list[Notification]:
    query = select(Notification).where(Notification.suggestion_id == item.id,
                                       Notification.wants_email)
    rows = session.exec(query).all()
    for row in rows:
        session.refresh(row)
    return [row for row in rows if row.emailed_at is not None]


@needs_redis
def test_with_redis_staff_mail_waits_for_the_worker(queued, session):
    queue, mail = queued
    item = dispatched(session)
    commit(session)  # the transaction owner's commit hands the mail to the queue
    assert queue.count >= 1, "the commit queued a mail job instead of sending inline"
    assert _mail_sent(session, item) == [] and not list(mail.glob("*.eml"))
    _work(queue)
    assert _mail_sent(session, item), "the worker sent it and marked it"
    assert any(b"agency1@" in m.read_bytes() for m in mail.glob("*.eml"))
    assert queue.failed_job_registry.count == 0


@needs_redis
def test_with_redis_a_web_push_waits_for_the_worker(queued, session, monkeypatch):
    from tests.webapp.test_push import Device, PushService

    queue, _mail = queued
    service = PushService()
    key = push.new_private_pem()
    monkeypatch.setenv("TONGSHENG_VAPID_PRIVATE_KEY", key)
    monkeypatch.setenv("TONGSHENG_PUSH_SERVICES", service.url)
    try:
        item = new_suggestion(session)
        device = Device(service.url + "/push/worker")
        keys = push.PushKeys(private_pem=key, subject="mailto:x@example.org",
                             services=(service.url,))
        push.subscribe(session, keys, endpoint=device.subscription["endpoint"],
                       suggestions=[item], member_id=member(session).id,
                       **device.subscription["keys"])
        answer_it(session, item)
        commit(session)  # the transaction owner's commit hands the push to the queue
        assert queue.count >= 1 and service.requests == []
        _work(queue)
        assert len(service.requests) == 1
        assert device.read(service.requests[0]["body"])["body"] == "你的建议有新消息"
        assert queue.failed_job_registry.count == 0
    finally:
        service.close()


@needs_redis
def test_the_scheduler_puts_the_sweep_on_the_queue_for_the_worker(queued, session):
    from webapp.cli.worker import cron_scheduler

    queue, _mail = queued
    item = dispatched(session)
    item.sign_due = item.sign_due.replace(year=2020)
    session.add(item)
    session.commit()
    scheduler = cron_scheduler(jobs.prepare_worker_app(), sweep_every=600, retention_cron=None)
    assert [job.name for job in scheduler.enqueue_jobs()] == ["sweep"]
    assert scheduler.enqueue_jobs() == [], "the next sweep waits for its interval"
    _work(queue)
    session.refresh(item)
    assert item.overdue, "the queued sweep flagged the late item for 督办"
    assert queue.failed_job_registry.count == 0


def test_without_redis_the_sweep_command_runs_at_once(app, database_url, session,
                                                      monkeypatch):
    item = dispatched(session)
    item.sign_due = item.sign_due - timedelta(days=400)
    session.add(item)
    session.commit()
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setenv("TONGSHENG_SECRET_KEY", "test")
    monkeypatch.delenv("REDIS_URL", raising=False)
    result = CliRunner().invoke(cli, ["sweep"])
    assert result.exit_code == 0 and "overdue: 1" in result.output
    session.refresh(item)
    assert item.overdue


def test_the_worker_needs_redis(monkeypatch, database_url):
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setenv("TONGSHENG_SECRET_KEY", "test")
    monkeypatch.delenv("REDIS_URL", raising=False)
    monkeypatch.setattr(jobs, "_job_app", None)
    result = CliRunner().invoke(cli, ["worker", "--burst"])
    assert result.exit_code != 0 and "REDIS_URL" in result.output
