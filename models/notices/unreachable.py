"""Nothing vanishes: an item sent to an agency with no active staff account reaches someone.

Most agencies a plan names have no account yet (30 of 衡阳's 33 at first). When such an
agency leads an item, every coordinator of the city is told (notice and e-mail) and a
reminder is queued to the agency's contact e-mail from the plan, if the coordinator keeps
one. The e-mail names the tracking code only: the child's words stay inside the platform.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import exists, func
from sqlmodel import Session, select

from models.notices.notifications import MAIL_PENDING, Notification, coordinators, notify
from models.people.tables import Account, Role
from models.plans.tables import Agency
from models.suggestions.deadlines import WAITING_FOR_ANSWER, WAITING_TO_SIGN
from models.suggestions.tables import AgencyRole, Assignment, Event, Suggestion

OPEN = tuple(s.value for s in (*WAITING_TO_SIGN, *WAITING_FOR_ANSWER))


def _staffed(agency_id):
    """Condition: the agency has at least one active staff account."""
    return exists().where(Account.agency_id == agency_id, Account.is_active,
                          Account.role == Role.AGENCY_STAFF.value)


def unreachable_leads(session: Session, suggestion: Suggestion) -> list[Agency]:
    """The item's current lead agencies that nobody can sign in for."""
    query = (select(Agency).join(Assignment, Assignment.agency_id == Agency.id)
             .where(Assignment.suggestion_id == suggestion.id, Assignment.is_current,
                    Assignment.role == AgencyRole.LEAD.value, ~_staffed(Agency.id))
             .order_by(Agency.name))
    return list(session.exec(query))


@dataclass(frozen=True)
class Unstaffed:
    """An agency without an account, and how many open items it leads right now."""

    agency: Agency
    open_items: int


def unstaffed_agencies(session: Session, plan_id: str) -> list[Unstaffed]:
    """Every agency of the city with no active staff account, those holding items first."""
    waiting = (select(func.count()).select_from(Assignment)
               .join(Suggestion, Suggestion.id == Assignment.suggestion_id)
               .where(Assignment.agency_id == Agency.id, Assignment.is_current,
                      Assignment.role == AgencyRole.LEAD.value, Suggestion.status.in_(OPEN))
               .correlate(Agency).scalar_subquery())
    query = (select(Agency, waiting.label("open_items"))
             .where(Agency.plan_id == plan_id, ~_staffed(Agency.id), ~Agency.is_coordinator)
             .order_by(waiting.desc(), Agency.name))
    return [Unstaffed(agency, int(count)) for agency, count in session.exec(query)]


def fall_back(session: Session, suggestion: Suggestion, event: Event) -> None:
    """For each lead with no account: tell the coordinators and queue the contact e-mail."""
    session.flush()
    code = suggestion.tracking_code
    for agency in unreachable_leads(session, suggestion):
        mailed = bool(agency.contact_email)
        how = (f"已把提醒发到它的联系邮箱 {agency.contact_email}" if mailed
               else "它也没有联系邮箱，请打电话联系，或给它开账号")
        for account in coordinators(session, suggestion.plan_id):
            notify(session, kind="no_account", suggestion=suggestion, account=account,
                   email=True, dedupe=f"no_account:{event.id}:{agency.id}:{account.id}",
                   message=f"建议 {code} 派给了{agency.name}，但它还没有童声账号：{how}。")
        if mailed:
            session.add(Notification(
                kind="agency_mail", suggestion_id=suggestion.id, wants_email=True,
                email_to=agency.contact_email,
                dedupe_key=f"agency_mail:{event.id}:{agency.id}",
                message=(f"{agency.name}：妇儿工委办派给贵单位一条儿童建议（编号 {code}），"
                         "贵单位还没有童声账号。请联系妇儿工委办开通账号后签收办理。")))
            session.info[MAIL_PENDING] = True
