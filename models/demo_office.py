"""A busier demo city for the coordinator's dashboard: children of several districts and
ages, agencies that sign late, answer late or not at all, 退单, 催办 and 督办 steps, and
children who are not all satisfied, so no rate is a flat 100%. The stories are told twice
and spread over the last six months (each told with ``common.days_ago``), so
every dashboard's trend has weeks and months to show; one child's suggestion waits for a
guardian, so a facilitator's dashboard has something waiting for consent.

``tongsheng demo`` loads it once after the demo city; the test databases do not (their
counts stay the ones the tests were written for). Lateness is made by moving a deadline
into the past before the agency acts, exactly as a slow agency would meet it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlmodel import Session, select

from models.common import days_ago, utcnow
from models.people import accounts, consent
from models.people.tables import Account, Group, GroupFacilitator, GuardianConsent, Member
from models.suggestions import follow_up, lifecycle, supervision
from models.suggestions.deadlines import sweep
from models.suggestions.lifecycle import Classification, Draft, actor_for_account
from models.suggestions.tables import Suggestion

MARK = "【示例】"   # every busy-city text starts with it, so it is loaded once


@dataclass(frozen=True)
class Story:
    """One suggestion and what happens to it."""

    text: str
    topic: str
    group: str          # invite code
    born: int           # the child's birth year
    outcome: str        # ok, late_sign, late_answer, unhappy, mostly, waiting, returned, unrated


STORIES = [
    Story("学校门口卖的辣条没有生产日期，同学吃了肚子疼。", "consumer_safety", "HYKIDS", 2015,
          "waiting"),
    Story("希望学校的图书角多放一些科普书。", "schooling", "HYKIDS", 2016, "ok"),
    Story("体育课总是被别的课占掉，希望每周都能上。", "schooling", "HYLOOK", 2013, "late_sign"),
    Story("放学时校门口的车太多了，过马路很怕。", "transport", "HYLOOK", 2014, "late_answer"),
    Story("公园的秋千坏了一个，希望快点修。", "public_space", "HYZHEN", 2017, "waiting"),
    Story("博物馆周末能不能给小学生讲解？", "culture_sports", "HYZHEN", 2015, "ok"),
    Story("游泳馆的票太贵了，暑假去不起。", "culture_sports", "HYKIDS", 2012, "unhappy"),
    Story("作业太多了，每天写到很晚。", "schooling", "HYZHEN", 2014, "mostly"),
    Story("学校后面小区的路灯坏了，放学回家很黑。", "schooling", "HYZHEN", 2016, "returned"),
    Story("公交车上的扶手太高，我们够不着。", "transport", "HYKIDS", 2017, "unrated"),
    Story("希望图书馆多开几个儿童阅览室。", "culture_sports", "HYLOOK", 2013, "ok"),
    Story("学校食堂的菜太咸了。", "schooling", "HYKIDS", 2014, "late_answer"),
    Story("医院儿科排队太久了，生病了要等好几个小时。", "health", "HYLOOK", 2012, "waiting"),
    Story("河边的垃圾好多，希望有人来捡。", "environment", "HYZHEN", 2015, "waiting"),
    Story("小区里能不能多装几个儿童滑梯？", "public_space", "HYKIDS", 2019, "held"),
]
ROUNDS = 2
SPREAD_DAYS = 180   # the stories are spread over about the last six months


def _member(session: Session, group: Group, born: int, number: int,
            notice_version: str | None) -> Member:
    """A child of the group (no PIN anyone knows), with a guardian's consent to this notice
    unless ``notice_version`` is None."""
    kid = Member(group_id=group.id, nickname=f"示例{number:02d}", birth_year=born,
                 birth_month=1 + number % 12, pin_hash=accounts.hash_secret(f"x{number}9z"))
    session.add(kid)
    session.flush()
    if notice_version is not None:
        session.add(GuardianConsent(member_id=kid.id, given_by="母亲", method="纸质同意书",
                                    notice_version=notice_version))
    return kid


def _staff(session: Session, suggestion: Suggestion):
    """The demo staff of the item's first lead agency that has an account, if any."""
    from models.suggestions.routing import current_assignments

    for held in current_assignments(session, suggestion):
        if held.role != "lead":
            continue
        found = session.exec(select(Account).where(Account.agency_id == held.agency_id)).first()
        if found is not None:
            return actor_for_account(found)
    return None


def _answer(session, item, staff, *, late: bool, weight: str = "adopted") -> None:
    if late:
        item.answer_due = utcnow() - timedelta(days=2)
    lifecycle.answer(session, item, actor=staff, due_weight=weight, reason="正在分步做",
                     child_text="谢谢你！我们看过了，会按你说的去改，改好了告诉你。")


def _play(session: Session, item: Suggestion, story: Story, people: dict) -> None:
    staff = _staff(session, item)
    late_sign = story.outcome in ("late_sign", "waiting")
    if late_sign:
        item.sign_due = utcnow() - timedelta(days=6)
    if staff is None or story.outcome == "waiting":
        sweep(session)
        supervision.escalate(session, item, actor=people["coordinator"], level=1,
                             note="请尽快签收办理。")
        if item.overdue:
            supervision.escalate(session, item, actor=people["coordinator"], level=2,
                                 note="已超期，请三个工作日内答复。")
        return
    if story.outcome == "returned":
        lifecycle.return_(session, item, actor=staff, category="属地不符",
                          text="小区路灯归街道管，建议改派蒸湘区红湘街道。")
        return
    lifecycle.accept(session, item, actor=staff)
    _answer(session, item, staff, late=story.outcome == "late_answer",
            weight="partly" if story.outcome in ("mostly", "unhappy") else "adopted")
    rating = {"unhappy": "unsatisfied", "mostly": "mostly", "unrated": None}.get(
        story.outcome, "satisfied")
    if rating:
        lifecycle.rate(session, item, actor=people["child"](item), value=rating)
    else:
        follow_up.follow_up(session, item, actor=people["coordinator"],
                            note="电话回访辅导员：孩子看到了回复，还没有评价。")


def _days_ago(number: int, round_: int) -> int:
    """How far back a story is moved: spread over ``SPREAD_DAYS``, the second telling a
    few days from the first."""
    return (number * SPREAD_DAYS // len(STORIES) + round_ * 9) % SPREAD_DAYS + 1


def _tell(session: Session, story: Story, kid: Member, people: dict, moderator: Account,
          ) -> Suggestion:
    """One story from the child's suggestion to its end."""
    text = MARK + story.text
    group = session.get(Group, kid.group_id)
    item = lifecycle.submit(
        session, Draft(plan_id=group.plan_id, text=text, group_id=kid.group_id,
                       member_id=kid.id, consent_to_publish=True),
        Classification(redacted_text=text, topic=story.topic, confidence=0.9,
                       abstained=False, model_version="demo"),
        lifecycle.actor_for_member(kid))
    if story.outcome == "held":
        consent.hold(session, item, None)
        return item
    lifecycle.approve(session, item, actor=actor_for_account(moderator))
    _play(session, item, story, {**people, "child": lambda _: lifecycle.actor_for_member(kid)})
    return item


def busy_city(session: Session, notice_version: str) -> int:
    """Load the busier demo once; the number of suggestions it added (0 the second time)."""
    if session.exec(select(Suggestion.id).where(
            Suggestion.original_text.startswith(MARK))).first() is not None:
        return 0
    groups = {g.invite_code: g for g in session.exec(select(Group))}
    coordinator = session.exec(select(Account).where(Account.username == "coordinator")).one()
    runs = dict(session.exec(select(GroupFacilitator.group_id, GroupFacilitator.account_id)).all())
    people = {"coordinator": actor_for_account(coordinator)}
    for round_ in range(ROUNDS):
        for number, story in enumerate(STORIES, start=1):
            kid = _member(session, groups[story.group], story.born,
                          number + round_ * len(STORIES),
                          None if story.outcome == "held" else notice_version)
            with days_ago(_days_ago(number, round_)):
                _tell(session, story, kid, people, session.get(Account, runs[kid.group_id]))
    session.commit()
    return len(STORIES) * ROUNDS
