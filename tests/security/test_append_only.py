"""Checklist 18: history that cannot be rewritten, and logs without secrets or child text."""

import logging

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlmodel import select

from models.people.tables import Account
from models.privacy.audit import AccessLog, AuditLog, record_access, record_event
from models.safety.safeguarding import SafeguardingReport
from models.suggestions.tables import Event, Suggestion

SEEDED_PASSWORD = "Seeded-Secret-Passw0rd-77"


def _engine(app):
    return app.extensions["engine"]


def _run(app, sql: str) -> None:
    with _engine(app).begin() as connection:
        connection.execute(text(sql))


def _seed_rows(session):
    staff = session.exec(select(Account).where(Account.username == "facilitator")).one()
    record_event(session, kind="signin", actor_kind="staff", account_id=staff.id)
    record_access(session, account_id=staff.id, object_kind="suggestion", object_id=1,
                  reason="moderate")
    session.commit()


@pytest.mark.parametrize("table", ["event", "audit_log", "access_log"])
@pytest.mark.parametrize("verb", ["UPDATE {t} SET created_at = created_at", "DELETE FROM {t}"])
def test_update_and_delete_through_the_app_role_fail(app, session, table, verb):
    _seed_rows(session)
    with pytest.raises(DBAPIError, match="append-only"):
        _run(app, verb.format(t=table))


def test_safeguarding_reports_cannot_be_rewritten(app, session):
    from models.safety.safeguarding import SafeguardingCase
    from models.suggestions.intake import take_suggestion  # noqa: F401  (a case needs the full schema)

    staff = session.exec(select(Account).where(Account.username == "coordinator")).one()
    case = SafeguardingCase(plan_id="hengyang", suggestion_code="TS-TEST01", disclosure="x")
    session.add(case)
    session.commit()
    session.add(SafeguardingReport(case_id=case.id, target="110", account_id=staff.id))
    session.commit()
    with pytest.raises(DBAPIError, match="append-only"):
        _run(app, "UPDATE safeguarding_report SET reference = 'changed'")
    with pytest.raises(DBAPIError, match="append-only"):
        _run(app, "DELETE FROM safeguarding_report")


def test_history_rows_are_all_still_there_after_the_refusals(app, session):
    before = len(session.exec(select(Event)).all())
    with pytest.raises(DBAPIError):
        _run(app, "DELETE FROM event")
    assert len(session.exec(select(Event)).all()) == before > 0


def test_a_failed_login_is_logged_and_no_log_holds_the_password(client, auth, session,
                                                                caplog):
    caplog.set_level(logging.DEBUG)
    auth.staff("coordinator", SEEDED_PASSWORD)
    auth.staff(SEEDED_PASSWORD, SEEDED_PASSWORD)  # a password typed into the name field
    rows = session.exec(select(AuditLog).where(AuditLog.kind == "signin_failed")).all()
    assert len(rows) == 2
    assert {row.username for row in rows} == {"coordinator", "(unknown)"}
    stored = " ".join(" ".join(str(v) for v in row.model_dump().values()) for row in rows)
    assert SEEDED_PASSWORD not in stored and SEEDED_PASSWORD not in caplog.text


def test_audit_rows_never_carry_child_text_or_child_ids(client, auth, session):
    auth.child()
    client.get("/facilitator/")  # a refusal, logged
    texts = [s.original_text for s in session.exec(select(Suggestion))]
    rows = session.exec(select(AuditLog)).all()
    assert {"signin", "forbidden"} <= {row.kind for row in rows}
    for row in rows:
        line = " ".join(str(v) for v in row.model_dump().values())
        assert "小明" not in line and not any(t[:10] in line for t in texts)
        if row.actor_kind == "child":
            assert row.account_id is None


def test_access_log_refuses_an_unknown_reason(session):
    staff = session.exec(select(Account).where(Account.username == "facilitator")).one()
    with pytest.raises(ValueError):
        record_access(session, account_id=staff.id, object_kind="suggestion", object_id=1,
                      reason="curious")
    assert session.exec(select(AccessLog)).all() == []
