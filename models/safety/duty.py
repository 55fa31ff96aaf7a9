"""Someone is always on duty: safeguarding leads per city, the first alert, and escalation.

The first alert goes to the group's facilitators and the city's first lead (every coordinator
of the city while it has no lead). A case nobody has taken in hand within the duty time
(default 30 minutes, from the session's ``Settings``) escalates: the next lead on the list
and the city's coordinators are told, and the clock starts again. Every step is written in
the case history.
The escalation runs on the queue when there is one (``webapp/jobs.py``) and in every sweep.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import update
from sqlmodel import Session, select

from models.common import utcnow
from models.i18n import N_
from models.notices.notifications import coordinators
from models.people.tables import Account, Group
from models.plans.plan import plan_ids
from models.refusals import Invalid
from models.safety.safeguarding import (  # noqa: F401 (the first alert, re-exported)
    CASES_OPENED,
    STAFF_ROLES,
    STEP,
    CaseStatus,
    SafeguardingCase,
    _names,
    _tell,
    add_entry,
    alert_opened,
    first_responders,
    leads,
    take_in_hand,
)
from models.settings import DutyRule, settings_of


def duty_rule(session: Session | None = None) -> DutyRule:
    """The escalation rule of the site this session belongs to (see ``models.settings``)."""
    return settings_of(session).duty


class LeadProblem(Invalid):
    """A safeguarding lead cannot be named or removed, with a reason people can read."""


def add_lead(session: Session, account: Account, *, by: str) -> None:
    """Name a coordinator or facilitator of the city as a safeguarding lead (last on the list)."""
    from models.privacy.audit import record_event

    if account.role not in STAFF_ROLES or not account.is_active:
        raise LeadProblem(N_("安全负责人必须是本市在用的妇儿工委办或辅导员账号。"))
    if account.is_safeguarding_lead:
        return
    account.is_safeguarding_lead = True
    account.safeguarding_lead_since = utcnow()
    session.add(account)
    record_event(session, kind="safeguarding_lead_added", actor_kind="staff",
                 account_id=account.id, username=account.username, detail=f"by {by}")


def remove_lead(session: Session, account: Account, *, by: str) -> None:
    from models.privacy.audit import record_event

    if not account.is_safeguarding_lead:
        raise LeadProblem(N_("这个账号不是安全负责人。"))
    account.is_safeguarding_lead = False
    account.safeguarding_lead_since = None
    session.add(account)
    record_event(session, kind="safeguarding_lead_removed", actor_kind="staff",
                 account_id=account.id, username=account.username, detail=f"by {by}")


def cities_without_lead(session: Session) -> list[str]:
    """Cities in use (any active staff or group) that nobody is on duty for."""
    used = set(session.exec(select(Account.plan_id).where(Account.is_active,
                                                          Account.role.in_(STAFF_ROLES))))
    used |= set(session.exec(select(Group.plan_id).where(Group.is_active)))
    return [plan_id for plan_id in plan_ids() if plan_id in used and not leads(session, plan_id)]


def acknowledge(session: Session, case: SafeguardingCase, account: Account,
                now: datetime | None = None) -> None:
    take_in_hand(session, case, account, now)
    session.flush()


def escalate(session: Session, case: SafeguardingCase, now: datetime | None = None) -> bool:
    """One escalation step if the case is still waiting and due; False when it is not."""
    now = now or utcnow()
    level = case.escalation_level
    if case.status != CaseStatus.OPEN or case.acknowledged_at is not None \
            or case.due_at is None or _aware(case.due_at) > now:
        return False
    moved = session.execute(
        update(SafeguardingCase)
        .where(SafeguardingCase.id == case.id, SafeguardingCase.escalation_level == level,
               SafeguardingCase.acknowledged_at.is_(None))
        .values(escalation_level=level + 1, due_at=now + duty_rule(session).delay)
        .execution_options(synchronize_session=False))
    if moved.rowcount != 1:  # someone else escalated or took it in hand meanwhile
        session.rollback()
        return False
    session.refresh(case)
    on_list = leads(session, case.plan_id)
    nxt = on_list[(level + 1) % len(on_list)] if on_list else None
    people = ([nxt] if nxt else []) + coordinators(session, case.plan_id)
    told = _tell(session, case, people, level + 1,
                 (N_("安全个案 #%(id)s 已经 %(case)s 分钟没有人确认接手，请马上处理。")
                  % {"id": case.id, "case": _waited(case, now)}))
    escalated = N_("%(minutes)s 分钟没有人确认接手，第 %(level)s 次升级：已通知 %(names)s") % {
        "minutes": duty_rule(session).ack_minutes, "level": level + 1, "names": _names(told)}
    add_entry(session, case, STEP, escalated, at=now)
    session.commit()
    return True


def _aware(moment: datetime) -> datetime:
    from datetime import UTC

    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _waited(case: SafeguardingCase, now: datetime) -> int:
    return int((now - _aware(case.opened_at)).total_seconds() // 60)


def escalate_due(session: Session, now: datetime | None = None) -> list[int]:
    """Every case whose time is up escalates once; run by the sweep and the queue job."""
    now = now or utcnow()
    query = select(SafeguardingCase).where(SafeguardingCase.status == CaseStatus.OPEN,
                                           SafeguardingCase.acknowledged_at.is_(None),
                                           SafeguardingCase.due_at <= now)
    return [case.id for case in list(session.exec(query)) if escalate(session, case, now)]


def waiting_minutes(case: SafeguardingCase, now: datetime | None = None) -> int:
    """How long the case has been open, for the board."""
    return _waited(case, now or utcnow())

