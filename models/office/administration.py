"""The coordinator's administration: agency contacts and staff accounts."""

from __future__ import annotations

import secrets

from sqlmodel import Session, select

from models.i18n import N_
from models.people.accounts import create_account, retire_sessions
from models.people.tables import Account, Role
from models.plans.tables import Agency
from models.refusals import Invalid


class AdminRefused(Invalid):
    """An administration change that is not allowed, with a reason staff can read."""


def plan_agencies(session: Session, plan_id: str) -> list[Agency]:
    query = select(Agency).where(Agency.plan_id == plan_id).order_by(Agency.name)
    return list(session.exec(query))


def plan_agency(session: Session, plan_id: str, agency_id: int) -> Agency | None:
    agency = session.get(Agency, agency_id)
    return agency if agency is not None and agency.plan_id == plan_id else None


def update_contact(session: Session, agency: Agency, *, name: str, email: str,
                   phone: str) -> Agency:
    agency.contact_name, agency.contact_email, agency.contact_phone = name, email, phone
    session.add(agency)
    session.flush()
    return agency


def plan_accounts(session: Session, plan_id: str) -> list[Account]:
    query = select(Account).where(Account.plan_id == plan_id).order_by(Account.role,
                                                                       Account.username)
    return list(session.exec(query))


def issue_account(session: Session, *, plan_id: str, username: str, display_name: str,
                  role: Role, agency_id: int | None, email: str) -> tuple[Account, str]:
    """Create a staff account with a random first password, shown once to the coordinator."""
    if session.exec(select(Account).where(Account.username == username)).first():
        raise AdminRefused(N_("这个用户名已经有人用了。"))
    if agency_id is not None and plan_agency(session, plan_id, agency_id) is None:
        raise AdminRefused(N_("请选择本市的部门。"))
    password = "-".join(secrets.token_urlsafe(4) for _ in range(3))
    try:
        account = create_account(session, username=username, display_name=display_name,
                                 password=password, role=role, plan_id=plan_id,
                                 agency_id=agency_id if role == Role.AGENCY_STAFF else None,
                                 email=email)
    except ValueError as error:
        raise AdminRefused("部门工作人员必须选择一个部门。") from error
    session.flush()
    return account, password


def set_active(session: Session, account: Account, active: bool, *, by: Account) -> None:
    """Disable or re-enable an account; disabling ends its sessions at once."""
    if account.id == by.id and not active:
        raise AdminRefused(N_("不能停用自己的账号。"))
    account.is_active = active
    retire_sessions(session, account)
