"""A demo city: accounts for every role, two groups, a meeting and suggestions in many states.

Loading is idempotent: run it twice and nothing is duplicated.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlmodel import Session, select

from models import demo_places
from models.common import utcnow
from models.office.api_keys import add_client
from models.people import accounts
from models.people.mfa import DEMO_DOMAIN
from models.people.tables import (
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
from models.plans.importer import agency_by_name, import_all
from models.plans.plan import load_plan
from models.safety.duty import add_lead
from models.suggestions import lifecycle
from models.suggestions.lifecycle import (
    Classification,
    Draft,
    actor_for_account,
    actor_for_member,
    submit,
)
from models.suggestions.routing import route_for
from models.suggestions.status import Status
from models.suggestions.tables import DueWeight, RatingValue

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
    demo_places.load_places(session)
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
           OBSERVER_CODE, facilitator, district="石鼓区")
    _group(session, "蒸湘区阳光社区儿童议事会", GroupKind.COUNCIL, GroupLevel.COMMUNITY,
           OTHER_CODE, other, district="蒸湘区")
    members = _children(session, council, facilitator, notice_version)
    session.add(Meeting(group_id=council.id, title="十二月议事会：上学路上", topic="上学路上的安全",
                        agenda="1. 大家说说上学路上遇到的问题\n2. 投票选出最重要的建议",
                        scheduled_at=utcnow() + timedelta(days=7)))
    _contacts(session)
    _suggestions(session, council, members)
    demo_places.build(session, plan.id)


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


def _group(session, name, kind, level, code, facilitator, district="") -> Group:
    group = Group(name=name, kind=kind, level=level, plan_id=DEMO_PLAN, invite_code=code,
                  district=district)
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
    _board(session, group, members)


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


@dataclass(frozen=True)
class Answered:
    """A demo suggestion answered for the public board, and how its child rated the answer."""

    text: str
    topic: str
    answer: str
    weight: DueWeight
    reason: str = ""
    rating: RatingValue | None = None


BOARD_ANSWERS = [
    Answered("课间去喝水要排好长的队，希望学校多装几台饮水机。", "schooling",
             "谢谢你提醒我们！这个学期每层楼都会再装一台饮水机，课间就不用排长队了。",
             DueWeight.ADOPTED, rating=RatingValue.SATISFIED),
    Answered("希望体育馆暑假能给小学生免费开放几天。", "culture_sports",
             "体育馆暑假每周二已经免费给中小学生开放了。我们会把通知贴到学校里，让更多同学知道。",
             DueWeight.ALREADY_DONE, rating=RatingValue.MOSTLY),
    Answered("学校门口的公交站只停一路车，希望多停几路。", "transport",
             "我们去看过了，学校门口的路太窄，暂时没法再多停一路车。我们会让这一路车在上学放学时多开几班。",
             DueWeight.NOT_ADOPTED, reason="道路太窄，多停车会堵住校门口",
             rating=RatingValue.MOSTLY),
    Answered("午休的时候希望能在教室里安静地趴一会儿，不要总是写作业。", "schooling",
             "你说得对，休息好了才能学得好。我们会请各个学校每天留出二十分钟安静午休。",
             DueWeight.PARTLY, reason="各个学校的作息不一样，先请学校自己安排"),
]


def _board(session, group, members: list[Member]) -> None:
    """Answered, consented suggestions with ratings, so the public board has something to show.

    They are 小红's and 乐乐's: 小明 is the child the tests sign in as, with no news waiting.
    """
    facilitator = actor_for_account(_account(session, "facilitator"))
    others = members[1:]
    for number, item in enumerate(BOARD_ANSWERS):
        member = others[number % len(others)]
        draft = Draft(plan_id=DEMO_PLAN, text=item.text, group_id=group.id,
                      member_id=member.id, consent_to_publish=True)
        found = Classification(redacted_text=item.text, topic=item.topic, confidence=0.9,
                               abstained=False, model_version="demo")
        suggestion = submit(session, draft, found, actor_for_member(member))
        lifecycle.approve(session, suggestion, actor=facilitator)
        staff = _lead_staff(session, suggestion)
        lifecycle.accept(session, suggestion, actor=staff)
        lifecycle.answer(session, suggestion, actor=staff, child_text=item.answer,
                         due_weight=item.weight, reason=item.reason)
        if item.rating is not None:
            lifecycle.rate(session, suggestion, actor=actor_for_member(member),
                           value=item.rating)
    _returned(session, group, others[-1], facilitator)


RETURNED_TEXT = "河边的步道没有栏杆，走在上面有点怕，希望装上护栏。"


def _returned(session, group, member: Member, facilitator) -> None:
    """One suggestion its agency sent back (退单): it waits for the coordinator to re-route."""
    draft = Draft(plan_id=DEMO_PLAN, text=RETURNED_TEXT, group_id=group.id,
                  member_id=member.id, consent_to_publish=True)
    found = Classification(redacted_text=RETURNED_TEXT, topic="transport", confidence=0.7,
                           abstained=False, model_version="demo")
    suggestion = submit(session, draft, found, actor_for_member(member))
    lifecycle.approve(session, suggestion, actor=facilitator)
    lifecycle.return_(session, suggestion, actor=_lead_staff(session, suggestion),
                      category="属地不符", text="河边步道由市城市管理局管理，建议改派。")


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
