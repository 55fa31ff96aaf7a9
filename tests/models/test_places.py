"""Places on the city's map: checked as typed, imported all or nothing, seeded once, linked
to the observer visits that name them, and scored from the visits' ratings."""

from datetime import date

import pytest

from models.councils import observation
from models.places import places, summary
from models.places.places import PlaceProblem, checked, city_place, city_places, named
from tests.flow import account, observers

GOOD = "name,kind,district,lat,lng\n石鼓书院旁小公园,park,石鼓区,26.91,112.62\n"


@pytest.mark.parametrize("row, words", [
    (("", "park", "", 26.9, 112.6), "名字"),
    (("新公园", "zoo", "", 26.9, 112.6), "种类"),
    (("新公园", "park", "", "二十六", 112.6), "数字"),
    (("新公园", "park", "", 48.85, 2.35), "中国境内"),
])
def test_a_place_with_a_mistake_is_refused_with_its_reason(row, words):
    with pytest.raises(PlaceProblem, match=words):
        checked(*row)


def test_the_demo_city_has_its_public_places_and_the_other_cities_theirs(session):
    names = {p.name for p in city_places(session, "hengyang")}
    assert {"衡阳市图书馆", "岳屏公园", "衡阳市第一中学", "阳光社区儿童之家（演示）"} <= names
    for plan_id in ("changzhou", "dadukou", "meizhou", "xiuzhou"):
        assert len(city_places(session, plan_id)) >= 3, plan_id
    assert {p.kind for p in city_places(session, "hengyang", "park")} == {"park"}
    library = named(session, "hengyang", "衡阳市图书馆")
    assert library.source_url.startswith("https://www.openstreetmap.org/search?query=")
    assert places.seed(session, ["hengyang", "changzhou"]) == 0  # seeding twice adds nothing


def test_a_csv_with_one_bad_row_stores_nothing_and_names_the_line(session):
    before = len(city_places(session, "hengyang"))
    stored, problems = places.import_csv(
        session, "hengyang", GOOD + "坏的一行,park,,abc,112.6\n")
    assert stored == 0 and [p.line for p in problems] == [3]
    assert len(city_places(session, "hengyang")) == before
    with pytest.raises(PlaceProblem, match="第一行"):
        places.import_csv(session, "hengyang", "名字,种类\n")


def test_a_csv_adds_new_places_and_updates_those_of_the_same_name(session):
    stored, problems = places.import_csv(
        session, "hengyang", GOOD + "岳屏公园,park,蒸湘区,26.8960,112.6050\n")
    assert (stored, problems) == (2, [])
    assert named(session, "hengyang", "石鼓书院旁小公园").district == "石鼓区"
    assert named(session, "hengyang", "岳屏公园").lat == pytest.approx(26.896)
    assert named(session, "changzhou", "石鼓书院旁小公园") is None


def test_two_places_of_a_city_never_share_a_name(session):
    park = named(session, "hengyang", "岳屏公园")
    with pytest.raises(PlaceProblem, match="同名"):
        places.save(session, "hengyang", checked("衡阳市图书馆", "park", "", 26.9, 112.6), park)


def test_another_citys_place_is_not_found_in_this_city(session):
    changzhou_park = named(session, "changzhou", "红梅公园")
    assert city_place(session, "hengyang", changzhou_park.id) is None
    assert city_place(session, "changzhou", changzhou_park.id) == changzhou_park


def test_a_visit_that_names_a_place_of_the_map_counts_on_that_place(session):
    facilitator = account(session, "facilitator")
    library = named(session, "hengyang", "衡阳市图书馆")
    visit = observation.start(session, group=observers(session), checklist="library",
                              place_name=" 衡阳市图书馆 ", visited_on=date(2026, 11, 20),
                              account=facilitator)
    elsewhere = observation.start(session, group=observers(session), checklist="library",
                                  place_name="学校图书角", visited_on=date(2026, 11, 21),
                                  account=facilitator)
    assert visit.place_id == library.id and elsewhere.place_id is None
    observation.save(session, visit=visit, entries=[
        observation.Entry("books", "good"), observation.Entry("furniture", "fair"),
        observation.Entry("hours", "needs_work", "周末下午就关门了")])
    [score] = summary.visits(session, library)
    assert score.ratings == {"good": 1, "fair": 1, "needs_work": 1}
    assert score.score == 50 and score.checklist == "图书馆"
    assert summary.counts(session, "hengyang")[library.id].visits == 1
    made = observation.to_suggestions(session, visit=visit, account=facilitator)
    assert [s.place_id for s in made] == [library.id]
