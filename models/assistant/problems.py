"""Does the child's message fit the question? Two problems, a place that is not a place,
a reason that is not about the idea, pinyin and English.

Plain rules on the child's words plus the topic model's ``none`` class, so the assistant
asks again instead of filling its questions with anything typed, and never drops an idea.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from classifier.normalise import normalise
from models.assistant import faq
from models.assistant import steps as flow
from models.assistant.steps import say

CONNECTORS = ("还有就是", "还有", "另外", "再就是", "第二", "以及", "还想说", "还希望", "也希望")
PLACE_MARKS = ("学校", "门口", "公园", "小区", "路", "街", "医院", "图书馆", "家", "楼", "广场",
               "站", "场", "教室", "食堂", "厕所", "市", "区", "村", "镇", "旁边", "附近", "里",
               "边", "馆", "店", "院", "园", "桥", "河", "湖", "山", "这", "那", "上", "下")
# Words a reason almost always has: a cause, a feeling, a harm, a wish.
REASON_MARKS = ("因为", "所以", "会", "容易", "摔", "伤", "疼", "痛", "怕", "担心", "方便", "难",
                "累", "吵", "挤", "堵", "远", "黑", "冷", "热", "开心", "喜欢", "可以", "能", "让",
                "大家", "同学", "小朋友", "孩子", "安全", "健康", "为了")
_SENTENCE = re.compile(r"[。；;！!？?\n]+")
_LATIN = re.compile(r"[A-Za-z]")
_HAN = re.compile(r"[\u4e00-\u9fff]")
MIN_PART = 4


def _wish(text: str) -> bool:
    flat = faq.squash(text)
    return any(word in flat for word in faq.WISH_MARKS)


def _is_suggestion(text: str, analyser: Callable) -> bool:
    """Not the topic model's ``none`` class, and a wish in it or a topic the model is sure of."""
    prediction = analyser(text).prediction
    if prediction is None:
        return _wish(text)
    return not prediction.not_suggestion and (_wish(text) or bool(prediction.topic))


def _parts(text: str) -> list[str] | None:
    """Two halves at a connector ("…，还有…") or two sentences; None when there is one."""
    for word in CONNECTORS:
        at = text.find(word)
        if at > 0:
            first = text[:at].strip(" ，,、。")
            second = text[at + len(word):].strip(" ，,、。：:")
            return [first, second]
    sentences = [p.strip(" ，,") for p in _SENTENCE.split(text) if p.strip(" ，,")]
    return sentences[:2] if len(sentences) >= 2 else None


def offer_split(state: dict, text: str, analyser: Callable) -> bool:
    """Two problems in one message: ask whether to make two suggestions (step ``split``)."""
    if state.get("item"):
        return False
    parts = _parts(text)
    if not parts or any(len(faq.squash(p)) < MIN_PART for p in parts):
        return False
    if not all(_is_suggestion(p, analyser) for p in parts):
        return False
    state["split"] = {"whole": text, "parts": parts}
    state["step"] = "split"
    return True


def misplaced(state: dict, text: str, found) -> list[dict] | None:
    """At "where": a new idea is kept for later; a message that is no place is asked again."""
    if text == flow.SKIP or text in flow.PLACES or text.startswith("📋 "):
        return None
    flat = faq.squash(text)
    if any(mark in flat for mark in PLACE_MARKS):
        return None
    prediction = found.prediction
    if _wish(text) and prediction is not None and not prediction.not_suggestion:
        state["queue"] = [*state.get("queue", []), text]
        return [say(f"「{text}」听起来是另一个想法！我先记下来，说完这一件就接着说它。")]
    if prediction is not None and prediction.not_suggestion and len(flat) > 6:
        return [say("我没听出是在哪里。")]
    return None


def off_topic_reason(state: dict, text: str, found) -> bool:
    """At "why": the topic model's ``none`` and no wish or feeling in it: ask once more."""
    if text == flow.SKIP or state.get("why_asked") or len(faq.squash(text)) <= 4:
        return False
    prediction = found.prediction
    flat = faq.squash(text)
    if prediction is None or not prediction.not_suggestion or _wish(text) \
            or any(mark in flat for mark in REASON_MARKS):
        return False
    state["why_asked"] = True
    return True


def mostly_latin(text: str) -> bool:
    return len(_LATIN.findall(text)) >= 3 and len(_LATIN.findall(text)) > len(_HAN.findall(text))


def understood(text: str) -> str | None:
    """Pinyin or English the model could read: the Chinese it read, to show the child."""
    if not mostly_latin(text):
        return None
    read = normalise(text)
    return read if len(_HAN.findall(read)) >= 2 else None


def echo(understood_text: str) -> str:
    """What the assistant read from pinyin or English, said so the child can correct it."""
    if _LATIN.search(understood_text):
        return f"我看懂了一部分，我猜你说的是：「{understood_text}」。"
    return f"我看懂啦，你说的是：「{understood_text}」。"
