"""How the assistant's words look: pinyin over the characters, QR codes, tracking links."""

from __future__ import annotations

import io
import re
from functools import lru_cache

import qrcode
import qrcode.image.svg
from flask import url_for
from markupsafe import Markup, escape
from werkzeug.routing import BuildError

from models.i18n import Message
from webapp.i18n import localise
from webapp.public.chat_pinyin import sounds as word_sounds
from webapp.public.speak import speak_mark

# Words whose 得 is the syllable dé, not the particle de ("获得", "难得"…).
DE_KEPT = frozenset({"获得", "取得", "赢得", "难得", "心得", "得到", "得分", "值得一"})
_HAN = re.compile(r"[\u4e00-\u9fff]")


def _word_sound(word: str) -> str:
    """The pinyin of one word, read as a word: 变得 → biàn de, not biàn dé."""
    sounds = word_sounds(word)
    if len(word) >= 2 and word.endswith("得") and word not in DE_KEPT:
        sounds[-1] = "de"
    if len(word) >= 3 and word.endswith("地") and word[-2] == word[-3]:
        sounds[-1] = "de"  # 慢慢地, 好好地
    return " ".join(sound for sound in sounds if sound)


@lru_cache(maxsize=512)
def pinyin_pairs(text: str) -> tuple[tuple[str, str], ...]:
    """(word, pinyin) runs: one pair per word (jieba's cut), other text grouped as-is.

    Reading words, not characters, gives the readings a child hears: 变得 biàn de, 一会儿.
    A lone 得 after a word is the particle too (跑得快 → pǎo de kuài). The words come from
    jieba with the small dictionary of the site's own sentences (`chat_words`).
    """
    from webapp.public.chat_words import chat_tokenizer

    pairs: list[list[str]] = []
    for word in chat_tokenizer().cut(text or ""):
        sound = _word_sound(word) if _HAN.search(word) else ""
        if word == "得" and pairs and pairs[-1][1]:
            sound = "de"
        if word == "地" and pairs and len(pairs[-1][0]) == 2 and pairs[-1][0][0] == pairs[-1][0][1]:
            sound = "de"  # 慢慢地, 好好地
        if not sound and pairs and not pairs[-1][1]:
            pairs[-1][0] += word
        else:
            pairs.append([word, sound])
    return tuple((chars, sound) for chars, sound in pairs)


def warm_up() -> None:
    """Load the word list and the readings before the server forks, so workers share them."""
    pinyin_pairs("你好，我是童声的小助手。")


def ruby(text: str) -> Markup:
    """The text with pinyin ruby over each word, escaped, for a child learning to read."""
    parts = []
    for chars, sound in pinyin_pairs(text or ""):
        if sound:
            parts.append(f"<ruby>{escape(chars)}<rt>{escape(sound)}</rt></ruby>")
        else:
            parts.append(str(escape(chars)))
    return Markup("".join(parts))


def localised(messages: list[dict]) -> list[dict]:
    """The assistant's lines and buttons in the reader's language; the child's words as written.

    ``labels`` are what the buttons show; ``quick`` stays what they send (the dialogue's words).
    """
    shown = []
    for said in messages:
        line = dict(said)
        if said.get("msg"):
            line["text"] = localise(Message.from_data(said["msg"]))
        kept = said.get("quick_msgs") or [None] * len(said.get("quick", []))
        line["labels"] = [localise(Message.from_data(data)) if data else word
                          for word, data in zip(said.get("quick", []), kept, strict=False)]
        shown.append(line)
    return shown


def with_ruby(messages: list[dict]) -> list[dict]:
    """Messages for the script, each assistant line with its pinyin pairs and the mark its
    🔊 button shows the server (webapp/public/speak.py)."""
    return [{**m, "ruby": pinyin_pairs(m["text"]) if m["who"] == "bot" else [],
             "mark": speak_mark(m["text"]) if m["who"] == "bot" else ""}
            for m in messages]


def track_url(code: str) -> str:
    """The tracking page of a code (the tracking blueprint's page, or its plain address)."""
    try:
        return url_for("track.page", code=code)
    except BuildError:
        return f"/track/{code}"


def qr_svg(address: str) -> bytes:
    """A QR code of an address as a small SVG."""
    image = qrcode.make(address, image_factory=qrcode.image.svg.SvgPathImage, border=2)
    out = io.BytesIO()
    image.save(out)
    return out.getvalue()
