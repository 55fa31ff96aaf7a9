"""What leaves the request: work that must wait for the commit, handed to the queue.

With Redis (``Settings.redis_url``) staff e-mail, web push, escalation timers and long
exports go to RQ, and ``tongsheng worker`` runs them. Without Redis nothing slow happens in
the request: the e-mail stays in the outbox (``Notification.wants_email`` not yet
``emailed_at``) and ``tongsheng sweep`` (cron, every few minutes) sends it and escalates
whatever is due; a web push (one short POST per device) is sent right after the commit, and
the sweep sends whatever failed.

Jobs are named by their dotted path, so this module never imports ``webapp.jobs`` (the
worker's side, which builds its own app).
"""

from __future__ import annotations

import logging

from sqlmodel import Session

from models.notices import notifications, push
from models.office import export_jobs
from models.safety.safeguarding import CASES_OPENED, SafeguardingCase
from models.settings import Settings, bind, settings_of

log = logging.getLogger("tongsheng.jobs")
JOBS = "webapp.jobs."


def after_commit(session: Session) -> None:
    """Queue the escalation of new cases and the e-mail a commit asked for (Redis only).

    A failure never undoes the click: the sweep escalates and sends whatever was left.
    """
    settings = settings_of(session)
    opened = session.info.pop(CASES_OPENED, [])
    mail = session.info.pop(notifications.MAIL_PENDING, False)
    pushes = session.info.pop(push.PUSH_PENDING, False) and settings.push is not None
    if not settings.redis_url:
        if pushes:  # a push is short and the child waits for it: sent now, here
            settings.push.deliver_now(settings)
        return  # the e-mail outbox waits for `tongsheng sweep`
    if pushes:
        try:
            queue(settings).enqueue(JOBS + "deliver_push_from_env")
        except Exception:  # noqa: BLE001 - it stays pending; the next sweep sends it
            log.exception("web push left for the next sweep")
    try:
        for case_id in opened:
            schedule_escalation(session, case_id)
    except Exception:  # noqa: BLE001 - the sweep escalates what the queue could not take
        log.exception("safeguarding escalation left for the sweep")
    if mail:
        try:
            queue(settings).enqueue(JOBS + "deliver_mail_from_env")
        except Exception:  # noqa: BLE001 - the mail stays pending; the next sweep sends it
            log.exception("staff e-mail left for the next sweep")


def queue(settings: Settings):
    """The site's RQ queue (only when Redis is configured)."""
    from redis import Redis
    from rq import Queue

    return Queue(settings.queue, connection=Redis.from_url(settings.redis_url))


def schedule_escalation(session: Session, case_id: int) -> None:
    """The case's next escalation check, on the queue, at the moment it falls due."""
    case = session.get(SafeguardingCase, case_id)
    if case is not None and case.due_at is not None:
        queue(settings_of(session)).enqueue_at(case.due_at, JOBS + "escalate_case_from_env",
                                               case_id)


def run_export(session: Session, job_id: int) -> None:
    """Build an export on the queue when there is one, here and now otherwise."""
    settings = settings_of(session)
    if settings.redis_url:
        queue(settings).enqueue(JOBS + "export_from_env", job_id, job_timeout=6 * 3600)
        return
    export_now(session.get_bind(), job_id, settings)


def export_now(engine, job_id: int, settings: Settings) -> None:
    """One export, in a session of its own (the export saves its progress as it goes)."""
    with bind(Session(engine, expire_on_commit=False), settings) as session:
        export_jobs.run(session, job_id)
