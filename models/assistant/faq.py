"""What a child may say besides a suggestion: stop, help, progress, small talk and questions.

Intents are recognised by short patterns, never by a model, so the assistant is predictable;
the FAQ answers are written for children from what the city plans say about councils,
observer groups and children's rights.
"""

from __future__ import annotations

import re
import unicodedata
from enum import StrEnum

from models.i18n import N_


class Intent(StrEnum):
    STOP = "stop"
    TRACK = "track"
    HELP = "help"
    FAQ = "faq"
    CHAT = "chat"


CODE_RE = re.compile(r"(?i)\bTS[-\s]?([2-9A-HJ-NP-Z]{6})\b")
_PUNCT = re.compile(r"[\s，。！？!?,.~～、…]+")

# The English words are the ones the English help text offers (squashed: no spaces).
STOP_WORDS = ("我不想说了", "不想说了", "不说了", "不想聊了", "算了", "退出", "结束", "再见",
              "拜拜", "stop")
TRACK_WORDS = ("查进度", "看进度", "进度怎么样", "查询码", "建议到哪", "办得怎么样", "有回复吗",
               "progress")
HELP_WORDS = ("帮助", "怎么用", "我不会用", "不会用", "help", "我该怎么说", "说什么")

FAQ: list[tuple[tuple[str, ...], str]] = [
    (("议事会", "议事"),
     N_("儿童议事会是一群小朋友一起开会，商量城市里和孩子有关的事，再把想法告诉政府。"
     "大人会认真听，还要回复你们。")),
    (("观察团", "观察员"),
     N_("儿童观察团会去公园、学校路上、医院、图书馆看一看，给这些地方打分，"
     "把需要改的地方写成建议。")),
    (("权利", "权力"),
     N_("每个孩子都有权利好好长大、受到保护、上学和玩耍。你还有权利说出自己的想法，"
     "和你有关的事，大人应该听听你的意见。")),
    (("交给谁", "谁来办", "谁管", "哪个部门"),
     N_("我会按照%(city)s的儿童友好城市计划，把你的建议送到负责这件事的部门。"
     "不知道该给谁的时候，%(coordinator)s的大人会帮忙看。")),
    (("多久", "几天", "什么时候回"),
     N_("部门要在 %(sign)s 个工作日内收下你的建议，%(answer)s 个工作日内回复你。"
     "你可以随时用查询码看进度。")),
    (("儿童友好", "童声是什么", "这是什么", "你是谁", "你是什么"),
     N_("我是童声小助手。我帮小朋友把想法说清楚，再送到城市里负责的部门。"
     "%(city)s正在建设儿童友好城市，很想听听孩子的声音。")),
    (("名字", "电话", "隐私", "安全吗"),
     N_("你不用告诉我名字、电话或者家住哪里。我只需要知道你想改变什么。")),
]

DEFAULT_FACTS = {"city": N_("这座城市"), "coordinator": N_("妇儿工委办"), "sign": 2, "answer": 15}
GREETINGS = ("你好", "您好", "hi", "hello", "嗨", "哈喽", "早上好", "下午好", "晚上好", "在吗")
THANKS = ("谢谢", "谢啦", "多谢", "thank")


def squash(text: str) -> str:
    """Lower-case, full-width folded, punctuation and spaces removed: what patterns compare."""
    return _PUNCT.sub("", unicodedata.normalize("NFKC", text or "").lower())


def tracking_code(text: str) -> str | None:
    """The tracking code in a message (TS-ABC234, ts abc234 …), written the canonical way."""
    match = CODE_RE.search(unicodedata.normalize("NFKC", text or "").upper())
    return "TS-" + match.group(1) if match else None


def faq_answer(text: str, facts: dict | None = None) -> str | None:
    """A child's question about councils, rights or the platform, answered from the plan."""
    flat = squash(text)
    if not any(mark in text for mark in ("？", "?", "吗", "什么", "怎么", "谁", "多久", "呢")):
        return None
    for words, answer in FAQ:
        if any(word in flat for word in words):
            return answer % (facts or DEFAULT_FACTS)
    return None


def plan_facts(plan) -> dict:
    """The few facts of a city's plan that the answers mention."""
    return {"city": plan.city, "coordinator": plan.coordinator,
            "sign": plan.deadlines.sign_working_days,
            "answer": plan.deadlines.answer_working_days}


def chit_chat(text: str) -> str | None:
    """A friendly answer to a message that is only a greeting, thanks or laughter."""
    flat = squash(text).rstrip("呀啊呢哦吖哇啦")
    if flat and set(flat) <= set("哈嘿嘻呵"):
        return "😄"
    for words, answer in ((GREETINGS, N_("你好呀！😊")), (THANKS, N_("不客气！"))):
        if flat in words or any(flat == word + "你" for word in words):
            return answer
    return None


def intent(text: str) -> Intent | None:
    """The override a message asks for, checked before the message is taken as an answer."""
    flat = squash(text)
    if any(flat.startswith(word) or flat == word for word in STOP_WORDS) and len(flat) <= 10:
        return Intent.STOP
    if tracking_code(text) or any(word in flat for word in TRACK_WORDS):
        return Intent.TRACK
    if any(flat.startswith(word) and len(flat) <= len(word) + 2 for word in HELP_WORDS):
        return Intent.HELP
    if faq_answer(text):
        return Intent.FAQ
    if chit_chat(text):
        return Intent.CHAT
    return None
