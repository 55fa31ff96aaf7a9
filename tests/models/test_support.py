"""我也这么想: once each, in one's own group; and a council speaking with one voice."""

import pytest

from models.councils import support
from models.suggestions.status import Status
from tests.flow import account, council, member, new_suggestion


def test_a_child_supports_a_friends_suggestion_once(session):
    suggestion = new_suggestion(session, nickname="小明")
    assert support.give(session, suggestion=suggestion, member=member(session, "小红")) == 1
    with pytest.raises(support.SupportProblem, match="已经支持过"):
        support.give(session, suggestion=suggestion, member=member(session, "小红"))
    assert support.count(session, suggestion) == 1


def test_a_child_cannot_support_their_own_suggestion(session):
    suggestion = new_suggestion(session, nickname="小明")
    with pytest.raises(support.SupportProblem, match="自己"):
        support.give(session, suggestion=suggestion, member=member(session, "小明"))


def test_a_finished_suggestion_cannot_be_supported(session):
    suggestion = new_suggestion(session, nickname="小明")
    suggestion.status = Status.DECLINED
    with pytest.raises(support.SupportProblem):
        support.give(session, suggestion=suggestion, member=member(session, "小红"))


def test_council_voice_shows_only_the_names_children_chose_to_show(session):
    suggestion = new_suggestion(session, nickname="小明")
    support.give(session, suggestion=suggestion, member=member(session, "小红"))
    support.give(session, suggestion=suggestion, member=member(session, "乐乐"))
    support.send_as_council(session, suggestion=suggestion, group=council(session),
                            account=account(session, "facilitator"))
    support.choose_name(session, suggestion=suggestion, member=member(session, "小红"), show=True)
    name, names, unnamed = support.signers(session, suggestion)
    assert name == "衡阳市儿童议事会" and names == ["小红"] and unnamed == 2
