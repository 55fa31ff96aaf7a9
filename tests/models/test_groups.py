"""Groups and members: a child leaves or is removed; unsent suggestions follow a choice."""

import pytest
from sqlmodel import select

from models.people import consent, groups
from models.people.tables import GroupKind, GroupLevel, GuardianConsent
from models.suggestions import lifecycle, moderation
from models.suggestions.status import Status
from tests.conftest import NOTICE
from tests.flow import account, council, member, new_suggestion


def test_a_new_group_has_its_own_invite_code_and_facilitator(session):
    made = groups.create_group(session, account=account(session, "facilitator2"),
                               name="雁峰区儿童观察团", kind=GroupKind.OBSERVER,
                               level=GroupLevel.DISTRICT)
    old = made.invite_code
    assert len(old) == 6 and groups.new_invite_code(session, group=made) != old


def test_removed_with_keep_the_suggestion_goes_on_without_the_name(session):
    suggestion = new_suggestion(session, nickname="乐乐")
    kid = member(session, "乐乐")
    groups.remove_member(session, member=kid, leaving=groups.Leaving.KEEP,
                         actor=account(session, "facilitator"))
    assert not kid.is_active and suggestion.status == Status.SUBMITTED
    assert groups.display_name(kid) == "一位离开的成员"
    assert lifecycle.history(session, suggestion.id)[-1].action == "member_left"


def test_a_child_leaving_themselves_can_take_unsent_suggestions_back(session):
    unsent = new_suggestion(session, nickname="乐乐")
    sent = new_suggestion(session, nickname="乐乐")
    moderation.approve(session, suggestion=sent, account=account(session, "facilitator"),
                       notice_version=NOTICE, consent_age=14)
    kid = member(session, "乐乐")
    touched = groups.remove_member(session, member=kid, leaving=groups.Leaving.WITHDRAW)
    assert [s.id for s in touched] == [unsent.id]
    assert unsent.status == Status.DECLINED and sent.status == Status.DISPATCHED
    assert lifecycle.history(session, unsent.id)[-1].actor_kind == "child"
    with pytest.raises(groups.GroupProblem, match="已经离开"):
        groups.remove_member(session, member=kid, leaving=groups.Leaving.KEEP)


def test_keep_leaves_a_suggestion_waiting_for_consent_still_waiting(session):
    kid = member(session, "小明")
    for row in session.exec(select(GuardianConsent).where(GuardianConsent.member_id == kid.id)):
        session.delete(row)
    session.commit()
    suggestion = new_suggestion(session, nickname="小明")
    moderation.approve(session, suggestion=suggestion, account=account(session, "facilitator"),
                       notice_version=NOTICE, consent_age=14)
    groups.remove_member(session, member=kid, leaving=groups.Leaving.KEEP)
    assert consent.is_held(session, suggestion) and suggestion.status == Status.IN_REVIEW


def test_a_nickname_is_unique_within_the_group(session):
    with pytest.raises(groups.GroupProblem, match="昵称"):
        groups.add_member(session, group=council(session), nickname="小明", birth_year=2014,
                          birth_month=1, pin="9999")
