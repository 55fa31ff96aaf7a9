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
from models.suggestions.tracking import find_code, read_code


class Intent(StrEnum):
    STOP = "stop"
    TRACK = "track"
    HELP = "help"
    FAQ = "faq"
    CHAT = "chat"
    SMALL_TALK = "small_talk"


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
     "我是童声小助手，是一个电脑程序，不是真人。我帮小朋友把想法说清楚，"
     "再送到城市里负责的部门。{city}正在建设儿童友好城市，很想听听孩子的声音。"),
    (("名字", "电话", "隐私", "安全吗"),
     N_("你不用告诉我名字、电话或者家住哪里。我只需要知道你想改变什么。")),
]

DEFAULT_FACTS = {"city": N_("这座城市"), "coordinator": N_("妇儿工委办"), "sign": 2, "answer": 15}
GREETINGS = ("你好", "您好", "hi", "hello", "嗨", "哈喽", "早上好", "下午好", "晚上好", "在吗")
THANKS = ("谢谢", "谢啦", "多谢", "thank")

# Small talk that is never an answer: each kind has its own kind reply.
ROBOT_WORDS = ("机器人", "真人", "是人吗", "是不是人", "人工智能", "ai吗", "你是ai", "电脑吗",
               "程序吗", "robot", "areyouhuman", "areyouareal")
ROBOT_ANSWER = ("我是一个电脑程序，叫童声小助手，不是真人。我不会记住你的名字，"
                "但你说的想法，我会交给城市里真正的大人去看、去办。")
JOKE_WORDS = ("笑话", "讲个故事", "逗我笑", "好玩的事", "joke")
JOKE_ANSWER = ("好呀：小铅笔问橡皮，你为什么总跟着我？橡皮说：因为你一写错，我就来帮忙呀！😄"
               "笑完了，也可以告诉我，你想让身边哪里变得更好。")
TEASE_WORDS = ("你真笨", "你好笨", "笨蛋", "你好傻", "你真傻", "你不聪明")
TEASE_ANSWER = "我是程序，有时候确实会听不懂。你换个说法告诉我，我会更认真地听。🙂"
BORED_WORDS = ("无聊", "没意思", "好烦", "boring", "bored")
BORED_ANSWER = ("无聊的时候，正好想一想：学校、公园、小区里有没有你想改变的地方？"
                "比如想要一个新的滑梯，或者一条更安全的上学路。")
# A story about one's day ("我今天中午吃了番茄炒蛋") that asks for nothing.
STORY_MARKS = ("中午吃了", "午饭吃了", "晚饭吃了", "早饭吃了", "我吃了", "我今天吃", "我喜欢吃",
               "今天中午", "我家的猫", "我家的狗", "我养了", "我刚才", "我昨天去", "周末去了",
               "我在看电视", "我在玩")
STORY_ANSWER = "听起来不错！谢谢你告诉我。😊"
# Words that turn a story into a wish: then it is a suggestion after all.
WISH_MARKS = ("想要", "希望", "应该", "能不能", "可不可以", "建议", "太", "不够", "坏了", "没有",
              "危险", "脏", "臭", "难吃", "不好", "少", "多一", "怕", "需要", "改", "不安全",
              "不卫生", "不新鲜", "贵")


def squash(text: str) -> str:
    """Lower-case, full-width folded, punctuation and spaces removed: what patterns compare."""
    return _PUNCT.sub("", unicodedata.normalize("NFKC", text or "").lower())


def tracking_code(text: str) -> str | None:
    """The tracking code in a message (TS-ABC234, ts abc234, 查进度 ABC234 …), canonical.

    A bare six-letter word counts only beside a progress word or with a digit in it, so
    "thanks" is not read as a code.
    """
    code = find_code(text)
    if code:
        return code
    rest = squash(text)
    for word in TRACK_WORDS:
        rest = rest.replace(word, "")
    code = read_code(rest)
    near_word = rest != squash(text)
    return code if code and (near_word or any(c.isdigit() for c in code)) else None


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


def small_talk(text: str) -> str | None:
    """A kind answer to a message that talks with the assistant instead of asking for a change.

    "你是机器人吗" gets the honest answer that it is a program; jokes, teasing, boredom and
    stories about one's day are answered and never kept as the place or the reason.
    """
    flat = squash(text)
    if not flat:
        return None
    if any(word in flat for word in ROBOT_WORDS) and len(flat) <= 16:
        return ROBOT_ANSWER
    if any(word in flat for word in TEASE_WORDS) and len(flat) <= 10:
        return TEASE_ANSWER
    if any(word in flat for word in JOKE_WORDS) and len(flat) <= 12:
        return JOKE_ANSWER
    wish = any(word in flat for word in WISH_MARKS)
    if any(word in flat for word in BORED_WORDS) and len(flat) <= 10 and not wish:
        return BORED_ANSWER
    if any(word in flat for word in STORY_MARKS) and not wish:
        return STORY_ANSWER
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
    if small_talk(text):
        return Intent.SMALL_TALK
    if faq_answer(text):
        return Intent.FAQ
    if chit_chat(text):
        return Intent.CHAT
    return None
