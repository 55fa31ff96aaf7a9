"""派单 by a person: 主办/协办 chosen by the coordinator, 属地 offices, each lead signing and
returning for itself, and 退单 reviewed (accepted, or sent back with a note)."""

import pytest
from sqlmodel import select

from models.people import accounts
from models.people.tables import Role
from models.plans.importer import agency_by_name
from models.suggestions import dispatching, lifecycle
from models.suggestions.dispatching import Choice
from models.suggestions.handling import may_sign, pending_returns
from models.suggestions.routing import current_assignments
from models.suggestions.status import InvalidTransition, Status
from models.suggestions.tables import Correction, Event, ReviewState
from models.suggestions.triage import queue
from tests.flow import account, actor, dispatched, new_suggestion

COORDINATOR = "coordinator"


def _agency(session, name: str) -> int:
    return agency_by_name(session, "hengyang", name).id


def _transport_staff(session):
    """Staff for 市交通运输局, the second lead of transport (the demo has none)."""
    accounts.create_account(session, username="traffic1", display_name="交通局联络员",
                            password="Tongsheng-2031!", role=Role.AGENCY_STAFF,
                            plan_id="hengyang", agency_id=_agency(session, "市交通运输局"))
    session.commit()
    return actor(session, "traffic1")


def _events(session, item, action):
    return list(session.exec(select(Event).where(Event.suggestion_id == item.id,
                                                 Event.action == action)))


def test_each_co_lead_signs_for_itself(session):
    item = dispatched(session, topic="transport")
    traffic = _transport_staff(session)
    lifecycle.accept(session, item, actor=actor(session, "agency2"))
    session.commit()
    assert item.status == Status.ACCEPTED
    assert may_sign(session, item, traffic) and not may_sign(session, item, actor(session,
                                                                                  "agency2"))
    lifecycle.accept(session, item, actor=traffic)
    session.commit()
    assert item.status == Status.ACCEPTED and len(_events(session, item, "accept")) == 2
    with pytest.raises(InvalidTransition, match="已签收"):
        lifecycle.accept(session, item, actor=traffic)


def test_one_co_lead_returns_only_for_itself_and_the_coordinator_reviews_it(session):
    item = dispatched(session, topic="transport")
    traffic = _transport_staff(session)
    lifecycle.return_(session, item, actor=actor(session, "agency2"), category="职能不符",
                      text="建议改派市公安局。")
    session.commit()
    assert item.status == Status.DISPATCHED               # 市交通运输局 still holds it
    holders = {a.agency_id for a in current_assignments(session, item) if a.role == "lead"}
    assert holders == {_agency(session, "市交通运输局")}
    assert may_sign(session, item, traffic)
    city = account(session, "coordinator")
    assert item in queue(session, "returned", city)  # its reason waits for review
    review = pending_returns(session, item.id)[0]
    dispatching.accept_return(session, item, review.id, actor=actor(session, COORDINATOR))
    session.commit()
    assert review.state == ReviewState.ACCEPTED
    assert item not in queue(session, "returned", city)


def test_a_rejected_return_goes_back_to_the_agency_with_the_note(session):
    item = dispatched(session)
    lifecycle.return_(session, item, actor=actor(session, "agency1"), category="职能不符",
                      text="不归我们。")
    session.commit()
    assert item.status == Status.RETURNED
    review = pending_returns(session, item.id)[0]
    with pytest.raises(ValueError):
        dispatching.reject_return(session, item, review.id, actor=actor(session, COORDINATOR),
                                  answer=" ")
    dispatching.reject_return(session, item, review.id, actor=actor(session, COORDINATOR),
                              answer="学校食堂归市教育局管，请继续办。")
    session.commit()
    assert item.status == Status.DISPATCHED and item.sign_due is not None
    assert may_sign(session, item, actor(session, "agency1"))
    assert review.state == ReviewState.REJECTED and review.decided_by == "妇儿工委办 王老师"
    assert "请继续办" in _events(session, item, "return_rejected")[0].note


def test_after_a_return_the_coordinator_chooses_the_agency_the_return_named(session):
    item = dispatched(session)
    lifecycle.return_(session, item, actor=actor(session, "agency1"), category="职能不符",
                      text="建议改派市公安局。")
    session.commit()
    corrections = len(session.exec(select(Correction)).all())
    police = _agency(session, "市公安局")
    dispatching.choose_agencies(session, item, actor=actor(session, COORDINATOR),
                                choice=Choice(leads=(police,)), note="按退单建议改派")
    session.commit()
    assert item.status == Status.DISPATCHED
    assert [(a.agency_id, a.role) for a in current_assignments(session, item)] == [
        (police, "lead")]
    assert dispatching.chosen_by(session, item) == "妇儿工委办 王老师"
    assert "由协调人指派（妇儿工委办 王老师）" in _events(session, item, "assign")[0].note
    assert pending_returns(session, item.id) == []          # the 退单 is accepted by it
    assert len(session.exec(select(Correction)).all()) == corrections  # not a topic label


def test_an_unsure_item_goes_to_a_street_office_as_lead_with_a_partner(session):
    item = new_suggestion(session, topic=None, text="我们小区门口的路灯坏了。")
    lifecycle.approve(session, item, actor=actor(session, "facilitator"))
    session.commit()
    street = dispatching.add_local_office(session, "hengyang", "先锋街道办事处", "street")
    assert dispatching.add_local_office(session, "hengyang", "先锋街道办事处", "street") is street
    city = _agency(session, "市城市管理局")
    dispatching.choose_agencies(session, item, actor=actor(session, COORDINATOR),
                                choice=Choice(leads=(street.id,), partners=(city,)))
    session.commit()
    assert item.status == Status.DISPATCHED and street.kind == "street"
    assert {(a.agency_id, a.role) for a in current_assignments(session, item)} == {
        (street.id, "lead"), (city, "partner")}


def test_a_choice_is_checked(session):
    item = dispatched(session)
    who = actor(session, COORDINATOR)
    education = _agency(session, "市教育局")
    for bad in (Choice(leads=()), Choice(leads=(education,), partners=(education,)),
                Choice(leads=(999999,))):
        with pytest.raises(ValueError):
            dispatching.choose_agencies(session, item, actor=who, choice=bad)
    with pytest.raises(ValueError):
        dispatching.add_local_office(session, "hengyang", "某某区", "province")


def test_adding_a_co_handler_while_it_is_handled_keeps_the_status(session):
    item = dispatched(session)
    lifecycle.accept(session, item, actor=actor(session, "agency1"))
    session.commit()
    education, police = _agency(session, "市教育局"), _agency(session, "市公安局")
    dispatching.choose_agencies(session, item, actor=actor(session, COORDINATOR),
                                choice=Choice(leads=(education,), partners=(police,)))
    session.commit()
    assert item.status == Status.ACCEPTED
    assert not may_sign(session, item, actor(session, "agency1"))   # its 签收 is kept
