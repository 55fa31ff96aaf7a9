"""A question back: asked on the suggestion's own history, answered by its author only,
back to the facilitator's queue, and a worrying answer goes to the safeguarding lead."""

import pytest
from sqlmodel import select

from models.notices.notifications import Notification
from models.safety.safeguarding import SafeguardingCase
from models.suggestions import lifecycle, moderation, questions, timeline
from models.suggestions.lifecycle import actor_for_member
from models.suggestions.status import Status
from tests.flow import account, actor, council, member, new_suggestion


def _ask(session, suggestion, question="能再说说是在哪个公园吗？"):
    questions.ask(session, suggestion, actor=actor(session, "facilitator"), question=question)
    session.commit()


def test_a_question_waits_for_the_child_and_the_answer_returns_to_review(session):
    suggestion = new_suggestion(session, text="那个滑梯太高了", nickname="小红")
    _ask(session, suggestion)
    assert suggestion.status == Status.WAITING_FOR_CHILD
    assert suggestion.id not in [s.id for s in moderation.review_queue(session, [council(session)])]
    assert [s.id for s in questions.waiting(session, [council(session).id])] == [suggestion.id]
    asked = questions.open_question(session, suggestion)
    assert asked.note == "能再说说是在哪个公园吗？"
    told = session.exec(select(Notification).where(
        Notification.member_id == member(session, "小红").id,
        Notification.kind == "ask_child")).all()
    assert told and suggestion.tracking_code in told[0].message

    questions.answer(session, suggestion, actor=actor_for_member(member(session, "小红")),
                     text="是人民公园东门那个")
    session.commit()
    assert suggestion.status == Status.IN_REVIEW
    assert suggestion.id in [s.id for s in moderation.review_queue(session, [council(session)])]
    history = lifecycle.history(session, suggestion.id)
    assert [e.action for e in history][-2:] == ["ask_child", "child_reply"]
    assert history[-1].note == "是人民公园东门那个"
    assert lifecycle.replay_status(history) == Status.IN_REVIEW
    steps = [(s.title, s.detail) for s in timeline.child_timeline(session, suggestion)]
    assert ("辅导员想问你一个问题", "能再说说是在哪个公园吗？") in steps
    assert ("你回答了", "是人民公园东门那个") in steps


def test_only_the_author_answers_and_only_a_waiting_item(session):
    suggestion = new_suggestion(session, nickname="小红")
    with pytest.raises(lifecycle.InvalidTransition):
        questions.answer(session, suggestion, actor=actor_for_member(member(session, "小红")),
                         text="我来回答")
    _ask(session, suggestion)
    with pytest.raises(lifecycle.NotAllowed):
        questions.answer(session, suggestion, actor=actor_for_member(member(session, "小明")),
                         text="我替她回答")
    with pytest.raises(questions.QuestionProblem):
        questions.answer(session, suggestion, actor=actor_for_member(member(session, "小红")),
                         text="   ")
    with pytest.raises(lifecycle.NotAllowed):
        questions.ask(session, suggestion, actor=actor(session, "agency1"), question="哪里？")


def test_a_facilitator_may_stop_waiting_and_decline(session):
    suggestion = new_suggestion(session, nickname="小红")
    _ask(session, suggestion)
    moderation.decline(session, suggestion=suggestion, reason="我们在议事会上再聊。",
                       account=account(session, "facilitator"))
    assert suggestion.status == Status.DECLINED


def test_a_worrying_answer_goes_to_the_safeguarding_lead_not_into_the_history(session):
    suggestion = new_suggestion(session, nickname="小红")
    _ask(session, suggestion, question="这件事是什么时候发生的？")
    questions.answer(session, suggestion, actor=actor_for_member(member(session, "小红")),
                     text="放学后那个叔叔总是打我，我不敢回家")
    session.commit()
    case = session.get(SafeguardingCase, suggestion.case_id)   # the item is held by its case
    assert case is not None and case.channel == "question"
    last = lifecycle.history(session, suggestion.id)[-1]
    assert last.note == questions.HANDED_TO_CASE and "打我" not in last.note
