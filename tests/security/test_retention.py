"""Checklist 3 and issue 10 item 9: every suggestion, whatever its status, loses every link to
the child after N months; a safeguarding case is kept, and keeps its child until it is closed."""

from datetime import timedelta

import pytest
from click.testing import CliRunner
from sqlmodel import select

from models.common import utcnow
from models.files.photos import photo_bytes, store_photo
from models.privacy import retention
from models.safety.safeguarding import CaseStatus, SafeguardingCase, open_for_suggestion
from models.suggestions.status import Status
from models.suggestions.tables import Event, Suggestion
from tests.models.test_photos import _jpeg_with_gps

MONTHS = 6
LONG_AGO = timedelta(days=400)


def _age(session, item, status: Status | None = None) -> Suggestion:
    """Make an item unchanged for well over the period (and give it a status)."""
    item.updated_at = utcnow() - LONG_AGO
    item.status = status or item.status
    session.add(item)
    session.commit()
    return item


@pytest.fixture
def closed(session, tmp_path):
    item = session.exec(select(Suggestion).where(Suggestion.status == Status.CLOSED)).first()
    item.photo = store_photo(session, _jpeg_with_gps())
    item.original_text = item.original_text + "（我叫王小明，在实验小学三班）"
    return _age(session, item)


def _months_later(item, months: int):
    return item.updated_at + timedelta(days=months * retention.DAYS_PER_MONTH + 1)


def test_before_the_period_nothing_changes(session, closed, tmp_path):
    done = retention.anonymise(session, months=MONTHS, now=_months_later(closed, MONTHS - 1))
    assert done == {}
    session.refresh(closed)
    assert closed.member_id is not None and "王小明" in closed.original_text


def test_after_n_plus_one_months_no_link_back_to_the_child_remains(session, closed, tmp_path):
    member_id, photo = closed.member_id, closed.photo
    done = retention.anonymise(session, months=MONTHS, now=_months_later(closed, MONTHS + 1))
    assert done == {"closed": 1}
    session.expire_all()
    item = session.get(Suggestion, closed.id)
    assert item.member_id is None and item.photo is None and item.idempotency_key is None
    assert "王小明" not in item.original_text and item.original_text == item.redacted_text
    events = session.exec(select(Event).where(Event.suggestion_id == item.id)).all()
    assert events and all(e.actor_id != member_id for e in events if e.actor_kind == "child")
    assert all(e.actor_name == "" for e in events if e.actor_kind == "child")
    assert photo_bytes(session, photo) is None
    recent = session.exec(select(Suggestion).where(Suggestion.id != item.id)).all()
    assert all(s.member_id is not None for s in recent)


@pytest.mark.parametrize("status", [Status.DECLINED, Status.MERGED, Status.SUBMITTED,
                                    Status.IN_REVIEW, Status.RETURNED, Status.ANSWERED])
def test_every_status_is_anonymised_after_the_period(session, closed, tmp_path, status):
    """Declined, merged, abandoned on the way, answered: none keeps the child forever."""
    _age(session, closed, status)
    done = retention.anonymise(session, months=MONTHS, now=_months_later(closed, MONTHS + 1))
    assert done == {status.value: 1}
    session.expire_all()
    item = session.get(Suggestion, closed.id)
    assert item.member_id is None and "王小明" not in item.original_text


def test_the_job_runs_twice_without_harm(session, closed, tmp_path):
    later = _months_later(closed, MONTHS + 1)
    retention.anonymise(session, months=MONTHS, now=later)
    assert retention.anonymise(session, months=MONTHS, now=later) == {}


def test_an_open_safeguarding_case_keeps_its_child_and_the_case_is_never_touched(
        session, closed, tmp_path):
    closed.urgent = True
    case = open_for_suggestion(session, closed, thread=None, channel="form", child_label="小明")
    _age(session, closed)
    later_words = session.exec(select(Suggestion).where(Suggestion.id != closed.id)).first()
    later_words.case_id = case.id  # the child said more in the same conversation
    _age(session, later_words)
    disclosure, later = case.disclosure, _months_later(closed, MONTHS + 1)
    found = retention.run(session, months=MONTHS, now=later)
    assert found["anonymised"] == 0 and found["kept_for_safeguarding"] == 2
    session.expire_all()
    assert session.get(Suggestion, closed.id).member_id is not None
    assert session.get(Suggestion, later_words.id).member_id is not None

    case = session.get(SafeguardingCase, case.id)
    case.status = CaseStatus.CLOSED
    session.add(case)
    session.commit()
    found = retention.run(session, months=MONTHS, now=later)
    assert sum(found["per_status"].values()) == 2 and found["kept_for_safeguarding"] == 0
    session.expire_all()
    assert session.get(Suggestion, closed.id).member_id is None
    kept = session.get(SafeguardingCase, case.id)
    assert kept.disclosure == disclosure and "王小明" in kept.disclosure
    assert kept.child_label == "小明"


def test_the_combined_job_also_deletes_abandoned_chats(session, closed, tmp_path):
    found = retention.run(session, months=MONTHS, now=_months_later(closed, MONTHS + 1))
    assert found["anonymised"] == 1 and "chats_deleted" in found


def test_the_command_reports_counts_per_status(app, session, closed, database_url, monkeypatch):
    from webapp.cli.commands import cli

    declined = session.exec(select(Suggestion).where(Suggestion.status == Status.SUBMITTED)
                            ).first()
    _age(session, declined, Status.DECLINED)
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setenv("TONGSHENG_SECRET_KEY", "test-secret")  # production refuses a node file
    result = CliRunner().invoke(cli, ["retention", "--months", str(MONTHS)])
    assert result.exit_code == 0, result.output
    assert "anonymised 2 suggestions (closed 1, declined 1)" in result.output
    session.expire_all()
    assert session.get(Suggestion, declined.id).member_id is None
