"""The busier demo city gives the dashboard real numbers: not every rate is 100%, 督办 steps
exist, children of several districts and ages appear, and it loads once."""

from sqlmodel import select

from models.demo_office import ROUNDS, STORIES, busy_city
from models.office import dashboard
from models.suggestions.supervision import SupervisionStep
from tests.conftest import NOTICE


def test_the_busy_demo_shows_realistic_figures(session):
    assert busy_city(session, NOTICE) == len(STORIES) * ROUNDS
    assert busy_city(session, NOTICE) == 0
    board = dashboard.build(session, plan_id="hengyang")
    city = board.city
    for rate in (city.on_time_sign, city.on_time_answer, city.satisfaction):
        assert rate.whole and 0 < rate.value < 1, rate
    assert city.returned >= 2 and city.overdue >= 4
    districts = {f.label for b in board.breakdowns if b.key == "district" for f in b.rows}
    assert {"石鼓区", "蒸湘区"} <= districts
    ages = {f.label for b in board.breakdowns if b.key == "age_band" for f in b.rows}
    assert len(ages) >= 3
    levels = {s.level for s in session.exec(select(SupervisionStep))}
    assert levels == {1, 2}


def test_the_busy_demo_spreads_over_months_for_every_dashboard(session):
    from datetime import timedelta

    from models.common import CHINA, utcnow
    from models.office import figures, group_figures
    from tests.flow import account

    busy_city(session, NOTICE)
    today = utcnow().astimezone(CHINA).date()
    first = today - timedelta(days=200)
    board = dashboard.build(session, plan_id="hengyang", first=first, last=today)
    assert board.unit == "month"
    assert sum(1 for f in board.trend.rows if f.received) >= 5
    education = next(k for k, v in figures.agency_labels(session, "hengyang").items()
                     if v == "市教育局")
    agency = dashboard.build(session, plan_id="hengyang", first=first, last=today,
                             scope=figures.for_agency(education),
                             keys=dashboard.AGENCY_BREAKDOWNS).city
    assert agency.received >= 6 and agency.overdue and agency.days_late
    assert sum(agency.adoption.values()) >= 4
    groups = list(group_figures.facilitator_groups(session, account(session, "facilitator").id))
    mine = dashboard.build_for_groups(session, groups, plan_id="hengyang", first=first,
                                      last=today).city
    assert mine.consent_waiting >= 2 and mine.answered >= 6
    assert 0 < mine.satisfaction.value < 1
