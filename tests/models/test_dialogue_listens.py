"""The assistant listens: small talk is answered and never kept, two problems become two
suggestions, a vague place is asked about, the age band is asked once, consent is said plainly.

The same keyword topic model as ``test_dialogue``: the rules here must not depend on it.
"""

from __future__ import annotations

import pytest

from models.assistant import dialogue
from tests.models.test_dialogue import ROADS, World, at_step, words


@pytest.fixture
def world() -> World:
    return World()


@pytest.fixture
def fresh() -> dict:
    return dialogue.new_state("hengyang")


SMALL_TALK = [
    ("你是机器人吗", "电脑程序"),
    ("你是真人吗？", "不是真人"),
    ("讲个笑话", "橡皮"),
    ("好无聊啊", "想一想"),
    ("我今天中午吃了番茄炒蛋", "谢谢你告诉我"),
    ("你真笨", "换个说法"),
]


@pytest.mark.parametrize("step", ["what", "where", "why", "confirm", "choose", "consent"])
@pytest.mark.parametrize("text, expected", SMALL_TALK)
def test_small_talk_is_answered_kindly_and_never_kept(world, fresh, step, text, expected):
    state = at_step(world, fresh, step)
    question, answers = state["log"][-1], dict(state["answers"])
    state, said = world.play(state, text)
    assert expected in words(said) and state["step"] == step
    assert said[-1]["text"] == question["text"] and state["answers"] == answers
    assert world.submitted == []


def test_the_issue_conversation_keeps_only_the_real_idea(world, fresh):
    state, said = world.play(fresh, "你是机器人吗")
    assert "电脑程序" in words(said)
    state, _said = world.play(state, "我今天中午吃了番茄炒蛋", "好无聊啊", "公园里想要秋千")
    assert state["answers"] == {"what": "公园里想要秋千"} and state["step"] == "where"


def test_a_story_with_a_wish_in_it_is_a_suggestion(world, fresh):
    _state, said = world.play(fresh, "我今天中午吃了番茄炒蛋，太咸了")
    assert "谢谢你告诉我" not in words(said)  # taken as an answer, not as small talk


def test_two_problems_become_two_suggestions_and_none_is_dropped(world, fresh):
    state, said = world.play(fresh, "公园里想要秋千，还有马路上要红绿灯")
    assert state["step"] == "split" and said[-1]["quick"] == ["分成两个建议", "就当一个"]
    assert "公园里想要秋千" in words(said) and "马路上要红绿灯" in words(said)
    state, _said = world.play(state, "分成两个建议", "人民公园", "跳过", "对", "可以公开")
    assert dialogue.suggestion_text(world.submitted[0]) == "公园里想要秋千"
    assert state["round"] == 1 and state["answers"] == {"what": "马路上要红绿灯"}
    state, _said = world.play(state, "🏫 学校门口", "跳过", "对", "不要公开")
    assert [dialogue.suggestion_text(s) for s in world.submitted] == [
        "公园里想要秋千", "马路上要红绿灯"]


def test_two_problems_can_stay_one_suggestion(world, fresh):
    state, _said = world.play(fresh, "公园里想要秋千，还有马路上要红绿灯", "就当一个")
    assert state["answers"]["what"] == "公园里想要秋千，还有马路上要红绿灯"


def test_a_new_idea_given_as_the_place_is_kept_for_later(world, fresh):
    state, said = world.play(fresh, "公园里想要秋千", "想要红绿灯")
    assert "另一个想法" in words(said) and state["step"] == "where"
    assert "where" not in state["answers"]
    state, said = world.play(state, "人民公园", "跳过", "对", "可以公开")
    assert state["answers"] == {"what": "想要红绿灯"} and len(world.submitted) == 1


@pytest.mark.parametrize("typed, kind", [("学校门口", "学校"), ("公园", "公园"), ("马路上", "路")])
def test_a_vague_place_asks_which_one(world, fresh, typed, kind):
    state, said = world.play(fresh, "公园里想要秋千", typed)
    assert f"是哪个{kind}" in words(said) and state["step"] == "where_more"
    state, said = world.play(state, "实验小学")
    assert state["answers"]["where"] == f"{typed}（实验小学）" and state["step"] == "why"


def test_not_knowing_the_name_is_fine(world, fresh):
    state, _said = world.play(fresh, "公园里想要秋千", "学校门口", "不知道名字")
    assert state["answers"]["where"] == "学校门口" and state["step"] == "why"


def test_a_place_button_is_not_asked_about_again(world, fresh):
    state, _said = world.play(fresh, "公园里想要秋千", "🏫 学校门口")
    assert state["step"] == "why"


def test_a_reason_that_is_about_something_else_is_asked_again_once(world, fresh):
    state, said = world.play(fresh, "公园里想要秋千", "人民公园", "今天天气不错啊")
    assert state["step"] == "why" and "why" not in state["answers"] and "没什么关系" in words(said)
    state, _said = world.play(state, "今天天气不错啊")
    assert state["step"] != "why"


def _anonymous(state: dict) -> dict:
    state["ask_age"] = True
    return state


def test_a_child_without_an_account_is_asked_the_age_band_once(world, fresh):
    state, said = world.play(_anonymous(fresh), *ROADS["consent"], "可以公开")
    assert state["step"] == "age" and said[-1]["quick"][-1] == "不想说"
    assert "14 岁及以上" in said[-1]["quick"] and world.submitted == []
    state, said = world.play(state, "我8岁")
    assert world.submitted[0]["age"] == "7-9" and state["step"] == "done"
    state, said = world.play(state, "图书馆想要更多漫画书", "人民图书馆", "跳过", "对", "可以公开")
    assert len(world.submitted) == 2 and state["step"] == "done"


def test_a_signed_in_child_is_not_asked_the_age(world, fresh):
    state, _said = world.play(fresh, *ROADS["consent"], "可以公开")
    assert state["step"] == "done"


class HoldingWorld(World):
    """The caller holds the suggestion, as ``conversation._submit`` does for an under-14."""

    def submit(self, state: dict) -> str:
        state.update(held=True, held_for="age")
        return super().submit(state)


@pytest.mark.parametrize("age, why", [("7–9 岁", "不满 14 岁"), ("不想说", "没说自己几岁")])
def test_a_waiting_suggestion_is_never_called_sent(fresh, age, why):
    world = HoldingWorld()
    _state, said = world.play(_anonymous(fresh), *ROADS["consent"], "可以公开", age)
    text = words(said)
    assert "送出去啦" not in text and why in text and "还没有送出去" in text
    assert "爸爸妈妈" in text and "辅导员" in text and "TS-NEW234" in text
