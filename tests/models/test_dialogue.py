"""Whole conversations with the assistant, turn by turn, against a small keyword topic model.

The safeguarding check and the redaction are the real ones; only the topic model is a fake,
so these tests say what the dialogue does with a sure, an unsure or no prediction.
"""

from __future__ import annotations

import json

import pytest

from classifier import analyse
from classifier.model import Prediction
from models.assistant import dialogue

KEYWORDS = {"红绿灯": "transport", "马路": "transport", "秋千": "public_space",
            "图书馆": "culture_sports"}


class KeywordModel:
    """Sure when a keyword is there; unsure between two topics for 'playground'."""

    def predict(self, prepared) -> Prediction:
        text = prepared.text  # analyse hands the model the text it has already normalised
        for word, topic in KEYWORDS.items():
            if word in text:
                return Prediction(topic, 0.9, False, False, [(topic, 0.9), ("safety", 0.05)])
        if "玩" in text:
            top = [("public_space", 0.4), ("community", 0.35), ("culture_sports", 0.1)]
            return Prediction(None, 0.4, True, False, top)
        return Prediction(None, 0.8, True, True, [("community", 0.1)])


class World:
    """The caller's side: stored suggestions, alarms raised and codes that exist."""

    def __init__(self):
        self.submitted, self.alarms, self.held = [], [], []
        self.known = {"TS-ABC234": "部门收下了"}

    def submit(self, state: dict) -> str:
        self.submitted.append(json.loads(json.dumps(state)))
        return "TS-NEW234"

    def play(self, state: dict, *texts: str) -> tuple[dict, list[dict]]:
        """Send each text as one turn, through JSON like the database does."""
        messages = []
        for text in texts:
            state, messages = dialogue.reply(
                json.loads(json.dumps(state)), text,
                analyser=lambda t: analyse(t, KeywordModel()), submit=self.submit,
                alarm=self.alarm, lookup=self.known.get, hold=self.held.append)
        return state, messages

    def alarm(self, text: str) -> str:
        self.alarms.append(text)
        return "K7QM2X"


def words(messages: list[dict]) -> str:
    return " ".join(m["text"] for m in messages if m["who"] == "bot")


@pytest.fixture
def world() -> World:
    return World()


@pytest.fixture
def fresh() -> dict:
    return dialogue.new_state("hengyang")


def test_greeting_asks_what_should_change(fresh):
    assert "你想让什么变得更好" in fresh["log"][-1]["text"]


def test_happy_path_reaches_a_tracking_code_in_five_turns(world, fresh):
    state, said = world.play(fresh, "学校门口的马路太危险了，想要一个红绿灯")
    assert "上学路上的交通" in words(said) and "在哪里" in words(said)
    state, said = world.play(state, "🏫 学校门口")
    assert "为什么" in words(said)
    state, said = world.play(state, "过马路的时候车太多，很害怕")
    assert "你说的是关于『上学路上的交通』吧？这件事会交给" in words(said)
    assert said[-1]["quick"] == ["对", "不对"]
    state, said = world.play(state, "对")
    assert "公开栏" in words(said)
    state, said = world.play(state, "可以公开")
    done = next(m for m in said if m["kind"] == "done")
    assert done["code"] == "TS-NEW234" and state["step"] == "done" and state["seq"] == 5
    stored = world.submitted[0]
    assert stored["answers"]["where"] == "学校门口" and stored["consent"] is True
    assert dialogue.suggestion_text(stored).startswith("学校门口的马路太危险了")


def test_confirm_names_the_lead_agency_from_the_plan(world, fresh):
    state, said = world.play(fresh, "想要红绿灯", "跳过", "跳过")
    from models.plans.plan import load_plan

    lead = load_plan("hengyang").route("transport").lead_agencies[0]
    assert lead in words(said)


def test_unsure_topic_offers_two_or_three_pictures_and_a_person(world, fresh):
    state, said = world.play(fresh, "想要有地方玩", "阳光小区", "没有地方玩")
    assert state["step"] == "choose"
    quick = said[-1]["quick"]
    assert quick[0] == "🛝 公园和公共场所" and quick[-1] == "都不是" and 3 <= len(quick) <= 4
    state, said = world.play(state, "🏘️ 小区和社区")
    assert state["topic"] == "community" and state["chosen_by_child"]
    assert state["step"] == "consent"


def test_none_of_them_goes_to_a_person(world, fresh):
    state, _said = world.play(fresh, "想要有地方玩", "跳过", "跳过")
    state, said = world.play(state, "都不是")
    assert "请一位大人" in words(said) and state["to_person"] and state["topic"] is None
    state, said = world.play(state, "不要公开")
    assert world.submitted[0]["consent"] is False and state["code"] == "TS-NEW234"


def test_saying_no_to_the_topic_offers_choices(world, fresh):
    state, _said = world.play(fresh, "想要红绿灯", "跳过", "跳过")
    state, said = world.play(state, "不对")
    assert state["step"] == "choose" and "上学路上的交通" not in " ".join(said[-1]["quick"])


def test_danger_in_the_middle_shows_help_and_raises_the_alarm(world, fresh):
    state, _said = world.play(fresh, "公园里想要更多秋千")
    state, said = world.play(state, "我爸爸每天打我，我不敢回家")
    help_message = said[1]
    assert help_message["kind"] == "help" and "110" in help_message["text"]
    assert "12355" in help_message["text"]
    assert world.alarms == ["我爸爸每天打我，我不敢回家"] and state["urgent"]
    assert state["step"] == "listening" and state["case"] == "K7QM2X"
    assert "K7QM2X" in words(said)
    assert "打我" not in json.dumps(state["answers"], ensure_ascii=False)


def test_after_a_disclosure_the_assistant_only_listens_with_help_at_hand(world, fresh):
    state, _said = world.play(fresh, "我爸爸每天打我，我不敢回家")
    later = ["我想接着说", "他每次喝酒都这样，妈妈也不在家", "可以公开", "学校门口要红绿灯"]
    for text in later:
        state, said = world.play(state, text)
        assert "我会把你说的都告诉保护孩子的大人" in words(said)
        assert any(m["kind"] == "help" for m in said)
        assert "在哪里" not in words(said) and "公开" not in words(said)
    assert world.held == later
    assert world.submitted == [] and state["step"] == "listening"


def test_personal_details_are_masked_and_the_child_is_told(world, fresh):
    state, said = world.play(fresh, "我叫王小明，电话13812345678，公园里想要秋千")
    masked = next(m for m in said if m["kind"] == "masked")
    assert "不用告诉我" in masked["text"] and "13812345678" not in masked["masked"]
    assert "【电话】" in masked["masked"]
    assert "13812345678" not in json.dumps(state, ensure_ascii=False)


def test_stop_halfway_keeps_nothing_unless_the_child_agrees(world, fresh):
    state, _said = world.play(fresh, "公园里想要秋千")
    state, _said = world.play(dialogue.note_photo(state, "a" * 32 + ".jpg"), "我不想说了")
    assert state["step"] == "stopping" and said_has(state, "要留下来")
    state, said = world.play(state, "删掉")
    assert state["step"] == "stopped" and state["answers"] == {} and "photo" not in state
    assert "秋千" not in json.dumps(state, ensure_ascii=False) and world.submitted == []


def test_stop_and_keep_sends_it_without_publishing(world, fresh):
    state, _said = world.play(fresh, "公园里想要秋千", "不想说了", "留下来，送出去")
    assert state["code"] == "TS-NEW234" and world.submitted[0]["consent"] is False


def said_has(state: dict, text: str) -> bool:
    return any(text in m["text"] for m in state["log"])


def test_resume_after_reload_continues_where_it_was(world, fresh):
    state, _said = world.play(fresh, "公园里想要秋千", "人民公园")
    reloaded = json.loads(json.dumps(state))
    assert [m["who"] for m in reloaded["log"]][-2:] == ["child", "bot"]
    state, said = world.play(reloaded, "秋千太少了，要排很久")
    assert "公园和公共场所" in words(said) and state["step"] == "confirm"


def test_progress_with_a_wrong_code_says_so_and_goes_on(world, fresh):
    state, said = world.play(fresh, "查进度 TS-ZZZ999")
    assert "没有找到 TS-ZZZ999" in words(said) and state["step"] == "what"
    state, said = world.play(state, "查进度")
    assert "请把查询码发给我" in words(said)
    state, said = world.play(state, "ts-abc234")
    track = next(m for m in said if m["kind"] == "track")
    assert track["code"] == "TS-ABC234" and "部门收下了" in track["text"]


@pytest.mark.parametrize("question, expected", [
    ("议事会是什么？", "一起开会"),
    ("我有什么权利？", "说出自己的想法"),
    ("建议交给谁？", "衡阳市"),
    ("要多久才回复？", "15 个工作日"),
])
def test_questions_are_answered_from_the_plan(world, fresh, question, expected):
    state, said = world.play(fresh, question)
    assert expected in words(said) and state["step"] == "what"


def test_help_and_greetings_do_not_count_as_answers(world, fresh):
    state, said = world.play(fresh, "你好", "帮助")
    assert "查进度" in words(said) and state["answers"] == {}


def test_something_that_is_not_a_suggestion_is_asked_again_once(world, fresh):
    state, said = world.play(fresh, "今天天气不错")
    assert state["step"] == "what" and "没听明白" in words(said)
    state, _said = world.play(state, "今天天气不错")
    assert state["step"] == "where"


def test_empty_message_changes_nothing(world, fresh):
    state, said = world.play(fresh, "   ")
    assert state == fresh and "还没有写字" in words(said)


def test_a_new_idea_after_done_starts_a_new_round(world, fresh):
    state, _said = world.play(fresh, "想要红绿灯", "跳过", "跳过", "对", "可以公开")
    state, said = world.play(state, "图书馆想要更多漫画书")
    assert state["round"] == 1 and state["step"] == "where" and state["code"] is None


def test_without_a_model_the_suggestion_goes_to_a_person(world, fresh):
    state = fresh
    for text in ("想要红绿灯", "跳过", "跳过"):
        state, said = dialogue.reply(state, text, analyser=lambda t: analyse(t, None),
                                     submit=world.submit)
    assert state["to_person"] and state["step"] == "consent" and "请一位大人" in words(said)


ROADS = {
    "what": (),
    "where": ("公园里想要秋千",),
    "why": ("公园里想要秋千", "人民公园"),
    "confirm": ("公园里想要秋千", "人民公园", "秋千太少了"),
    "choose": ("想要有地方玩", "阳光小区", "没有地方玩"),
    "consent": ("公园里想要秋千", "人民公园", "秋千太少了", "对"),
    "stopping": ("公园里想要秋千", "我不想说了"),
    "done": ("公园里想要秋千", "人民公园", "秋千太少了", "对", "可以公开"),
    "stopped": ("我不想说了",),
}


def at_step(world: World, fresh: dict, step: str) -> dict:
    state, _said = world.play(fresh, *ROADS[step]) if ROADS[step] else (fresh, [])
    assert state["step"] == step
    return state


@pytest.mark.parametrize("step", list(ROADS))
def test_danger_at_any_step_shows_help_and_raises_the_alarm(world, fresh, step):
    state = at_step(world, fresh, step)
    submitted = len(world.submitted)
    state, said = world.play(state, "有人摸我，我好害怕")
    help_message = next(m for m in said if m["kind"] == "help")
    assert "110" in help_message["text"] and "12355" in help_message["text"]
    assert "不是你的错" in help_message["text"]
    assert help_message["quick"] == ["我想接着说", "我不想说了"]
    assert world.alarms == ["有人摸我，我好害怕"] and state["urgent"]
    assert state["step"] == "listening" and len(world.submitted) == submitted


@pytest.mark.parametrize("step", ["what", "where", "why", "confirm", "choose", "consent"])
@pytest.mark.parametrize("text, expected", [
    ("查进度 TS-ABC234", "部门收下了"),
    ("帮助", "我不想说了"),
    ("你好", "你好呀"),
    ("儿童议事会是什么？", "一起开会"),
    ("我有什么权利？", "说出自己的想法"),
])
def test_side_questions_are_answered_at_every_step_and_the_question_comes_back(
        world, fresh, step, text, expected):
    state = at_step(world, fresh, step)
    question = state["log"][-1]
    answers = dict(state["answers"])
    state, said = world.play(state, text)
    assert expected in words(said) and state["step"] == step
    assert said[-1]["text"] == question["text"] and said[-1]["quick"] == question["quick"]
    assert state["answers"] == answers and world.submitted == []


@pytest.mark.parametrize("step", ["where", "why", "confirm", "choose", "consent"])
def test_stop_at_any_step_and_delete_keeps_nothing(world, fresh, step):
    state = at_step(world, fresh, step)
    state, said = world.play(state, "我不想说了")
    assert said[-1]["quick"] == ["删掉", "留下来，送出去"]
    state, said = world.play(state, "删掉")
    assert state["answers"] == {} and state["step"] == "stopped" and world.submitted == []
    assert not any(m["who"] == "child" for m in state["log"])


def test_a_checklist_offers_its_items_and_its_place(world):
    from models.councils.checklists import CHECKLISTS

    state = dialogue.new_state("hengyang", checklist="park")
    labels = [item.label for item in CHECKLISTS["park"].items]
    assert "观察『公园』" in state["log"][0]["text"] and state["log"][-1]["quick"] == labels
    state, said = world.play(state, "游乐设施")
    assert "『游乐设施』怎么了" in words(said) and state["step"] == "what"
    state, said = world.play(state, "滑梯坏了一个洞")
    assert said[-1]["quick"][0] == "📋 公园" and "🛝 公园" not in said[-1]["quick"]
    state, said = world.play(state, "📋 公园", "小朋友会摔倒")
    assert state["step"] == "choose" and state["choices"][0] == "public_space"
    state, _said = world.play(state, "🛝 公园和公共场所", "可以公开")
    stored = world.submitted[0]
    assert dialogue.suggestion_text(stored).startswith("游乐设施：滑梯坏了一个洞")
    assert stored["answers"]["where"] == "公园" and stored["topic"] == "public_space"


def test_a_new_round_from_a_checklist_offers_the_items_again(world):
    state = dialogue.new_state("hengyang", checklist="library")
    state, said = world.play(state, "图书馆想要更多漫画书", "跳过", "跳过", "对", "不要公开",
                             "再说一个")
    assert state["checklist"] == "library" and "开放时间" in said[-1]["quick"]
