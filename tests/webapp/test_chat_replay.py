"""`tongsheng chat-replay`: the real assistant, intake and safeguarding, one JSON line per turn."""

from __future__ import annotations

import json
from datetime import timedelta

from click.testing import CliRunner
from sqlmodel import select

from models.common import utcnow
from models.councils import meetings
from models.safety.safeguarding import SafeguardingCase
from tests.flow import council
from webapp.cli.commands import cli

ISSUE_CHAT = ["爸爸喝醉了就打我，我不敢回家", "我想接着说", "他每次喝酒都这样，妈妈也不在家"]
CROSSING = ["学校门口的红绿灯时间太短了，过马路很危险", "🏫 学校门口", "跳过", "对", "可以公开"]


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
