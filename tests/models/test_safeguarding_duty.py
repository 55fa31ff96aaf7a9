"""Someone is always on duty: leads, the first alert, escalation on schedule, and the hold.

The clock is a fixture: a case escalates when its time is up, not after a sleep.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import select

from models.notices.notifications import Notification
from models.people import accounts
from models.people.tables import Role
from models.safety import duty as safeguarding_duty
from models.safety import safeguarding
from models.safety.safeguarding import SafeguardingCase
from models.suggestions import intake, lifecycle
from models.suggestions.lifecycle import Actor, Draft
from models.suggestions.tables import Suggestion
from tests.flow import account, actor
from webapp import jobs, settings
from webapp.db import new_session

DISCLOSURE = "爸爸喝醉了就打我，我不敢回家"


class Clock:
    def __init__(self):
        self.now = datetime(2026, 12, 1, 2, 0, tzinfo=UTC)

    def advance(self, **delta) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def clock(monkeypatch) -> Clock:
    clock = Clock()
    monkeypatch.setattr(safeguarding_duty, "utcnow", lambda: clock.now)
    monkeypatch.setattr(safeguarding, "utcnow", lambda: clock.now)
    return clock


def disclose(session, text: str = DISCLOSURE, group_id: int | None = None) -> SafeguardingCase:
    draft = Draft(plan_id="hengyang", text=text, group_id=group_id,
                  idempotency_key=uuid.uuid4().hex)
    taken = intake.take_words(session, draft, Actor(kind="code", name="小朋友"))
    session.commit()  # the caller owns the transaction
    assert taken.in_case
    return taken.case


def told(session, case: SafeguardingCase) -> set[str]:
    rows = session.exec(select(Notification).where(Notification.kind == "safeguarding",
                                                   Notification.dedupe_key.startswith(
                                                       f"safeguarding:{case.id}:"))).all()
    return {account_name(session, row.account_id) for row in rows}


def account_name(session, account_id: int) -> str:
    from models.people.tables import Account

    return session.get(Account, account_id).username


def test_the_first_alert_goes_to_the_first_lead_only(session, clock):
    case = disclose(session)
    assert told(session, case) == {"coordinator"}
    assert case.due_at == clock.now + timedelta(minutes=30)
    assert any("已通知：妇儿工委办 王老师" in e.text for e in safeguarding.history(session, case))


def test_an_unacknowledged_case_escalates_on_schedule_inline(app, session, clock):
    case = disclose(session)
    clock.advance(minutes=29)
    assert jobs.sweep_now(app.extensions["engine"])["escalated"] == 0
    clock.advance(minutes=2)
    assert jobs.sweep_now(app.extensions["engine"])["escalated"] == 1
    session.refresh(case)
    assert case.escalation_level == 1 and case.due_at == clock.now + timedelta(minutes=30)
    assert told(session, case) == {"coordinator", "safeguarding"}
    steps = [e.text for e in safeguarding.history(session, case) if e.kind == "step"]
    assert any("第 1 次升级" in step and "安全负责人 陈老师" in step for step in steps)
    clock.advance(minutes=31)
    assert jobs.sweep_now(app.extensions["engine"])["escalated"] == 1
    safeguarding_duty.acknowledge(session, case, account(session, "safeguarding"))
    session.commit()
    clock.advance(hours=3)
    assert jobs.sweep_now(app.extensions["engine"])["escalated"] == 0
    session.refresh(case)
    assert case.escalation_level == 2 and case.acknowledged_at is not None


def test_the_duty_time_is_a_setting(app, session, clock, monkeypatch):
    app.config["SAFEGUARDING_ACK_MINUTES"] = 5
    settings.init_app(app)
    case = disclose(new_session(app))
    assert case.due_at == clock.now + timedelta(minutes=5)
    clock.advance(minutes=6)
    assert jobs.sweep_now(app.extensions["engine"], app.extensions["settings"])["escalated"] == 1


def test_without_a_lead_the_case_reaches_every_coordinator(client, auth, session, clock):
    for username in ("coordinator", "safeguarding"):
        safeguarding_duty.remove_lead(session, account(session, username), by="test")
    accounts.create_account(session, username="coordinator3", display_name="第三位",
                            password="A-long-enough-passphrase-2026", role=Role.COORDINATOR,
                            plan_id="hengyang")
    session.commit()
    assert "hengyang" in safeguarding_duty.cities_without_lead(session)
    case = disclose(session)
    assert told(session, case) == {"coordinator", "safeguarding", "coordinator3"}
    auth.staff("coordinator")
    assert "本市还没有安全负责人" in client.get("/coordinator/").get_data(as_text=True)
    assert DISCLOSURE in client.get(f"/safeguarding/{case.id}").get_data(as_text=True)
    safeguarding_duty.add_lead(session, account(session, "safeguarding"), by="test")
    session.commit()
    assert "本市还没有安全负责人" not in client.get("/coordinator/").get_data(as_text=True)
    assert client.get(f"/safeguarding/{case.id}").status_code == 404


def test_the_suggestion_and_its_case_are_one_transaction(session, monkeypatch):
    def broken(*_args, **_kwargs):
        raise RuntimeError("the alert could not be written")

    monkeypatch.setattr(safeguarding, "alert_opened", broken)
    with pytest.raises(RuntimeError):
        disclose(session)
    session.rollback()
    assert session.exec(select(Suggestion).where(Suggestion.urgent)).first() is None


def test_nothing_of_a_case_is_dispatched_until_the_lead_decides(session):
    case = disclose(session, group_id=_council(session))
    item = safeguarding.suggestions_of(session, case)[0]
    item.topic, item.abstained = "family", False
    session.add(item)
    assert not safeguarding.dispatchable(session, item) and not safeguarding.publishable(item)
    facilitator = actor(session, "facilitator")
    with pytest.raises(safeguarding.HeldForSafeguarding):
        lifecycle.approve(session, item, actor=facilitator)
    session.rollback()
    with pytest.raises(safeguarding.HeldForSafeguarding):
        safeguarding.release(session, case=case, suggestion=item,
                             account=account(session, "facilitator"))
    safeguarding.release(session, case=case, suggestion=item,
                         account=account(session, "safeguarding"))
    assert safeguarding.dispatchable(session, item) and not safeguarding.publishable(item)


def _council(session) -> int:
    from tests.flow import council

    return council(session).id
