"""Each rate checked against a history built at known times (on SQLite and PostgreSQL).

The clock is moved with time-machine, so every event, answer and rating carries the time
the story says, and the deadlines are the plan's own (sign within 2 working days, answer
within 15, counted from Monday 3 March 2031).
"""

from datetime import date, datetime

import pytest
import time_machine

from models.common import CHINA
from models.office import figures
from models.office.figures import Period, Ratio
from models.privacy.publication import public_condition
from models.suggestions import lifecycle
from tests.flow import actor, child, new_suggestion

PERIOD = Period(start=datetime(2031, 3, 1, tzinfo=CHINA), end=datetime(2031, 4, 1, tzinfo=CHINA))
NOW = datetime(2031, 4, 2, 12, tzinfo=CHINA)
EDUCATION = "市教育局"


def _at(day: int, hour: int = 10, month: int = 3):
    return time_machine.travel(datetime(2031, month, day, hour, tzinfo=CHINA), tick=False)


def _sent(session, day: int = 3, month: int = 3):
    """A schooling suggestion by 小明, approved and sent to 市教育局 on that day at 09:00."""
    with _at(day, 9, month):
        item = new_suggestion(session)
        item.consent_to_publish = True
        lifecycle.approve(session, item, actor=actor(session, "facilitator"))
        session.commit()
    return item


def _step(session, day: int, move, item, **kwargs):
    with _at(day):
        move(session, item, **kwargs)
        session.commit()


def _signed(session, day: int):
    item = _sent(session)
    _step(session, day, lifecycle.accept, item, actor=actor(session, "agency1"))
    return item


def _answered(session, signed: int, answered: int, weight: str, rating: str | None,
              rated: int = 0):
    item = _signed(session, signed)
    _step(session, answered, lifecycle.answer, item, actor=actor(session, "agency1"),
          child_text="谢谢你的建议，我们来办。", due_weight=weight, reason="先试一试")
    if rating:
        _step(session, rated, lifecycle.rate, item, actor=child(session), value=rating)
    return item


@pytest.fixture
def story(session):
    """Six suggestions sent to 市教育局 on Monday 3 March 2031, and one from February."""
    _answered(session, 4, 6, "adopted", "satisfied", 7)        # A: all on time, 满意
    _answered(session, 10, 12, "partly", "unsatisfied", 13)    # B: signed late, 不满意 (reopened)
    returned = _sent(session)                                   # C: 退单 the next day
    _step(session, 4, lifecycle.return_, returned, actor=actor(session, "agency1"),
          category="职能不符", text="应该由市城市管理局来办。")
    _sent(session)                                              # D: never signed
    _signed(session, 4)                                         # E: signed, never answered
    _answered(session, 4, 28, "not_adopted", "mostly", 29)      # F: answered late, 基本满意
    with _at(3, month=2):
        _sent(session, 3, 2)                                    # outside the period
    return session


def _education(found):
    return next(f for f in found if f.label == EDUCATION)


def test_each_rate_counts_exactly_what_its_definition_says(story):
    education = _education(figures.by_agency(story, plan_id="hengyang", period=PERIOD, now=NOW))
    assert education.received == 6
    assert education.on_time_sign == Ratio(3, 5)      # A E F on time; B late; D waiting late
    assert education.on_time_answer == Ratio(2, 4)    # A B on time; F late; E waiting late
    assert education.satisfaction == Ratio(2, 3)      # A 满意, F 基本满意, B 不满意
    assert education.return_rate == Ratio(1, 6)       # C
    assert education.overdue == 4                     # B D E F
    assert education.adoption == {"adopted": 1, "partly": 1, "not_adopted": 1,
                                  "already_done": 0}
    assert education.on_time_sign.percent == 60 and education.satisfaction.percent == 67


def test_before_the_deadlines_pass_nothing_waiting_counts_as_late(story):
    early = datetime(2031, 3, 5, 12, tzinfo=CHINA)   # D still has until Wednesday night
    education = _education(figures.by_agency(story, plan_id="hengyang", period=PERIOD,
                                             now=early))
    assert education.waiting_to_sign_late == 0
    assert education.waiting_for_answer_late == 0
    assert education.overdue == 2                     # B signed late, F answered late


def test_the_period_is_when_the_children_made_the_suggestions(story):
    everything = _education(figures.by_agency(story, plan_id="hengyang", now=NOW))
    in_march = _education(figures.by_agency(story, plan_id="hengyang", period=PERIOD, now=NOW))
    assert everything.received - in_march.received == 1 + _demo_received(story)


def _demo_received(session) -> int:
    before = Period(end=datetime(2031, 1, 1, tzinfo=CHINA))
    found = figures.by_agency(session, plan_id="hengyang", period=before)
    return sum(f.received for f in found if f.label == EDUCATION)


def test_by_domain_and_for_the_city_use_the_same_counts(story):
    domains = figures.grouped(story, "domain", plan_id="hengyang", period=PERIOD, now=NOW)
    assert [(d.key, d.received, d.on_time_sign) for d in domains] == [
        ("推进公共服务友好，满足儿童成长发展需要", 6, Ratio(3, 5))]
    city = figures.for_plan(story, plan_id="hengyang", period=PERIOD, now=NOW)
    assert (city.received, city.satisfaction, city.return_rate) == (6, Ratio(2, 3), Ratio(1, 6))


def test_public_figures_count_only_what_may_be_public(story):
    """B was reopened by its 不满意 (back in review): not public, so not in the public figures."""
    public = _education(figures.by_agency(story, plan_id="hengyang", period=PERIOD, now=NOW,
                                          scope=public_condition()))
    assert public.received == 5
    assert public.satisfaction == Ratio(2, 2)
    assert public.on_time_sign == Ratio(3, 4)


def test_an_empty_period_has_no_rates_rather_than_zero(session):
    empty = figures.for_plan(session, plan_id="hengyang",
                             period=Period(start=datetime(2040, 1, 1, tzinfo=CHINA)))
    assert empty.received == 0 and empty.on_time_sign.value is None
    assert empty.satisfaction.percent is None


def test_each_co_lead_is_counted_for_what_its_own_staff_did(session):
    """Transport has two leads (市城市管理局, 市交通运输局); only the first has demo staff."""
    with _at(3, 9):
        signed = new_suggestion(session, topic="transport")
        returned = new_suggestion(session, topic="transport")
        for item in (signed, returned):
            lifecycle.approve(session, item, actor=actor(session, "facilitator"))
        session.commit()
    _step(session, 4, lifecycle.accept, signed, actor=actor(session, "agency2"))
    _step(session, 4, lifecycle.return_, returned, actor=actor(session, "agency2"),
          category="属地不符", text="应该由区里来办。")
    found = {f.label: f for f in figures.by_agency(session, plan_id="hengyang", period=PERIOD,
                                                   now=NOW)}
    city, transport = found["市城市管理局"], found["市交通运输局"]
    assert (city.received, city.signed, city.returned) == (2, 1, 1)
    assert (transport.received, transport.signed, transport.returned) == (2, 0, 0)
    # 市城市管理局's 退单 is its own: the item stays with 市交通运输局, still unsigned and late.
    assert transport.on_time_sign == Ratio(0, 1) and transport.waiting_to_sign_late == 1


def _child_in(session, group, nickname: str, born: tuple[int, int]):
    """A child of ``group`` born in that year and month, with a schooling suggestion sent."""
    from models.people.tables import GuardianConsent, Member
    from models.suggestions.lifecycle import Classification, Draft, actor_for_member
    from tests.conftest import NOTICE

    kid = Member(group_id=group.id, nickname=nickname, birth_year=born[0], birth_month=born[1],
                 pin_hash="x")
    session.add(kid)
    session.flush()
    session.add(GuardianConsent(member_id=kid.id, given_by="母亲", method="纸质同意书",
                                notice_version=NOTICE))
    with _at(3, 9):
        item = lifecycle.submit(
            session, Draft(plan_id="hengyang", text="操场的灯坏了。", group_id=group.id,
                           member_id=kid.id, idempotency_key=nickname),
            Classification(redacted_text="操场的灯坏了。", topic="schooling", confidence=0.9,
                           abstained=False, model_version="test"), actor_for_member(kid))
        lifecycle.approve(session, item, actor=actor(session, "facilitator"))
        session.commit()
    return item


def test_breakdowns_by_district_group_kind_and_age_band(story):
    """The story's six are 小明's (city council, 18 in March 2031); two more come from the
    石鼓区 observer group: a child of 9 (born April 2021) and one just 10 (born March 2021)."""
    from models.office import dashboard
    from tests.flow import observers

    group = observers(story)
    _child_in(story, group, "小九", (2021, 4))
    _child_in(story, group, "小十", (2021, 3))

    def counts(key):
        found = dashboard.breakdown(story, key, plan_id="hengyang", period=PERIOD, now=NOW)
        return {f.label: f.received for f in found.rows}
    assert counts("district") == {"市级（不分区县）": 6, "石鼓区": 2}
    assert counts("group_kind") == {"儿童议事会": 6, "儿童观察团": 2}
    assert counts("age_band") == {"16 岁及以上": 6, "7–9 岁": 1, "10–12 岁": 1}
    assert counts("topic") == {"学校教育": 8}
    assert counts("agency_id") == {EDUCATION: 8}


def test_agencies_are_ranked_by_on_time_answers_then_satisfaction(story):
    from models.office import dashboard
    from models.office.figures import Figures

    def agency(label, answered_on_time, answered, content, rated):
        return Figures(key=label, label=label, answered=answered,
                       answered_on_time=answered_on_time, rated=rated, content=content)
    ranked = dashboard.ranking([agency("慢", 1, 2, 2, 2), agency("无", 0, 0, 0, 0),
                                agency("快但不满意", 2, 2, 0, 2), agency("快又满意", 2, 2, 2, 2)])
    assert [f.label for f in ranked] == ["快又满意", "快但不满意", "慢", "无"]
    board = dashboard.build(story, plan_id="hengyang", first=date(2031, 3, 1),
                            last=date(2031, 3, 31), now=NOW)
    assert board.ranking[0].label == EDUCATION and board.city.received == 6
    assert [b.key for b in board.breakdowns] == list(dashboard.BREAKDOWNS)
