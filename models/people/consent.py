"""Guardian consent: a young child may take part, but their suggestions wait until it is on record.

The rule: a child under the consent age (14 by default) without guardian consent for the
current notice version can join, speak in meetings and write suggestions, but none of
their suggestions can be dispatched to an agency or made public. Every channel stores a
suggestion through ``intake.take_suggestion``, which holds it here and tells the child it
waits; once a facilitator records the consent, an approved one is sent on at once and the
others go on to review.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlmodel import Field, Session, SQLModel, select

from models.common import utcnow
from models.i18n import N_
from models.people.accounts import age_on, current_consent
from models.people.tables import Account, GuardianConsent, Member
from models.refusals import Conflict, Invalid
from models.suggestions.tables import Suggestion

CONSENT_METHODS = [N_("纸质同意书"), N_("当面口头确认"), N_("电话确认"), N_("微信/短信确认")]
GIVERS = [N_("父亲"), N_("母亲"), N_("祖父母/外祖父母"), N_("其他监护人")]
AGE_BANDS = [(0, 7, N_("7 岁以下")), (7, 10, N_("7–9 岁")), (10, 13, N_("10–12 岁")),
             (13, 16, N_("13–15 岁")),
             (16, 200, N_("16 岁及以上"))]


class ConsentMissing(Conflict):
    """The child's guardian has not agreed to the current notice yet: the suggestion waits."""


class ConsentHold(SQLModel, table=True):
    """A suggestion waiting for its author's guardian consent: never dispatched or public."""

    __tablename__ = "consent_hold"

    suggestion_id: int = Field(foreign_key="suggestion.id", primary_key=True)
    held_by_id: int | None = Field(default=None, foreign_key="account.id")
    held_at: datetime = Field(default_factory=utcnow)


def age_band(member: Member, today: date | None = None) -> str:
    """The age band shown to staff: a range, never the birth date."""
    age = age_on(member, today or date.today())
    return next(label for low, high, label in AGE_BANDS if low <= age < high)


def consent_history(session: Session, member: Member) -> list[GuardianConsent]:
    query = (select(GuardianConsent).where(GuardianConsent.member_id == member.id)
             .order_by(GuardianConsent.recorded_at.desc()))
    return list(session.exec(query))


def needs_consent(session: Session, member: Member, *, notice_version: str, consent_age: int,
                  today: date | None = None) -> bool:
    """True while this child is too young to agree alone and no guardian has agreed."""
    if age_on(member, today or date.today()) >= consent_age:
        return False
    return current_consent(session, member, notice_version) is None


def waiting_members(session: Session, members: list[Member], *, notice_version: str,
                    consent_age: int, today: date | None = None) -> set[int]:
    """``needs_consent`` for a whole group's list in one query: the ids still waiting."""
    young = {m.id for m in members if age_on(m, today or date.today()) < consent_age}
    if not young:
        return set()
    groups = {m.group_id for m in members}
    given = (select(GuardianConsent.member_id).join(Member, Member.id == GuardianConsent.member_id)
             .where(Member.group_id.in_(groups), GuardianConsent.notice_version == notice_version,
                    GuardianConsent.withdrawn_at.is_(None)))
    return young - set(session.exec(given).all())


def check_dispatchable(session: Session, suggestion: Suggestion, *, notice_version: str,
                       consent_age: int, today: date | None = None) -> None:
    """Refuse to send a young child's suggestion to an agency without guardian consent.

    A child without an account has no consent record: their suggestion waits while it is
    held (they said they are under 14, or did not say), until staff note a guardian's OK.
    """
    if suggestion.member_id is None:
        if is_held(session, suggestion):
            raise ConsentMissing("这位小朋友说自己不满 14 岁（或没说），监护人还没有同意。")
        return
    member = session.get(Member, suggestion.member_id)
    if member is not None and needs_consent(session, member, notice_version=notice_version,
                                            consent_age=consent_age, today=today):
        raise ConsentMissing(N_("这位小朋友的监护人还没有同意，建议先等一等。"))


def author_waits(session: Session, suggestion: Suggestion, *, notice_version: str,
                 consent_age: int) -> bool:
    """True when the suggestion's author is a young child without a guardian's consent."""
    member = session.get(Member, suggestion.member_id) if suggestion.member_id else None
    return member is not None and needs_consent(session, member, notice_version=notice_version,
                                                consent_age=consent_age)


def hold(session: Session, suggestion: Suggestion, account: Account | None) -> ConsentHold:
    """Remember that this suggestion waits for consent; ``account`` approved it meanwhile.

    A hold without an account was made when the child wrote it: consent lifts it and the
    suggestion goes on to review. A hold with an account was approved: consent sends it on.
    """
    found = session.get(ConsentHold, suggestion.id)
    if found is None:
        found = ConsentHold(suggestion_id=suggestion.id)
    if account is not None:
        found.held_by_id = account.id
    session.add(found)
    return found


def approved_while_held(session: Session, suggestion: Suggestion) -> bool:
    found = session.get(ConsentHold, suggestion.id)
    return found is not None and found.held_by_id is not None


def held_suggestions(session: Session, member: Member) -> list[Suggestion]:
    query = (select(Suggestion).join(ConsentHold, ConsentHold.suggestion_id == Suggestion.id)
             .where(Suggestion.member_id == member.id).order_by(Suggestion.id))
    return list(session.exec(query))


def is_held(session: Session, suggestion: Suggestion) -> bool:
    return session.get(ConsentHold, suggestion.id) is not None


def release(session: Session, suggestion: Suggestion) -> None:
    found = session.get(ConsentHold, suggestion.id)
    if found is not None:
        session.delete(found)


def record_consent(session: Session, *, member: Member, given_by: str, method: str,
                   notice_version: str, recorded_by: Account) -> GuardianConsent:
    """Store who agreed, how and when, for the notice version the guardian was shown."""
    given_by, method = given_by.strip(), method.strip()
    if not given_by or not method:
        raise Invalid("请写明是谁同意的、用什么方式同意的。")
    consent = GuardianConsent(member_id=member.id, given_by=given_by[:40], method=method[:40],
                              notice_version=notice_version, recorded_by_id=recorded_by.id)
    session.add(consent)
    session.flush()
    return consent


def withdraw_consent(session: Session, *, member: Member, notice_version: str) -> bool:
    """The guardian takes consent back: new suggestions wait again."""
    consent = current_consent(session, member, notice_version)
    if consent is None:
        return False
    consent.withdrawn_at = utcnow()
    session.add(consent)
    return True
