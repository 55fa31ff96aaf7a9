"""`tongsheng chat-replay`: the real assistant, intake and safeguarding, one JSON line per turn."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from click.testing import CliRunner
from sqlmodel import select

from models.common import utcnow
from models.councils import meetings
from models.safety.safeguarding import SafeguardingCase
from models.suggestions.tables import Suggestion
from tests.flow import council
from webapp.cli.commands import cli

ISSUE_CHAT = ["爸爸喝醉了就打我，我不敢回家", "我想接着说", "他每次喝酒都这样，妈妈也不在家"]
CROSSING = ["学校门口的红绿灯时间太短了，过马路很危险", "🏫 学校门口", "跳过", "对", "可以公开",
            "14 岁及以上"]


def replay(sayings: list[str], *args: str) -> list[dict]:
    lines = "".join(json.dumps({"say": s}, ensure_ascii=False) + "\n" for s in sayings)
    result = CliRunner().invoke(cli, ["chat-replay", *args], input=lines)
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_a_disclosure_and_its_follow_up_stay_in_one_case(monkeypatch, tmp_path):
    monkeypatch.delenv("DATABASE_URL", raising=False)  # a throwaway database with the plans
    monkeypatch.chdir(tmp_path)
    *turns, last = replay(ISSUE_CHAT)
    assert [t["turn"] for t in turns] == [1, 2, 3]
    assert all(t["help_shown"] for t in turns)
    assert not any("在哪里" in r or "公开" in r for t in turns for r in t["replies"])
    outcome = last["outcome"]
    assert outcome["case"] is not None and outcome["urgent"]
    assert ISSUE_CHAT[2] in outcome["case_messages"]
    assert not outcome["dispatchable"] and not outcome["publishable"]
    assert outcome["suggestion"].startswith("TS-") and outcome["status"] == "submitted"


def test_a_fresh_conversation_makes_a_normal_suggestion(monkeypatch, tmp_path):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.chdir(tmp_path)
    *turns, last = replay(CROSSING)
    assert not any(t["help_shown"] for t in turns)
    outcome = last["outcome"]
    assert outcome["case"] is None and not outcome["urgent"] and outcome["case_messages"] == []
    assert outcome["suggestion"] and outcome["dispatchable"] and outcome["publishable"]


def test_a_meeting_replay_runs_against_database_url(database_url, session, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setenv("TONGSHENG_SECRET_KEY", "test")
    meeting = meetings.schedule(session, group=council(session), title="议事会", topic="",
                                agenda="", scheduled_at=utcnow() + timedelta(hours=1))
    meetings.open_meeting(session, meeting=meeting)
    session.commit()
    *_turns, last = replay(ISSUE_CHAT, "--meeting", meeting.join_code)
    case = session.exec(select(SafeguardingCase)).one()
    assert last["outcome"]["case"] == case.id and case.group_id == council(session).id
    assert "我不敢回家" in case.disclosure


def test_a_bad_line_is_refused_with_its_number(monkeypatch, tmp_path):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["chat-replay"], input='{"say": "你好"}\nnot json\n')
    assert result.exit_code != 0 and "line 2" in result.output


def test_the_issues_chat_against_each_database(database_url, session, monkeypatch):
    """The issue's conversation, replayed into SQLite and PostgreSQL alike (``database_url``)."""
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setenv("TONGSHENG_SECRET_KEY", "test")
    *turns, last = replay(ISSUE_CHAT)
    outcome = last["outcome"]
    assert all(t["help_shown"] for t in turns)
    assert ISSUE_CHAT[2] in outcome["case_messages"]
    assert not outcome["dispatchable"] and not outcome["publishable"]
    case = session.exec(select(SafeguardingCase)).one()
    assert outcome["case"] == case.id
ROBOT_LUNCH = ["你是机器人吗", "我今天中午吃了番茄炒蛋", "好无聊啊", "操场太小了", "学校门口",
               "实验小学", "下课的时候没地方跑", "对", "可以公开", "8岁"]


def test_the_issue_conversation_keeps_only_the_idea_and_waits_for_a_guardian(
        database_url, session, monkeypatch):
    """The reported chat: the lunch and the boredom are not the place or the reason."""
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setenv("TONGSHENG_SECRET_KEY", "test")
    *turns, last = replay(ROBOT_LUNCH)
    assert "电脑程序" in turns[0]["replies"][0]
    assert "是哪个学校" in " ".join(turns[4]["replies"])
    outcome = last["outcome"]
    assert outcome["waits_for_guardian"] and not any(
        "送出去啦" in r for t in turns for r in t["replies"])
    assert "不满 14 岁" in " ".join(turns[-1]["replies"])
    stored = session.exec(select(Suggestion).where(
        Suggestion.tracking_code == outcome["suggestion"])).one()
    assert stored.original_text.startswith("操场太小了") and "番茄" not in stored.original_text
    assert stored.place == "学校门口（实验小学）" and "无聊" not in stored.original_text


@pytest.mark.parametrize("said, read", [("caochangtaixiaole", "『学校"),
                                        ("there are no swings in the park", "公园")])
def test_pinyin_and_english_are_understood_well_enough_to_go_on(monkeypatch, tmp_path,
                                                               said, read):
    """What the assistant read is said back, and the chat goes on to the place: the child
    is not asked to start again in characters."""
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.chdir(tmp_path)
    first, _last = replay([said])
    replies = " ".join(first["replies"])
    assert "我看懂" in replies and read in replies and "在哪里" in replies
    assert "用汉字再说一次" not in replies


def test_two_problems_in_one_message_are_offered_as_two(monkeypatch, tmp_path):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.chdir(tmp_path)
    first, second, _last = replay(["操场太小了，还有厕所太臭了", "分成两个建议"])
    assert "①「操场太小了」②「厕所太臭了」" in first["replies"][0]
    assert "第二件等一下接着说" in second["replies"][0]
