"""Every page of every role reads in English: no Chinese but the people's own words and the plans.

Each role (an anonymous child, a signed-in child, a facilitator, agency staff, the coordinator,
the safeguarding lead) walks the site from every page without arguments, following the links it
is shown (one or two pages of each kind), with a few chat turns and a meeting room on the way.
On every HTML page, what is left once the words that people wrote and the plans' data are taken
out must hold no Chinese character. The same walk in Chinese must show every page without error.
"""

from __future__ import annotations

import re
import tomllib
from datetime import timedelta
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag, urlsplit

import pytest
from sqlalchemy import select
from sqlmodel import SQLModel

import models.all_tables  # noqa: F401  (every table)
from models.common import utcnow
from models.councils import meetings, votes
from models.plans.plan import PLAN_DIR
from tests.flow import council, member

CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff01-\uff5e]+")
IDEOGRAPH = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
# Pinyin over characters: the characters read as one word, the pinyin is not text to check.
RUBY = re.compile(r"<rt>.*?</rt>|</?ruby>")
# Proper names that stay as they are in every language.
PROPER_NAMES = ("童声", "中文", "简体")
SKIP = re.compile(r"/language/|/signin/out|/static/|/files/|/photos/|\.(pdf|xlsx|csv|svg|json|xml)"
                  r"|/export|/qr/|/minutes\.|/report\.|/open311/|\?from=")
PER_KIND = 2
ROLES = [None, "child", "facilitator", "agency1", "coordinator", "safeguarding"]
# Texts the platform writes are stored with their message (the second column): they must show
# translated. Only a row without one (a person's words) counts as people's text; a case's own
# steps are always the platform's.
GENERATED = {("notification", "message"): "message_data", ("event", "note"): "note_data",
             ("safeguarding_entry", "text"): "text_data"}
PLATFORM_ONLY = {("safeguarding_entry", "text"): ("kind", "step")}


class _Text(HTMLParser):
    """What a reader sees or hears: text outside scripts and styles, and labelling attributes.

    Text the page itself marks as Chinese (``lang="zh-…"``, such as a glossary's Chinese term)
    is quoted Chinese, not an untranslated label.
    """

    ATTRIBUTES = ("alt", "title", "aria-label", "placeholder")
    VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                      "source", "track", "wbr"})

    def __init__(self):
        super().__init__()
        self.parts: list[str] = []
        self.links: list[str] = []
        self._hidden = 0
        self._open: list[tuple[str, bool]] = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag not in self.VOID:
            self._open.append((tag, (values.get("lang") or "").startswith("zh")))
        if tag in ("script", "style"):
            self._hidden += 1
        self.parts += [values[a] for a in self.ATTRIBUTES if values.get(a)]
        if tag == "a" and values.get("href"):
            self.links.append(values["href"])
        if tag == "input" and values.get("type") in ("submit", "button") and values.get("value"):
            self.parts.append(values["value"])

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._hidden -= 1
        while self._open:
            if self._open.pop()[0] == tag:
                break

    def handle_data(self, data):
        if not self._hidden and not any(chinese for _tag, chinese in self._open):
            self.parts.append(data)


def _strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def _plan_words() -> set[str]:
    words: set[str] = set()
    for path in PLAN_DIR.glob("*.toml"):
        words.update(_strings(tomllib.loads(path.read_text(encoding="utf-8"))))
    return words


def _people_words(session) -> set[str]:
    """Every text people wrote or the plans hold, as stored (generated texts left out)."""
    words: set[str] = set()
    for table in SQLModel.metadata.sorted_tables:
        columns = [c for c in table.columns if (table.name, c.name) not in GENERATED]
        if not columns:
            continue
        for row in session.execute(select(*columns)):
            words.update(v for v in row if isinstance(v, str) and CJK.search(v))
    for (table, column), data in GENERATED.items():
        columns = SQLModel.metadata.tables[table].columns
        query = select(columns[column], columns[data])
        if (table, column) in PLATFORM_ONLY:
            kind, platform = PLATFORM_ONLY[table, column]
            query = query.where(columns[kind] != platform)
        for text, kept in session.execute(query):
            if kept is None and text:
                words.add(text)
    return words


def _sign_in(auth, who):
    if who == "child":
        auth.child()
    elif who:
        auth.staff(who)


def _kind(path: str) -> str:
    """Pages of one kind: the same address but for ids and codes (each tab is its own kind)."""
    parts = urlsplit(path)
    return re.sub(r"\d+|[A-Z0-9]{6,}", "N", f"{parts.path}?{parts.query}")


def _start(app) -> list[str]:
    rules = [r.rule for r in app.url_map.iter_rules()
             if "GET" in r.methods and not r.arguments and r.endpoint != "static"]
    return sorted(set(rules) | {"/chat/return", "/track/"})


def _walk(app, client, visit, extra=()) -> int:
    """Open every page reachable by links, a few of each kind; ``visit`` checks each one."""
    queue, seen, kinds, pages = [*extra, *_start(app)], set(), {}, 0
    while queue:
        path = urldefrag(queue.pop(0)).url
        if path in seen or SKIP.search(path) or not path.startswith("/"):
            continue
        seen.add(path)
        kind = _kind(path)
        if kinds.get(kind, 0) >= PER_KIND:
            continue
        kinds[kind] = kinds.get(kind, 0) + 1
        response = client.get(path)
        assert response.status_code < 500, path
        if response.status_code != 200 or response.mimetype != "text/html":
            continue
        parser = _Text()
        parser.feed(RUBY.sub("", response.get_data(as_text=True)))
        visit(path, parser.parts)
        pages += 1
        queue += [link for link in parser.links if link.startswith("/")]
    return pages


CHILD_SAYS = ("学校门口的马路太难过了，想要一个红绿灯", "学校门口", "跳过", "对", "可以公开")


def _chat_turns(client) -> tuple[str, list[str]]:
    """A chat in which a child writes Chinese: its page and the assistant's lines and buttons."""
    url, seq, said = "/chat/new/turn", 0, []
    for text in CHILD_SAYS:
        reply = client.post(url, json={"text": text, "seq": seq})
        assert reply.status_code == 200, reply.get_data(as_text=True)
        body = reply.get_json()
        url, seq = body["urls"]["turn"], body["seq"]
        for line in body["messages"]:
            if line["who"] == "bot":
                said += [line["text"], *line.get("labels", line["quick"])]
    return url.rsplit("/", 1)[0], said


def _leftover(parts: list[str], allowed: list[str]) -> list[str]:
    found = []
    for part in parts:
        for word in allowed:
            if word in part:
                part = part.replace(word, " ")
        found += [m for m in CJK.findall(part) if IDEOGRAPH.search(m)]
    return found


DANGER = "爸爸喝醉了就打我，我不敢回家"


def _live_meeting(session) -> list[str]:
    """The council is meeting, with a child's suggestion and a poll open: the meeting room."""
    meeting = meetings.schedule(session, group=council(session), title="四月议事会", topic="操场",
                                agenda="", scheduled_at=utcnow() + timedelta(hours=1))
    meetings.open_meeting(session, meeting=meeting)
    meetings.join(session, meeting=meeting, member=member(session, "小明"))
    meetings.raise_suggestion(session, meeting=meeting, text="操场的篮球架坏了。",
                              member=member(session, "小红"))
    votes.start(session, meeting=meeting, question="先修哪一个？", labels=["篮球架", "秋千"],
                suggestion_ids=[])
    session.commit()
    return [f"/group/meeting/{meeting.id}", f"/chat/meeting/{meeting.join_code}"]


def _danger_told(app) -> tuple[str, ...]:
    """A child tells the assistant they are in danger: a safeguarding case opens."""
    other = app.test_client()
    other.get("/language/en")
    reply = other.post("/chat/new/turn", json={"text": DANGER, "seq": 0}).get_json()
    return tuple(line["text"] for line in reply["messages"] if line["who"] == "bot")


@pytest.fixture
def busy(app, session):
    """The demo city on a busy day: a meeting under way and a child who asked for help.

    Gives the meeting room's pages and what the assistant said to the child in danger.
    """
    return _live_meeting(session), _danger_told(app)


@pytest.mark.parametrize("who", ROLES)
def test_every_page_reads_in_english(app, client, auth, session, busy, who):
    _sign_in(auth, who)
    client.get("/language/en")
    extra: list[str] = busy[0] if who == "child" else []
    assert all(client.get(room).status_code == 200 for room in extra), "the meeting room opens"
    if who in (None, "child"):
        chat, said = _chat_turns(client)
        extra.append(chat)
    allowed = sorted(_plan_words() | _people_words(session) | set(PROPER_NAMES)
                     | set(CHILD_SAYS) | {DANGER},
                     key=len, reverse=True)
    untranslated: dict[str, list[str]] = {}
    if who in (None, "child"):
        left = _leftover([*said, *busy[1]], allowed)
        if left:
            untranslated["chat turns"] = left[:8]

    def visit(path, parts):
        left = _leftover(parts, allowed)
        if left:
            untranslated[path] = left[:8]

    pages = _walk(app, client, visit, extra)
    assert pages >= 5
    if untranslated:
        pytest.fail("\n".join(f"{path}: {' | '.join(left)}" for path, left in untranslated.items()))


@pytest.mark.parametrize("who", ROLES)
def test_every_page_still_opens_in_chinese(app, client, auth, busy, who):
    _sign_in(auth, who)
    extra = busy[0] if who == "child" else []
    if who in (None, "child"):
        chat, said = _chat_turns(client)
        assert any(CJK.search(line) for line in said)
        extra.append(chat)
    assert _walk(app, client, lambda path, parts: None, extra) >= 5


def test_the_walk_finds_chinese_left_in_a_page():
    assert _leftover(["Status: 办理中"], ["小明"]) == ["办理中"]
    assert _leftover(["小明 wrote this"], ["小明"]) == []
    assert Path(__file__).exists()
