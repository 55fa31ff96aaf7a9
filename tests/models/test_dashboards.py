"""Every dashboard checked against the history that produced it (SQLite and PostgreSQL).

The history is ``test_figures.story``: six schooling suggestions sent to 市教育局 on Monday
3 March 2031 at 09:00 (sign by Wednesday 5 March 23:59:59; those signed on 4 March answer
by Tuesday 25 March 23:59:59, 15 working days after the 签收), one more on 3 February.
Here a transport suggestion is added in March, with two leads (市城市管理局 signs it,
市交通运输局 does not; each counts once), so the city and the agency differ. The
coordinator's, 市教育局's and the council facilitator's (李辅导员) figures are each
asserted, with the trend and the adoption levels.
"""

from datetime import date, datetime

import pytest

from models.common import CHINA
from models.office import dashboard, figures, group_figures
from models.office.figures import Ratio
from models.people import consent
from models.suggestions import lifecycle
from tests.flow import account, actor, new_suggestion
from tests.models.test_figures import NOW, _at, _step, story  # noqa: F401  (the fixture)

MARCH = {"first": date(2031, 3, 1), "last": date(2031, 3, 31), "now": NOW}
ADOPTION = {"adopted": 1, "partly": 1, "not_adopted": 1, "already_done": 0}


@pytest.fixture
def city(story):  # noqa: F811
    """The story, one transport suggestion signed by 市城市管理局, and two suggestions of the
    council still with its facilitator: one waiting for a guardian, one in review."""
    with _at(3, 9):
        transport = new_suggestion(story, topic="transport")
        lifecycle.approve(story, transport, actor=actor(story, "facilitator"))
        held, _ = new_suggestion(story), new_suggestion(story)
        consent.hold(story, held, None)
        story.commit()
    _step(story, 4, lifecycle.accept, transport, actor=actor(story, "agency2"))
    return story


def _agency_id(session, name: str) -> int:
    return next(k for k, v in figures.agency_labels(session, "hengyang").items() if v == name)


def _board_of(session, name: str) -> dashboard.Dashboard:
    return dashboard.build(session, plan_id="hengyang", keys=dashboard.AGENCY_BREAKDOWNS,
                           scope=figures.for_agency(_agency_id(session, name)), **MARCH)


def test_the_agency_sees_its_own_rates_and_nothing_of_another_agency(city):
    education = _board_of(city, "市教育局").city
    assert education.received == 6
    assert education.on_time_sign == Ratio(3, 5)       # A E F; B late; D waiting late
    assert education.on_time_answer == Ratio(2, 4)     # A B; F late; E waiting late
    assert education.satisfaction == Ratio(2, 3)       # A 满意, F 基本满意; B 不满意
    assert education.return_rate == Ratio(1, 6)        # C
    assert education.overdue == 4 and education.adoption == ADOPTION
    transport = _board_of(city, "市城市管理局").city
    assert (transport.received, transport.signed, transport.overdue) == (1, 1, 1)
    assert transport.on_time_answer == Ratio(0, 1)     # signed, no answer by 24 March


def test_overdue_days_are_counted_to_the_act_or_to_now(city):
    """B signed 4 days 10 hours late, D has waited 27½ days to be signed, E 7½ days for an
    answer, F answered 2 days 10 hours late: 41.83 days over 4 items."""
    education = _board_of(city, "市教育局").city
    assert education.overdue_days == pytest.approx(41.8333, abs=0.001)
    assert education.days_late == (10.5, 27.5)


def test_the_agency_breakdowns_by_domain_and_plan_task(city):
    board = _board_of(city, "市教育局")
    parts = {b.key: b.rows for b in board.breakdowns}
    assert [b.key for b in board.breakdowns] == list(dashboard.AGENCY_BREAKDOWNS)
    (domain,) = parts["domain"]
    assert (domain.received, domain.on_time_answer, domain.adoption) == (6, Ratio(2, 4), ADOPTION)
    (task,) = parts["task_id"]
    assert task.label.split()[0] == task.key and task.received == 6
    assert {f.label: f.received for f in parts["age_band"]} == {"16 岁及以上": 6}


def test_the_coordinator_sees_the_city_with_every_agency(city):
    board = dashboard.build(city, plan_id="hengyang", **MARCH)
    assert board.city.received == 8 and board.city.on_time_sign == Ratio(4, 6)
    assert board.city.adoption == ADOPTION
    assert board.city.overdue == 6             # B D E F and both transport leads
    assert [f.label for f in board.ranking] == ["市教育局", "市城市管理局", "市交通运输局"]
    by_key = {b.key: b.rows for b in board.breakdowns}
    assert {f.label: f.received for f in by_key["group_id"]} == {"衡阳市儿童议事会": 8}
    assert {f.label: f.received for f in by_key["agency_id"]} == {
        "市教育局": 6, "市城市管理局": 1, "市交通运输局": 1}
    assert sum(f.received for f in by_key["task_id"]) == 8


def test_the_trend_is_weekly_for_a_short_period_and_monthly_for_a_long_one(city):
    weekly = dashboard.build(city, plan_id="hengyang", first=date(2031, 2, 1),
                             last=date(2031, 3, 31), now=NOW)
    assert weekly.unit == "week"
    counts = {f.label: f.received for f in weekly.trend.rows}
    assert counts["02-03"] == 1 and counts["03-03"] == 8 and counts["03-10"] == 0
    assert sum(counts.values()) == 9 and len(counts) == 10     # 27 Jan … 31 Mar
    monthly = dashboard.build(city, plan_id="hengyang", first=date(2031, 1, 1),
                              last=date(2031, 4, 30), now=NOW,
                              scope=figures.for_agency(_agency_id(city, "市教育局")))
    assert monthly.unit == "month"
    assert [(f.label, f.received) for f in monthly.trend.rows] == [
        ("2031-01", 0), ("2031-02", 1), ("2031-03", 6), ("2031-04", 0)]
    march = monthly.trend.rows[2]
    assert march.on_time_answer == Ratio(2, 4) and march.adoption == ADOPTION


def _groups(session, username: str = "facilitator") -> list[int]:
    return list(group_figures.facilitator_groups(session, account(session, username).id))


def test_the_facilitator_sees_what_their_groups_children_made_and_became_of_it(city):
    board = dashboard.build_for_groups(city, _groups(city), plan_id="hengyang", **MARCH)
    total = board.city
    assert total.made == 9                 # the six, the transport one, the held, the new
    assert total.consent_waiting == 1
    assert total.in_review == 1            # B, reopened by its 不满意, went to the city
    assert total.sent == 7 and total.answered == 3
    assert total.answer_rate == Ratio(3, 7) and total.satisfaction == Ratio(2, 3)
    assert total.adoption == ADOPTION
    rows = {b.key: {f.label: f.made for f in b.rows} for b in board.breakdowns}
    assert rows == {"group_id": {"衡阳市儿童议事会": 9}, "age_band": {"16 岁及以上": 9}}
    assert [f.made for f in board.trend.rows if f.made] == [9]


def test_another_facilitator_sees_none_of_these_groups(city):
    board = dashboard.build_for_groups(city, _groups(city, "facilitator2"), plan_id="hengyang",
                                       **MARCH)
    assert board.city.made == 0 and board.city.satisfaction.value is None


def test_who_may_open_which_dashboard(city):
    education = _agency_id(city, "市教育局")
    coordinator, clerk = account(city, "coordinator"), account(city, "agency1")
    assert dashboard.viewable_agency(city, coordinator, education) is not None
    assert dashboard.viewable_agency(city, clerk, education) is not None
    assert dashboard.viewable_agency(city, clerk, _agency_id(city, "市城市管理局")) is None
    facilitator = account(city, "facilitator")
    assert dashboard.viewable_facilitator(city, coordinator, facilitator.id) is facilitator
    assert dashboard.viewable_facilitator(city, facilitator, facilitator.id) is facilitator
    assert dashboard.viewable_facilitator(city, account(city, "facilitator2"),
                                          facilitator.id) is None
    assert dashboard.viewable_facilitator(city, coordinator, clerk.id) is None


def test_a_period_preset_is_read_in_local_days():
    from models.office import periods

    today = date(2031, 5, 14)   # a Wednesday
    assert periods.preset("week", today) == (date(2031, 5, 12), today)
    assert periods.preset("month", today) == (date(2031, 5, 1), today)
    assert periods.preset("quarter", today) == (date(2031, 4, 1), today)
    assert periods.preset("year", today) == (date(2031, 1, 1), today)
    start = periods.as_period(date(2031, 3, 1), None).start
    assert start == datetime(2031, 3, 1, tzinfo=CHINA)


def _queries(session, build) -> int:
    from sqlalchemy import event

    seen: list[str] = []
    engine = session.get_bind()

    def count(*_args):
        seen.append("query")
    event.listen(engine, "before_cursor_execute", count)
    try:
        build()
    finally:
        event.remove(engine, "before_cursor_execute", count)
    return len(seen)


def test_each_dashboard_is_a_constant_number_of_queries(city):
    """Counting is done by the database: three times the history, the same queries."""
    groups = _groups(city)
    education = figures.for_agency(_agency_id(city, "市教育局"))
    builds = [lambda: dashboard.build(city, plan_id="hengyang", **MARCH),
              lambda: dashboard.build(city, plan_id="hengyang", scope=education,
                                      keys=dashboard.AGENCY_BREAKDOWNS, **MARCH),
              lambda: dashboard.build_for_groups(city, groups, plan_id="hengyang", **MARCH)]
    before = [_queries(city, build) for build in builds]
    with _at(4, 9):
        for _ in range(12):
            lifecycle.approve(city, new_suggestion(city), actor=actor(city, "facilitator"))
        city.commit()
    assert [_queries(city, build) for build in builds] == before
    assert before[0] <= len(dashboard.BREAKDOWNS) + 4 and before[2] <= 6
