"""A demo city: accounts for every role, two groups, a meeting and suggestions in many states.

Loading is idempotent: run it twice and nothing is duplicated.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlmodel import Session, select

from . import accounts, lifecycle
from .common import utcnow
from .lifecycle import Classification, Draft, actor_for_account, actor_for_member, submit
from .mfa import DEMO_DOMAIN
from .open311 import add_client
from .people import (
    Account,
    Group,
    GroupFacilitator,
    GroupKind,
    GroupLevel,
    GuardianConsent,
    Meeting,
    Member,
    Role,
)
from .plan import load_plan
from .plan_import import agency_by_name, import_all
from .routing import route_for
from .safeguarding_duty import add_lead
from .status import Status
from .suggestion import DueWeight, RatingValue

DEMO_PLAN = "hengyang"
DEMO_PASSWORD = "TongSheng-demo-2026"
COUNCIL_CODE = "HYKIDS"
OBSERVER_CODE = "HYLOOK"
OTHER_CODE = "HYZHEN"
DEMO_API_KEY = "demo"
CHILD_PINS = {"小明": "1234", "小红": "2345", "乐乐": "3456"}


@dataclass(frozen=True)
class Login:
    role: str
    username: str
    secret: str
    note: str = ""


def load_demo(session: Session, notice_version: str) -> list[Login]:
    """Load the demo city unless it is already there; return the demo logins."""
    import_all(session)
    if _account(session, "coordinator") is None:
        _build(session, notice_version)
        session.commit()
    add_client(session, name="演示客户端", key=DEMO_API_KEY)
    session.commit()
    return demo_logins(session)


def demo_logins(session: Session) -> list[Login]:
    coordinator = load_plan(DEMO_PLAN).coordinator
    logins = [Login("coordinator", "coordinator", DEMO_PASSWORD, coordinator),
              Login("coordinator", "safeguarding", DEMO_PASSWORD, "第二位安全负责人"),
              Login("facilitator", "facilitator", DEMO_PASSWORD, "衡阳市儿童议事会"),
              Login("facilitator", "facilitator2", DEMO_PASSWORD, "另一个小组（用来看隔离）")]
    for account in session.exec(select(Account).where(Account.role == Role.AGENCY_STAFF)):
        logins.append(Login("agency_staff", account.username, DEMO_PASSWORD,
                            account.display_name))
    for nickname, pin in CHILD_PINS.items():
        logins.append(Login("child", nickname, pin, f"邀请码 {COUNCIL_CODE}"))
    return logins


def _account(session: Session, username: str) -> Account | None:
    return session.exec(select(Account).where(Account.username == username)).first()


def _build(session: Session, notice_version: str) -> None:
    plan = load_plan(DEMO_PLAN)
    lead = accounts.create_account(
        session, username="coordinator", display_name="妇儿工委办 王老师", password=DEMO_PASSWORD,
        role=Role.COORDINATOR, plan_id=plan.id)
    second = accounts.create_account(
        session, username="safeguarding", display_name="安全负责人 陈老师",
        password=DEMO_PASSWORD, role=Role.COORDINATOR, plan_id=plan.id)
    # The city's safeguarding leads (强制报告), named as a coordinator would name them: the
    # first is called first, the second when a case waits too long, and each sees what the
    # other writes to a child.
    for on_duty in (lead, second):
        add_lead(session, on_duty, by="tongsheng demo")
    _staff_for_topics(session, plan, ["schooling", "transport", "culture_sports"])
    facilitator = accounts.create_account(
        session, username="facilitator", display_name="李辅导员", password=DEMO_PASSWORD,
        role=Role.FACILITATOR, plan_id=plan.id)
    other = accounts.create_account(
        session, username="facilitator2", display_name="赵社工", password=DEMO_PASSWORD,
        role=Role.FACILITATOR, plan_id=plan.id)
    council = _group(session, "衡阳市儿童议事会", GroupKind.COUNCIL, GroupLevel.CITY,
                     COUNCIL_CODE, facilitator)
    _group(session, "石鼓区儿童观察团", GroupKind.OBSERVER, GroupLevel.DISTRICT,
           OBSERVER_CODE, facilitator)
    _group(session, "蒸湘区阳光社区儿童议事会", GroupKind.COUNCIL, GroupLevel.COMMUNITY,
           OTHER_CODE, other)
    members = _children(session, council, facilitator, notice_version)
    session.add(Meeting(group_id=council.id, title="十二月议事会：上学路上", topic="上学路上的安全",
                        agenda="1. 大家说说上学路上遇到的问题\n2. 投票选出最重要的建议",
                        scheduled_at=utcnow() + timedelta(days=7)))
    _contacts(session)
    _suggestions(session, council, members)


def _staff_for_topics(session: Session, plan, topics: list[str]) -> None:
    """One staff account for the lead agency of each topic."""
    for number, topic in enumerate(topics, start=1):
        name = plan.route(topic).lead_agencies[0]
        agency = agency_by_name(session, plan.id, name)
        if agency is None or _account(session, f"agency{number}") is not None:
            continue
        accounts.create_account(session, username=f"agency{number}",
                                display_name=f"{name}联络员", password=DEMO_PASSWORD,
                                role=Role.AGENCY_STAFF, plan_id=plan.id, agency_id=agency.id)


def _group(session, name, kind, level, code, facilitator) -> Group:
    group = Group(name=name, kind=kind, level=level, plan_id=DEMO_PLAN, invite_code=code)
    session.add(group)
    session.flush()
    session.add(GroupFacilitator(group_id=group.id, account_id=facilitator.id))
    return group


def _children(session, group, facilitator, notice_version) -> list[Member]:
    members = []
    for number, (nickname, pin) in enumerate(CHILD_PINS.items()):
        member = Member(group_id=group.id, nickname=nickname, birth_year=2013 + number,
                        birth_month=3 + number, pin_hash=accounts.hash_secret(pin))
        session.add(member)
        session.flush()
        session.add(GuardianConsent(member_id=member.id, given_by="母亲", method="纸质同意书",
                                    notice_version=notice_version,
                                    recorded_by_id=facilitator.id))
        members.append(member)
    return members


DEMO_SUGGESTIONS = [
    ("校门口的红绿灯时间太短了，我们过马路总是要跑，很危险。", "transport", "校门口",
     Status.DISPATCHED),
    ("学校的厕所太脏了，希望每天多打扫几次。", "schooling", "学校", Status.ACCEPTED),
    ("希望图书馆周末晚上也开门，我们白天要上课外班。", "culture_sports", "市图书馆",
     Status.ANSWERED),
    ("公园里的滑梯坏了好久了，小朋友都不敢玩。", "public_space", "人民公园", Status.IN_REVIEW),
    ("想要学校多一些课外活动，比如科学社团。", "schooling", "", Status.SUBMITTED),
    ("放学路上公交站没有遮雨棚，下雨天全身都湿了。", "transport", "公交站", Status.CLOSED),
]


def _suggestions(session, group, members) -> None:
    for number, (text, topic, place, target) in enumerate(DEMO_SUGGESTIONS):
        member = members[number % len(members)]
        draft = Draft(plan_id=DEMO_PLAN, text=text, place=place, group_id=group.id,
                      member_id=member.id, consent_to_publish=True)
        found = Classification(redacted_text=text, topic=topic, confidence=0.93,
                               abstained=False, model_version="demo")
        suggestion = submit(session, draft, found, actor_for_member(member))
        _advance(session, suggestion, target, member)
    _unsure(session, group, members[0])


UNSURE_TEXT = "我家那边晚上好黑，路灯坏了好几个，走回去有点怕，还有好多狗在叫。"


def _unsure(session, group, member: Member) -> None:
    """One approved suggestion the classifier was unsure of: it waits in the city's 待分类."""
    draft = Draft(plan_id=DEMO_PLAN, text=UNSURE_TEXT, place="小区", group_id=group.id,
                  member_id=member.id, consent_to_publish=True)
    found = Classification(redacted_text=UNSURE_TEXT, topic="community", confidence=0.41,
                           abstained=True, model_version="demo")
    suggestion = submit(session, draft, found, actor_for_member(member))
    lifecycle.approve(session, suggestion,
                      actor=actor_for_account(_account(session, "facilitator")))


PATH = [Status.IN_REVIEW, Status.DISPATCHED, Status.ACCEPTED, Status.ANSWERED, Status.CLOSED]


def _advance(session, suggestion, target: Status, member: Member) -> None:
    """Walk a demo suggestion along the normal path with the named transitions."""
    if target == Status.SUBMITTED:
        return
    facilitator = actor_for_account(_account(session, "facilitator"))
    steps = PATH[: PATH.index(target) + 1]
    lifecycle.approve(session, suggestion, actor=facilitator,
                      dispatch_now=Status.DISPATCHED in steps)
    staff = _lead_staff(session, suggestion)
    if Status.ACCEPTED in steps:
        lifecycle.accept(session, suggestion, actor=staff)
    if Status.ANSWERED in steps:
        lifecycle.answer(session, suggestion, actor=staff,
                         child_text="谢谢你的建议！我们已经和有关单位商量好了，下个月开始试一试。",
                         due_weight=DueWeight.PARTLY, reason="先在一处试点",
                         next_step="试点一个月后看效果", next_date=utcnow() + timedelta(days=30))
    if Status.CLOSED in steps:
        lifecycle.rate(session, suggestion, actor=actor_for_member(member),
                       value=RatingValue.SATISFIED)


def _lead_staff(session, suggestion):
    """The demo staff account of the suggestion's first lead agency."""
    agency = agency_by_name(session, suggestion.plan_id, route_for(suggestion).lead_agencies[0])
    staff = session.exec(select(Account).where(Account.agency_id == agency.id)).first()
    return actor_for_account(staff) if staff is not None else None


def _contacts(session) -> None:
    """Every demo staff account gets an address, so the mail backend has somewhere to write."""
    for account in session.exec(select(Account)).all():
        if not account.email:
            account.email = f"{account.username}{DEMO_DOMAIN}"
            session.add(account)
