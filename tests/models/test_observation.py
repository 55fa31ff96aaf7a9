"""Observer visits: rate a place item by item, and turn what needs work into suggestions."""

from datetime import date

import pytest
from sqlmodel import select

from models import moderation, observation
from models.checklists import CHECKLISTS
from models.people import Group
from models.status import Status
from tests.conftest import NOTICE
from tests.flow import account


def _observers(session):
    return session.exec(select(Group).where(Group.invite_code == "HYLOOK")).one()


def test_every_place_the_plans_name_has_a_checklist():
    names = {c.name for c in CHECKLISTS.values()}
    assert names == {"公园", "学校及上学路", "医院", "图书馆", "社区",
                     "公共场所母婴室/儿童厕位", "公交站"}
    labels = {item.label for c in CHECKLISTS.values() for item in c.items}
    assert {"儿童厕位和洗手池", "母婴室", "适儿化标识", "安全过街", "遮阳避雨", "无障碍"} <= labels


def test_needs_work_items_become_suggestions_that_can_be_dispatched(session):
    facilitator = account(session, "facilitator")
    visit = observation.start(session, group=_observers(session), checklist="bus_stop",
                              place_name="解放路公交站", visited_on=date(2026, 11, 2),
                              account=facilitator)
    observation.save(session, visit=visit, entries=[
        observation.Entry("shelter", "needs_work", "没有棚子，下雨全湿了"),
        observation.Entry("seats", "good"),
        observation.Entry("crossing", "needs_work", ""),
    ])
    made = observation.to_suggestions(session, visit=visit, account=facilitator)
    assert len(made) == 2 and all(s.group_id == visit.group_id for s in made)
    assert "解放路公交站" in made[0].original_text and "没有棚子" in made[0].original_text
    assert observation.to_suggestions(session, visit=visit, account=facilitator) == []
    for suggestion in made:
        moderation.approve(session, suggestion=suggestion, account=facilitator,
                           notice_version=NOTICE, consent_age=14)
        assert suggestion.status == Status.DISPATCHED


def test_a_rating_outside_the_three_is_refused(session):
    visit = observation.start(session, group=_observers(session), checklist="park",
                              place_name="人民公园", visited_on=date(2026, 11, 2),
                              account=account(session, "facilitator"))
    with pytest.raises(observation.VisitProblem):
        observation.save(session, visit=visit, entries=[observation.Entry("play", "bad")])


def test_the_report_exports_as_word(session, tmp_path):
    visit = observation.start(session, group=_observers(session), checklist="library",
                              place_name="市图书馆", visited_on=date(2026, 11, 2),
                              account=account(session, "facilitator"))
    assert observation.report_docx(session, visit, tmp_path)[:2] == b"PK"
