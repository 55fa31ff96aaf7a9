"""Telling people: in-app notices for every role, e-mail for staff through a pluggable backend.

Notices are written in the same transaction as the event that causes them; e-mail is sent
later by ``deliver_pending`` (a queue job), so a slow mail server never blocks a click.
"""

from __future__ import annotations

import logging
import smtplib
from datetime import datetime
from email.message import EmailMessage
from pathlib import Path

from sqlalchemy import JSON, Column, exists
from sqlmodel import Field, Session, SQLModel, func, select

from models.common import new_code, utcnow
from models.i18n import N_, data_of, stored
from models.notices import push
from models.people.tables import Account, GroupFacilitator, Role
from models.plans.tables import Agency
from models.settings import settings_of
from models.suggestions.tables import AgencyRole, Assignment, Event, Suggestion, merged_into

log = logging.getLogger("tongsheng.mail")
MAIL_PENDING = "tongsheng_mail_pending"


class Notification(SQLModel, table=True):
    """One notice for one person: a staff account or a child member."""

    id: int | None = Field(default=None, primary_key=True)
    account_id: int | None = Field(default=None, foreign_key="account.id", index=True)
    member_id: int | None = Field(default=None, foreign_key="member.id", index=True)
    suggestion_id: int | None = Field(default=None, foreign_key="suggestion.id")
    kind: str = Field(max_length=30)
    message: str = Field(max_length=500)
    # The notice as a kind of message and its values, so each reader gets it in their language;
    # older rows have only the Chinese ``message``.
    message_data: dict | None = Field(default=None, sa_column=Column(JSON, nullable=True))
    dedupe_key: str | None = Field(default=None, unique=True, max_length=120)
    wants_email: bool = False
    # An address outside the platform (an agency's contact with no account); else the account's.
    email_to: str = Field(default="", max_length=200)
    emailed_at: datetime | None = None
    read_at: datetime | None = None
    created_at: datetime = Field(default_factory=utcnow, index=True)

    @property
    def shown(self) -> str:
        """The notice in the reader's language when its message was kept; else as stored."""
        return stored(self.message, self.message_data)


class LogBackend:
    """Development: e-mail goes to the log."""

    def send(self, to: str, subject: str, body: str) -> None:
        log.info("mail to %s: %s\n%s", to, subject, body)


class FileBackend:
    """Development and tests: one .eml file per message in a folder."""

    def __init__(self, folder: str | Path):
        self.folder = Path(folder)

    def send(self, to: str, subject: str, body: str) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        message = _message(to, subject, body, "tongsheng@localhost")
        name = f"{utcnow():%Y%m%d%H%M%S}-{new_code(6)}.eml"
        (self.folder / name).write_bytes(bytes(message))


class SmtpBackend:
    """Production: a plain SMTP relay."""

    def __init__(self, host: str, port: int = 25, sender: str = "tongsheng@localhost"):
        self.host, self.port, self.sender = host, port, sender

    def send(self, to: str, subject: str, body: str) -> None:
        with smtplib.SMTP(self.host, self.port, timeout=20) as server:
            server.send_message(_message(to, subject, body, self.sender))


def _message(to: str, subject: str, body: str, sender: str) -> EmailMessage:
    message = EmailMessage()
    message["To"], message["From"], message["Subject"] = to, sender, subject
    message.set_content(body)
    return message


def notify(session: Session, *, kind: str, message: str, suggestion: Suggestion | None = None,
           account: Account | None = None, member_id: int | None = None,
           email: bool = False, dedupe: str | None = None) -> Notification | None:
    """Add one notice unless the same one (by dedupe key) already exists."""
    if dedupe and session.exec(select(Notification.id).where(
            Notification.dedupe_key == dedupe)).first() is not None:
        return None
    wants_email = bool(email and account is not None and account.email)
    row = Notification(account_id=account.id if account else None, member_id=member_id,
                       suggestion_id=suggestion.id if suggestion else None, kind=kind,
                       message=message[:500], message_data=data_of(message), dedupe_key=dedupe,
                       wants_email=wants_email)
    session.add(row)
    if wants_email:
        session.info[MAIL_PENDING] = True
    return row


def coordinators(session: Session, plan_id: str) -> list[Account]:
    query = select(Account).where(Account.role == Role.COORDINATOR, Account.plan_id == plan_id,
                                  Account.is_active)
    return list(session.exec(query))


def facilitators(session: Session, group_id: int | None) -> list[Account]:
    if group_id is None:
        return []
    query = (select(Account).join(GroupFacilitator, GroupFacilitator.account_id == Account.id)
             .where(GroupFacilitator.group_id == group_id, Account.is_active))
    return list(session.exec(query))


def agency_staff(session: Session, suggestion: Suggestion,
                 role: AgencyRole | None = None) -> list[Account]:
    query = (select(Account).join(Assignment, Assignment.agency_id == Account.agency_id)
             .where(Assignment.suggestion_id == suggestion.id, Assignment.is_current,
                    Account.is_active))
    if role is not None:
        query = query.where(Assignment.role == role.value)
    return list(session.exec(query))


def _askers(session: Session, suggestion: Suggestion) -> list[Account]:
    """Who passes an agency's question to the child: the group's facilitators, or the city
    office for a child of no group."""
    return facilitators(session, suggestion.group_id) if suggestion.group_id is not None \
        else coordinators(session, suggestion.plan_id)


def _to_all(session, people, suggestion, kind, message, *, email=False, key=None) -> None:
    for account in people:
        dedupe = f"{key}:{account.id}" if key else None
        notify(session, kind=kind, message=message, suggestion=suggestion, account=account,
               email=email, dedupe=dedupe)


def on_event(session: Session, suggestion: Suggestion, event: Event) -> None:
    """Tell the right people about one event of a suggestion's life."""
    code, action = suggestion.tracking_code, event.action
    if action == "submit" and not suggestion.urgent:
        # An urgent one alerts apart (its safeguarding case); a public-link one has no group.
        _to_all(session, facilitators(session, suggestion.group_id), suggestion, "new_item",
                f"小组有新建议 {code}，等你审核。")
    elif action in ("dispatch", "reroute", "assign"):
        _to_all(session, agency_staff(session, suggestion, AgencyRole.LEAD), suggestion,
                "new_item", (N_("新派单 %(code)s：请在期限内签收。") % {"code": code}), email=True)
        _to_all(session, agency_staff(session, suggestion, AgencyRole.PARTNER), suggestion,
                "copied", f"建议 {code} 抄送本部门（配合），可以查看和留言。")
        fall_back(session, suggestion, event)
    elif action in ("return", "reopen", "contest"):
        words = {"return": N_("被退单，需要重新派单"), "reopen": N_("被重新打开，需要处理"),
                 "contest": N_("的小朋友补充了说明")}[action]
        _to_all(session, coordinators(session, suggestion.plan_id), suggestion, action,
                (N_("建议 %(code)s %(words)s：%(note)s")
                 % {"code": code, "words": words, "note": event.note[:120]}), email=True)
    elif action == "overdue":
        session.flush()
        people = agency_staff(session, suggestion, AgencyRole.LEAD) + coordinators(
            session, suggestion.plan_id)
        _to_all(session, people, suggestion, "overdue", (N_("建议 %(code)s 已超期，请尽快办理。")
                                                         % {"code": code}),
                email=True, key=f"overdue:{event.id}")
    elif action in SUPERVISION_WORDS:
        _supervised(session, suggestion, event)
    elif action == "return_rejected":
        session.flush()
        _to_all(session, agency_staff(session, suggestion, AgencyRole.LEAD), suggestion, action,
                f"妇儿工委办没有同意退单，请继续办理建议 {code}：{event.note[:300]}",
                email=True, key=f"{action}:{event.id}")
        fall_back(session, suggestion, event)
    elif action == "extension_request":
        _to_all(session, coordinators(session, suggestion.plan_id), suggestion, action,
                (N_("建议 %(code)s 的牵头部门申请延期：%(note)s")
                 % {"code": code, "note": event.note[:200]}), email=True)
    elif action == "answer":
        _answer_arrived(session, suggestion)
    elif action == "ask_child":
        push.news(session, suggestion)
        if suggestion.member_id is not None:
            notify(session, kind=action, message=f"辅导员想问你一个问题（建议 {code}），去回答吧。",
                   suggestion=suggestion, member_id=suggestion.member_id)
    elif action == "child_reply" and event.to_status != event.from_status:
        _to_all(session, facilitators(session, suggestion.group_id), suggestion, action,
                f"孩子回答了你的问题（建议 {code}），等你审核。")
    elif action == "child_reply":  # the item is with the agency: it asked, it reads
        _to_all(session, agency_staff(session, suggestion) + _askers(session, suggestion),
                suggestion, action, f"孩子回答了问题（建议 {code}），去看看吧。")
    elif action == "agency_asks":
        _to_all(session, _askers(session, suggestion), suggestion, action,
                f"部门想问孩子一个问题（建议 {code}），"
                "请用孩子能懂的话转给孩子，或者说明为什么不转。")
    elif action == "question_kept_back":
        _to_all(session, agency_staff(session, suggestion), suggestion, action,
                f"辅导员没有把你们的问题转给孩子（建议 {code}）：{event.note[:200]}")
    elif action in ("decline", "merge") and suggestion.member_id is not None:
        words = {"decline": N_("这次没有送出去，去看看原因吧。"),
                 "merge": N_("和相同的建议合在一起了。")}
        notify(session, kind=action, message=(N_("你的建议 %(code)s %(words)s")
                                              % {"code": code, "words": words[action]}),
               suggestion=suggestion, member_id=suggestion.member_id)


SUPERVISION_WORDS = {"urge": N_("催办"), "supervise": N_("督办"), "circulate": N_("通报"),
                     "extension_approved": N_("延期申请有结果了"),
                     "extension_refused": N_("延期申请有结果了")}


def _supervised(session: Session, suggestion: Suggestion, event: Event) -> None:
    """A 催办/督办/通报 or an extension decision: the lead agency's staff, notice and e-mail."""
    session.flush()
    label = SUPERVISION_WORDS[event.action]
    _to_all(session, agency_staff(session, suggestion, AgencyRole.LEAD), suggestion,
            event.action, (N_("妇儿工委办%(label)s：建议 %(tracking_code)s。%(note)s")
                           % {"label": label, "tracking_code": suggestion.tracking_code,
                              "note": event.note[:300]}),
            email=True, key=f"{event.action}:{event.id}")


def _answer_arrived(session: Session, suggestion: Suggestion) -> None:
    """Every child whose words are in the case hears it, on their own code; and their adults."""
    todo, groups = [suggestion], set()
    while todo:
        item = todo.pop()
        todo.extend(merged_into(session, item))
        groups.add(item.group_id)
        push.news(session, item)
        if item.member_id is not None:
            notify(session, kind="answer", member_id=item.member_id, suggestion=item,
                   message=(N_("你的建议 %(tracking_code)s 回复你啦！快去看看吧。")
                            % {"tracking_code": item.tracking_code}))
    people = {a.id: a for group_id in groups for a in facilitators(session, group_id)}
    _to_all(session, people.values(), suggestion, "answer",
            (N_("建议 %(tracking_code)s 收到了部门的答复。")
             % {"tracking_code": suggestion.tracking_code}))


def deadline_near(session: Session, suggestion: Suggestion) -> None:
    """One reminder (催办) per deadline before it passes."""
    due = suggestion.sign_due if suggestion.status == "dispatched" else suggestion.answer_due
    _to_all(session, agency_staff(session, suggestion, AgencyRole.LEAD), suggestion,
            "deadline_near", (N_("建议 %(tracking_code)s 快到期了（%(due)s），请抓紧。")
                              % {"tracking_code": suggestion.tracking_code,
                                 "due": format(due, '%m-%d')}),
            email=True, key=f"near:{suggestion.id}:{suggestion.status}")


def for_account(session: Session, account_id: int, limit: int = 50) -> list[Notification]:
    query = (select(Notification).where(Notification.account_id == account_id)
             .order_by(Notification.id.desc()).limit(limit))
    return list(session.exec(query))


def for_member(session: Session, member_id: int, limit: int = 50) -> list[Notification]:
    query = (select(Notification).where(Notification.member_id == member_id)
             .order_by(Notification.id.desc()).limit(limit))
    return list(session.exec(query))


def unread_count(session: Session, *, account_id: int | None = None,
                 member_id: int | None = None) -> int:
    """How many notices this person has not opened yet (the number next to 消息)."""
    column, value = (Notification.account_id, account_id) if account_id else \
        (Notification.member_id, member_id)
    query = select(func.count()).select_from(Notification).where(
        column == value, Notification.read_at.is_(None))
    return session.exec(query).one()


def mark_read(session: Session, rows: list[Notification]) -> None:
    now = utcnow()
    for row in rows:
        if row.read_at is None:
            row.read_at = now
            session.add(row)
    session.flush()


def deliver_pending(session: Session, backend=None, limit: int = 200) -> int:
    """Send the staff e-mail that is waiting, one message per transaction: claimed, sent,
    marked. On PostgreSQL a row another worker holds is skipped, so two workers (or a
    worker and the sweep) never send the same message twice.

    This is the one place that talks to the mail server: only queue jobs and the sweep call
    it, never a request. Each message is its own transaction (the function owns it), so a
    crash halfway loses nothing and sends nothing twice.
    """
    backend = backend or settings_of(session).mail_backend or LogBackend()
    sent = 0
    while sent < limit:
        found = session.exec(_next_pending()).first()
        if found is None:
            break
        row, account = found
        backend.send(row.email_to or account.email, "【童声】" + row.message[:60], row.message)
        row.emailed_at = utcnow()
        session.add(row)
        session.commit()
        sent += 1
    return sent


def _next_pending():
    return (select(Notification, Account)
            .outerjoin(Account, Account.id == Notification.account_id)
            .where(Notification.wants_email, Notification.emailed_at.is_(None))
            .order_by(Notification.id).limit(1)
            .with_for_update(of=Notification, skip_locked=True))


def staffed(agency_id):
    """Condition: the agency has at least one active staff account."""
    return exists().where(Account.agency_id == agency_id, Account.is_active,
                          Account.role == Role.AGENCY_STAFF.value)


def unreachable_leads(session: Session, suggestion: Suggestion) -> list[Agency]:
    """The item's current lead agencies that nobody can sign in for."""
    query = (select(Agency).join(Assignment, Assignment.agency_id == Agency.id)
             .where(Assignment.suggestion_id == suggestion.id, Assignment.is_current,
                    Assignment.role == AgencyRole.LEAD.value, ~staffed(Agency.id))
             .order_by(Agency.name))
    return list(session.exec(query))


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
