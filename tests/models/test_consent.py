"""Guardian consent: a young child takes part, but their suggestions wait until it is on record."""

from datetime import date

import pytest
from sqlmodel import select

from models.people import consent
from models.people.tables import GuardianConsent, Member
from models.suggestions import moderation
from models.suggestions.status import Status
from tests.conftest import NOTICE
from tests.flow import account, member, new_suggestion

TODAY = date(2026, 11, 1)


def _drop_consent(session, kid: Member) -> None:
    for row in session.exec(select(GuardianConsent).where(GuardianConsent.member_id == kid.id)):
        session.delete(row)
    session.commit()


def _approve(session, suggestion):
    return moderation.approve(session, suggestion=suggestion,
                              account=account(session, "facilitator"),
                              notice_version=NOTICE, consent_age=14)


def test_age_band_shows_a_range_not_a_birth_date(session):
    kid = Member(group_id=1, nickname="x", birth_year=2015, birth_month=6, pin_hash="x")
    assert consent.age_band(kid, TODAY) == "10–12 岁"


def test_a_child_without_consent_cannot_have_a_suggestion_dispatched(session):
    kid = member(session, "小明")
    _drop_consent(session, kid)
    suggestion = new_suggestion(session, nickname="小明")
    assert _approve(session, suggestion) is False
    session.refresh(suggestion)
    assert suggestion.status == Status.IN_REVIEW
    assert consent.is_held(session, suggestion)
    with pytest.raises(consent.ConsentMissing):
        consent.check_dispatchable(session, suggestion, notice_version=NOTICE, consent_age=14)


def test_recording_consent_sends_the_waiting_suggestions_on(session):
    kid = member(session, "小明")
    _drop_consent(session, kid)
    suggestion = new_suggestion(session, nickname="小明")
    _approve(session, suggestion)
    consent.record_consent(session, member=kid, given_by="母亲", method="纸质同意书",
                           notice_version=NOTICE, recorded_by=account(session, "facilitator"))
    sent = moderation.release_held(session, member=kid, account=account(session, "facilitator"),
                                   notice_version=NOTICE, consent_age=14)
    assert [item.id for item in sent] == [suggestion.id]
    session.refresh(suggestion)
    assert suggestion.status == Status.DISPATCHED and not consent.is_held(session, suggestion)


def test_consent_for_an_old_notice_version_does_not_count(session):
    kid = member(session, "小明")
    assert not consent.needs_consent(session, kid, notice_version=NOTICE, consent_age=99)
    assert consent.needs_consent(session, kid, notice_version="2099-01", consent_age=99)


def test_withdrawn_consent_makes_new_suggestions_wait_again(session):
    kid = member(session, "小明")
    assert consent.withdraw_consent(session, member=kid, notice_version=NOTICE)
    session.commit()
    assert consent.needs_consent(session, kid, notice_version=NOTICE, consent_age=99)


def test_a_child_at_or_over_the_consent_age_needs_no_guardian(session):
    kid = member(session, "小明")
    _drop_consent(session, kid)
    assert not consent.needs_consent(session, kid, notice_version=NOTICE, consent_age=1)


def test_consent_must_say_who_and_how(session):
    kid = member(session, "小明")
    with pytest.raises(ValueError, match="谁同意"):
        consent.record_consent(session, member=kid, given_by=" ", method="电话确认",
                               notice_version=NOTICE, recorded_by=account(session, "facilitator"))
