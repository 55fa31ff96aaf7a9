"""Background work: RQ on Redis when REDIS_URL is set, synchronously otherwise."""

from __future__ import annotations

import logging
from pathlib import Path

from flask import Flask
from sqlalchemy import event
from sqlmodel import Session

from models.notices import notifications
from models.safety.duty import (
    CASES_OPENED,
    DutyRule,
    configure_duty,
    escalate,
    escalate_due,
)
from models.safety.safeguarding import SafeguardingCase
from models.suggestions.handling import ConsentRule, configure_consent

QUEUE_NAME = "tongsheng"
log = logging.getLogger("tongsheng.jobs")


def init_app(app: Flask) -> None:
    """Configure the domain from the app (mail, consent rule); mail goes out after commit."""
    notifications.configure(mail_backend(app))
    configure_consent(ConsentRule(notice_version=app.config["PRIVACY_NOTICE_VERSION"],
                                  consent_age=int(app.config["CONSENT_AGE"])))
    configure_duty(DutyRule(ack_minutes=int(app.config["SAFEGUARDING_ACK_MINUTES"])))
    app.extensions["tongsheng_jobs"] = {"redis_url": app.config.get("REDIS_URL"),
                                        "queue": app.config.get("RQ_QUEUE", QUEUE_NAME),
                                        "database_url": app.config["DATABASE_URL"]}
    if not getattr(Session, "_tongsheng_mail_hook", False):
        event.listen(Session, "after_commit", _after_commit)
        Session._tongsheng_mail_hook = True
    _settings.update(app.extensions["tongsheng_jobs"])


_settings: dict = {}


def mail_backend(app: Flask):
    """log (default), file (MAIL_FOLDER or instance/mail) or smtp (MAIL_HOST)."""
    kind = app.config.get("MAIL_BACKEND", "log")
    if kind == "file":
        return notifications.FileBackend(app.config.get("MAIL_FOLDER")
                                         or Path(app.instance_path) / "mail")
    if kind == "smtp":
        return notifications.SmtpBackend(app.config["MAIL_HOST"],
                                         int(app.config.get("MAIL_PORT", 25)),
                                         app.config.get("MAIL_SENDER", "tongsheng@localhost"))
    return notifications.LogBackend()


def _after_commit(session: Session) -> None:
    """Queue the escalation of new cases, send (or queue) the e-mail a commit asked for.

    A failure never undoes the click: the sweep escalates and sends whatever was left.
    """
    opened = session.info.pop(CASES_OPENED, [])
    if opened and _settings.get("redis_url"):
        try:
            for case_id in opened:
                _schedule_escalation(session, case_id)
        except Exception:  # noqa: BLE001 - the sweep escalates what the queue could not take
            log.exception("safeguarding escalation left for the sweep")
    if not session.info.pop(notifications.MAIL_PENDING, False):
        return
    try:
        if _settings.get("redis_url"):
            _queue().enqueue(deliver_mail_from_env)
            return
        with Session(session.get_bind(), expire_on_commit=False) as mail_session:
            notifications.deliver_pending(mail_session)
    except Exception:  # noqa: BLE001 - the mail stays pending; the next sweep sends it
        log.exception("staff e-mail left for the next sweep")


def _queue():
    from redis import Redis
    from rq import Queue

    return Queue(_settings.get("queue", QUEUE_NAME),
                 connection=Redis.from_url(_settings["redis_url"]))


_job_app = None


def _env_app():
    """A worker's app, built once from its own environment (DATABASE_URL, TONGSHENG_*).

    ``tongsheng worker`` builds it before RQ forks a work horse per job, so every job
    shares that copy instead of importing and configuring the site again.
    """
    global _job_app
    if _job_app is None:
        from webapp import create_job_app

        _job_app = create_job_app()
    return _job_app


def prepare_worker_app():
    """Build the job app in the worker's main process, with no connection open across the
    fork that RQ makes for every job."""
    app = _env_app()
    app.extensions["engine"].dispose()
    return app


def deliver_mail_from_env() -> int:
    """Queue job: send every staff e-mail that is waiting (safe to run twice)."""
    app = _env_app()
    with Session(app.extensions["engine"], expire_on_commit=False) as session:
        return notifications.deliver_pending(session)


def sweep_now(engine) -> dict:
    """Recompute overdue flags, send reminders, escalate cases nobody has taken in hand,
    delete finished exports past their time."""
    from models.office.export_jobs import expire
    from models.plans.versions import sync
    from models.suggestions.deadlines import sweep

    with Session(engine, expire_on_commit=False) as session:
        sync(session)
        result = sweep(session)
        escalated = escalate_due(session)
        notifications.deliver_pending(session)
        exports_deleted = expire(session)
    return {"overdue": len(result.became_overdue), "cleared": len(result.no_longer_overdue),
            "due_soon": len(result.due_soon), "escalated": len(escalated),
            "exports_deleted": exports_deleted}


def _schedule_escalation(session: Session, case_id: int) -> None:
    """The case's next escalation check, on the queue, at the moment it falls due."""
    case = session.get(SafeguardingCase, case_id)
    if case is not None and case.due_at is not None:
        _queue().enqueue_at(case.due_at, escalate_case_from_env, case_id)


def escalate_case_from_env(case_id: int) -> int:
    """Queue job: escalate one case if nobody has taken it in hand; then check again later."""
    app = _env_app()
    with Session(app.extensions["engine"], expire_on_commit=False) as session:
        case = session.get(SafeguardingCase, case_id)
        if case is None:
            return 0
        escalate(session, case)
        session.refresh(case)
        if case.acknowledged_at is None and case.due_at is not None:
            _schedule_escalation(session, case_id)
        return case.escalation_level


def sweep_from_env() -> dict:
    """Queue job (``tongsheng scheduler`` puts it on the queue every few minutes): one sweep."""
    return sweep_now(_env_app().extensions["engine"])


def retention_from_env() -> dict:
    """Queue job (nightly from ``tongsheng scheduler``): the retention run."""
    from models.privacy import retention

    app = _env_app()
    with Session(app.extensions["engine"], expire_on_commit=False) as session:
        return retention.run(session, months=int(app.config["RETENTION_MONTHS"]))


def run_export(job_id: int) -> None:
    """Build an export on the queue when there is one, here and now otherwise."""
    if _settings.get("redis_url"):
        _queue().enqueue(export_from_env, job_id, job_timeout=6 * 3600)
        return
    from flask import current_app

    export_now(current_app.extensions["engine"], job_id)


def export_now(engine, job_id: int) -> None:
    from models.office.export_jobs import run

    with Session(engine, expire_on_commit=False) as session:
        run(session, job_id)


def export_from_env(job_id: int) -> None:
    """Queue job: build one export (its progress is saved on its row as it goes)."""
    export_now(_env_app().extensions["engine"], job_id)
