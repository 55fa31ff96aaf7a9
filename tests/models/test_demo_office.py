"""The busier demo city gives the dashboard real numbers: not every rate is 100%, 督办 steps
exist, children of several districts and ages appear, and it loads once."""

from sqlmodel import select

from models.demo_office import STORIES, busy_city
from models.office import dashboard
from models.suggestions.supervision import SupervisionStep
from tests.conftest import NOTICE


def test_the_busy_demo_shows_realistic_figures(session):
    assert busy_city(session, NOTICE) == len(STORIES)
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
