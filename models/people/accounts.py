"""Accounts and membership: who may sign in, joining a group, and retiring sessions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlmodel import Session, select

from models.i18n import N_
from models.people import pin_guard
from models.people.passwords import hash_secret, password_problem, verify_secret
from models.people.tables import Account, Group, GroupFacilitator, GuardianConsent, Member, Role
from models.refusals import Invalid

# Verifying against a real hash when the name is unknown keeps timing from telling
# an attacker which nicknames and usernames exist.
_DUMMY_HASH = hash_secret("not-a-real-secret")


class JoinRefused(Invalid):
    """Joining a group failed, with a reason a child can read."""


@dataclass(frozen=True)
class Joining:
    invite_code: str
    nickname: str
    birth_year: int
    birth_month: int
    pin: str


def find_group_by_code(session: Session, code: str) -> Group | None:
    code = code.strip().upper()
    group = session.exec(select(Group).where(Group.invite_code == code)).first()
    return group if group is not None and group.is_active else None


def join_group(session: Session, joining: Joining) -> Member:
    """Add a child to a group; the nickname must be free in that group."""
    group = find_group_by_code(session, joining.invite_code)
    if group is None:
        raise JoinRefused(N_("没有找到这个邀请码，请问问你的辅导员。"))
    taken = session.exec(select(Member).where(Member.group_id == group.id,
                                              Member.nickname == joining.nickname)).first()
    if taken is not None:
        raise JoinRefused(N_("这个昵称已经有人用了，换一个吧。"))
    member = Member(group_id=group.id, nickname=joining.nickname,
                    birth_year=joining.birth_year, birth_month=joining.birth_month,
                    pin_hash=hash_secret(joining.pin))
    session.add(member)
    session.flush()
    return member


@dataclass(frozen=True)
class ChildSignIn:
    """The outcome of a child's sign-in: the member, or why not (a wait or a lock)."""

    member: Member | None = None
    barred: pin_guard.Barred | None = None


def find_member(session: Session, code: str, nickname: str) -> Member | None:
    group = find_group_by_code(session, code)
    if group is None:
        return None
    return session.exec(select(Member).where(Member.group_id == group.id,
                                             Member.nickname == nickname.strip())).first()


def authenticate_child(session: Session, code: str, nickname: str, pin: str,
                       now: datetime | None = None) -> ChildSignIn:
    """Check the PIN unless this child must wait; every wrong PIN counts against them."""
    member = find_member(session, code, nickname)
    barred = pin_guard.barred(member, now) if member is not None else None
    if barred is not None:
        return ChildSignIn(barred=barred)
    stored = member.pin_hash if member is not None else _DUMMY_HASH
    if verify_secret(stored, pin) and member is not None and member.is_active:
        pin_guard.record_success(session, member)
        return ChildSignIn(member=member)
    if member is not None:
        pin_guard.record_failure(session, member, now)
        return ChildSignIn(barred=pin_guard.barred(member, now))
    return ChildSignIn()


def authenticate_staff(session: Session, username: str, password: str) -> Account | None:
    account = session.exec(select(Account).where(Account.username == username.strip())).first()
    stored = account.password_hash if account is not None else _DUMMY_HASH
    if verify_secret(stored, password) and account is not None and account.is_active:
        return account
    return None


def create_account(session: Session, *, username: str, display_name: str, password: str,
                   role: Role, plan_id: str, agency_id: int | None = None,
                   email: str = "") -> Account:
    """A staff account; agency staff must belong to exactly one agency."""
    problem = password_problem(password)
    if problem:
        raise Invalid(problem)
    if (role == Role.AGENCY_STAFF) != (agency_id is not None):
        raise Invalid("agency staff, and only agency staff, are bound to an agency")
    account = Account(username=username, display_name=display_name, email=email,
                      password_hash=hash_secret(password), role=role, plan_id=plan_id,
                      agency_id=agency_id)
    session.add(account)
    session.flush()
    return account


def retire_sessions(session: Session, row: Account | Member) -> None:
    """Make every session cookie issued to this person invalid."""
    row.session_version += 1
    session.add(row)
    session.flush()


def facilitator_group_ids(session: Session, account: Account) -> list[int]:
    query = select(GroupFacilitator.group_id).where(GroupFacilitator.account_id == account.id)
    return list(session.exec(query))


def age_on(member: Member, today: date) -> int:
    """Age in whole years from the birth year and month we keep (never a full date)."""
    months = (today.year - member.birth_year) * 12 + (today.month - member.birth_month)
    return months // 12


def current_consent(session: Session, member: Member, notice_version: str):
    """The guardian consent on record for this notice version, if any."""
    query = select(GuardianConsent).where(GuardianConsent.member_id == member.id,
                                          GuardianConsent.notice_version == notice_version,
                                          GuardianConsent.withdrawn_at.is_(None))
    return session.exec(query).first()
