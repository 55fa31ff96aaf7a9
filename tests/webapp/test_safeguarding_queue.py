"""An unacknowledged case escalates through the real queue (Redis), at the moment it falls due.

The job is scheduled for the case's due time; the test moves the clock past it and hands the
job to a worker, instead of sleeping for half an hour.
"""

from __future__ import annotations

from datetime import UTC, timedelta

from models.safety import safeguarding
from tests.models.test_safeguarding_duty import clock, disclose, told  # noqa: F401
from tests.webapp.test_jobs import _work, needs_redis, queued  # noqa: F401
from webapp.db import commit


def _scheduled(queue) -> list[tuple[str, object]]:
    registry = queue.scheduled_job_registry
    return [(job_id, registry.get_scheduled_time(job_id)) for job_id in registry.get_job_ids()]


def _run_now(queue, job_id: str) -> None:
    """The scheduler's part: the job's time has come, so it goes to the queue."""
    job = queue.fetch_job(job_id)
    queue.scheduled_job_registry.remove(job)
    queue.enqueue_job(job)
    _work(queue)


@needs_redis
def test_an_unacknowledged_case_escalates_on_the_queue(queued, session, clock):  # noqa: F811
    queue, _mail = queued
    case = disclose(session)
    commit(session)  # the owner's commit hands the escalation timer to the queue
    [(job_id, when)] = _scheduled(queue)
    assert abs(when.replace(tzinfo=UTC) - case.due_at) < timedelta(seconds=1)
    assert case.due_at == clock.now + timedelta(minutes=30)
    assert told(session, case) == {"coordinator"}

    clock.advance(minutes=10)  # a job that runs early changes nothing and waits again
    _run_now(queue, job_id)
    session.refresh(case)
    assert case.escalation_level == 0
    [(job_id, _when)] = _scheduled(queue)

    clock.advance(minutes=21)
    _run_now(queue, job_id)
    session.refresh(case)
    assert case.escalation_level == 1 and told(session, case) == {"coordinator", "safeguarding"}
    assert any("第 1 次升级" in e.text for e in safeguarding.history(session, case))
    [(_next, when)] = _scheduled(queue)
    assert abs(when.replace(tzinfo=UTC) - case.due_at) < timedelta(seconds=1)
    assert queue.failed_job_registry.count == 0
