"""Queue jobs (run by ``tongsheng worker``) and the sweep: each one owns its transactions.

A job builds the worker's app from its own environment (DATABASE_URL, TONGSHENG_*), opens a
session carrying that app's ``Settings``, does one piece of work and commits it. Nothing in
the request path imports this module: ``webapp.background`` names these jobs by path.
"""

from __future__ import annotations

from sqlmodel import Session

from models.notices import notifications
from models.privacy import retention
from models.safety.duty import escalate, escalate_due
from models.safety.safeguarding import SafeguardingCase
from models.settings import DEFAULT, Settings, bind
from models.suggestions.deadlines import sweep
from webapp import background, create_job_app
from webapp.db import new_session

_job_app = None


def _env_app():
    """A worker's app, built once from its own environment (DATABASE_URL, TONGSHENG_*).

    ``tongsheng worker`` builds it before RQ forks a work horse per job, so every job
    shares that copy instead of importing and configuring the site again.
    """
    global _job_app
    if _job_app is None:
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
    with new_session(_env_app()) as session:
        return notifications.deliver_pending(session)


def deliver_push_from_env() -> dict:
    """Queue job: send every web push that is waiting (safe to run twice)."""
    app = _env_app()
    settings = app.extensions["settings"]
    with new_session(app) as session:
        return settings.push.deliver(session)


def sweep_now(engine, settings: Settings = DEFAULT) -> dict:
    """Recompute overdue flags, send reminders, escalate cases nobody has taken in hand,
    delete finished exports past their time, then send the outbox (the only way e-mail
    leaves a site without Redis); last, bring the dashboards' per-day rollup of every big
    city up to date (``models.office.rollup``: any period a dashboard shows is a sum over
    its days) and sum the standard periods' snapshots from it (``models.office.snapshots``)."""
    from models.common import utcnow
    from models.office import rollup, snapshots
    from models.office.export_jobs import expire
    from models.plans.versions import sync

    with bind(Session(engine, expire_on_commit=False), settings) as session:
        sync(session)
        result = sweep(session)
        session.commit()
        escalated = escalate_due(session)
        notifications.deliver_pending(session)
        if settings.push is not None:
            settings.push.deliver(session)
        exports_deleted = expire(session)
        session.commit()
        counted = 0
        # One city a transaction: what was counted stays counted if the job is stopped.
        # The rollup first; the standard periods' snapshots are then sums of its days.
        for plan_id in snapshots.plans(session):
            now = utcnow()
            rollup.refresh(session, plan_id, now=now)
            counted += snapshots.refresh(session, plan_id, now=now)
            session.commit()
    return {"overdue": len(result.became_overdue), "cleared": len(result.no_longer_overdue),
            "due_soon": len(result.due_soon), "escalated": len(escalated),
            "exports_deleted": exports_deleted, "snapshots": counted}


def escalate_case_from_env(case_id: int) -> int:
    """Queue job: escalate one case if nobody has taken it in hand; then check again later."""
    with new_session(_env_app()) as session:
        case = session.get(SafeguardingCase, case_id)
        if case is None:
            return 0
        escalate(session, case)
        session.commit()
        session.refresh(case)
        if case.acknowledged_at is None and case.due_at is not None:
            background.schedule_escalation(session, case_id)
        return case.escalation_level


def sweep_from_env() -> dict:
    """Queue job (``tongsheng scheduler`` puts it on the queue every few minutes): one sweep."""
    app = _env_app()
    return sweep_now(app.extensions["engine"], app.extensions["settings"])


def retention_from_env() -> dict:
    """Queue job (nightly from ``tongsheng scheduler``): the retention run."""
    app = _env_app()
    with new_session(app) as session:
        done = retention.run(session, months=int(app.config["RETENTION_MONTHS"]))
        session.commit()
        return done


def export_from_env(job_id: int) -> None:
    """Queue job: build one export (its progress is saved on its row as it goes)."""
    app = _env_app()
    background.export_now(app.extensions["engine"], job_id, app.extensions["settings"])
