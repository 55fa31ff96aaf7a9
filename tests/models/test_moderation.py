"""The review queue: approve, clarify, merge, link and decline, each kept in the history."""

import pytest
from sqlmodel import select

from models.councils import support
from models.people.tables import Group
from models.suggestions import lifecycle, moderation, similarity
from models.suggestions.status import Status
from models.suggestions.tables import Correction
from tests.conftest import NOTICE
from tests.flow import account, council, member, new_suggestion


def _facilitator(session):
    return account(session, "facilitator")


def _actions(session, suggestion) -> list[str]:
    return [event.action for event in lifecycle.history(session, suggestion.id)]


def test_urgent_items_come_first_in_the_queue(session):
    calm = new_suggestion(session, text="操场的篮球架坏了。")
    urgent = new_suggestion(session, text="有人总是打我，我不敢回家。", urgent=True)
    queue = moderation.review_queue(session, [council(session)])
    assert queue[0].id == urgent.id and calm.id in [item.id for item in queue]


def test_approve_sends_a_consented_childs_suggestion_to_the_agency(session):
    suggestion = new_suggestion(session, nickname="小红")
    sent = moderation.approve(session, suggestion=suggestion, account=_facilitator(session),
                              notice_version=NOTICE, consent_age=14)
    assert sent and suggestion.status == Status.DISPATCHED
    assert "dispatch" in _actions(session, suggestion)


def test_choosing_a_topic_lets_an_unsure_item_be_dispatched_and_is_kept_for_training(session):
    suggestion = new_suggestion(session, topic=None, nickname="小红")
    assert moderation.approve(session, suggestion=suggestion, account=_facilitator(session),
                              notice_version=NOTICE, consent_age=14, topic="transport")
    found = session.exec(select(Correction).where(Correction.suggestion_id == suggestion.id))
    assert [row.source for row in found] == ["facilitator"]


def test_clarify_keeps_the_childs_own_words(session):
    suggestion = new_suggestion(session, text="那个路口好可怕车好多")
    moderation.clarify(session, suggestion=suggestion, account=_facilitator(session),
                       text="建议在学校东门路口增设信号灯。")
    assert suggestion.original_text == "那个路口好可怕车好多"
    assert suggestion.agency_text == "建议在学校东门路口增设信号灯。"
    assert "clarify" in _actions(session, suggestion)


def test_decline_needs_a_reason_and_records_it(session):
    suggestion = new_suggestion(session)
    with pytest.raises(moderation.ModerationProblem):
        moderation.decline(session, suggestion=suggestion, reason=" ",
                           account=_facilitator(session))
    assert suggestion.status == Status.SUBMITTED
    moderation.decline(session, suggestion=suggestion, account=_facilitator(session),
                       reason=moderation.DECLINE_TEMPLATES[0])
    assert suggestion.status == Status.DECLINED
    assert lifecycle.history(session, suggestion.id)[-1].note == moderation.DECLINE_TEMPLATES[0]


def test_merge_adds_up_supports_and_every_author_is_told(session):
    target = new_suggestion(session, text="校门口要有红绿灯", nickname="小明")
    first = new_suggestion(session, text="学校门口需要红绿灯", nickname="小红")
    second = new_suggestion(session, text="校门口过马路太危险", nickname="乐乐")
    support.give(session, suggestion=first, member=member(session, "乐乐"))
    total = moderation.merge(session, target=target, duplicates=[first, second],
                             account=_facilitator(session))
    assert total == 2  # 小红 and 乐乐 now stand behind the target
    assert first.status == second.status == Status.MERGED and first.merged_into_id == target.id
    assert moderation.children_to_tell(session, target) == {
        member(session, n).id for n in ("小明", "小红", "乐乐")}
    assert "merge_in" in _actions(session, target)


def test_merge_refuses_an_item_already_sent(session):
    target = new_suggestion(session)
    sent = new_suggestion(session, nickname="小红")
    moderation.approve(session, suggestion=sent, account=_facilitator(session),
                       notice_version=NOTICE, consent_age=14)
    with pytest.raises(moderation.ModerationProblem):
        moderation.merge(session, target=target, duplicates=[sent], account=_facilitator(session))
    assert sent.status == Status.DISPATCHED


def test_link_notes_both_histories(session):
    first, second = new_suggestion(session), new_suggestion(session, nickname="小红")
    moderation.link(session, first=first, second=second, account=_facilitator(session))
    assert "link" in _actions(session, first) and "link" in _actions(session, second)


def test_similar_open_suggestions_are_found_and_unrelated_ones_are_not(session):
    crossing = new_suggestion(session, text="学校门口的红绿灯时间太短了，过马路要跑。")
    other = new_suggestion(session, text="图书馆周末晚上也开门就好了。", nickname="小红")
    fresh = new_suggestion(session, text="校门口红绿灯太短，我们过马路很危险。", nickname="乐乐")
    found = [match.suggestion.id for match in similarity.similar_open(session, fresh)]
    assert crossing.id in found and other.id not in found


def test_a_facilitator_cannot_load_another_groups_suggestion(session):
    suggestion = new_suggestion(session)
    other = session.exec(select(Group).where(Group.invite_code == "HYZHEN")).one()
    assert moderation.group_suggestion(session, other, suggestion.id) is None
    with pytest.raises(lifecycle.NotAllowed):
        moderation.decline(session, suggestion=suggestion, reason="不行",
                           account=account(session, "facilitator2"))


def test_a_paraphrase_is_offered_for_merging_and_a_different_wish_is_not(session):
    icy = new_suggestion(session, text="冬天小区的人行道上全是冰，我摔了好几次，请物业撒点盐。",
                         topic="community")
    lights = new_suggestion(session, text="小区门口的路灯坏了，晚上回家好黑。",
                            topic="community", nickname="小红")
    fresh = new_suggestion(session, text="我们小区路面一到冬天就结冰，爷爷奶奶都不敢下楼。",
                           topic="community", nickname="乐乐")
    found = {m.suggestion.id: m.score for m in similarity.similar_open(session, fresh)}
    assert icy.id in found and lights.id not in found
