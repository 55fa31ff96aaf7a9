"""Chit-chat around a suggestion: greetings, laughter, thanks and filler at either end.

Children open with 你好呀 or 哈哈 and close with 谢谢 or 拜拜; the topic model learned such
words from non-suggestions, so left in place they pull a real suggestion towards `none`
(and into the coordinator's triage). `strip_chatter` removes them from the ends of a
normalised text before the topic model reads it; a text that is nothing but chit-chat is
left whole, so the model still sees it and calls it a non-suggestion.
"""

import re

_PUNCT = r"[\s,.!?~:;、…，。！？～：；\-]"
_TAIL = r"[呀啊哦噢呢吧啦嘛哇耶咯哟]"
_SOUND = r"(?:哈|嘿|呵|嘻|嘎|哼|嗯|啊|哦|噢|喔|唔|诶|欸|哎|唉|嗨|哇|呜)"
# one laugh or interjection only when punctuation follows (哈尔滨 is a city, not a laugh)
_LAUGH = rf"(?:{_SOUND}{{2,6}}|{_SOUND}(?={_PUNCT}|$))"
_GREETING = (
    r"(?:你好|您好|大家好|各位好|老师好|叔叔好|阿姨好|早上好|晚上好|下午好|hi|hello|hey|"
    rf"哈喽|嗨|喂(?={_PUNCT})|在吗|在不在|打扰了|打扰一下)"
)
_FILLER = (
    r"(?:我跟你说|我和你说|跟你说|告诉你|我想说|我要说|说一下|那个那个|那个|对了|就是说|就是|"
    r"然后|嗯那个|话说|其实吧|好的|好吧|ok|是这样的)"
)
_THANKS = (
    r"(?:谢谢(?:你们|你|您|啦|了|大家)?|多谢|感谢(?:你们|你|您)?|谢啦|拜拜|bye|886|么么哒|比心|"
    r"晚安|完毕|说完了|thanks|thank you)"
)
# these close a message only after punctuation (和白色污染说再见 is part of the wish)
_SIGN_OFF = r"(?:就这样(?:啦|吧|了)?|加油|再见)"
_LEADING = re.compile(rf"^(?:(?:{_GREETING}|{_FILLER}|{_LAUGH}){_TAIL}*{_PUNCT}*)+")
_TRAILING = re.compile(
    rf"(?:(?:{_PUNCT}*(?:{_THANKS}|{_LAUGH})|{_PUNCT}+{_SIGN_OFF}){_TAIL}*)+{_PUNCT}*$"
)
_WORD_RE = re.compile(r"[^\W_]")


def strip_chatter(text: str) -> str:
    """The text without chit-chat at its start and end; unchanged if nothing else is left."""
    core = _TRAILING.sub("", _LEADING.sub("", text)).strip()
    return core if _WORD_RE.search(core) else text
