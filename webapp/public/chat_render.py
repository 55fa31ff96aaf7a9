"""How the assistant's words look: pinyin over the characters, QR codes, tracking links."""

from __future__ import annotations

import io
from functools import lru_cache

import qrcode
import qrcode.image.svg
from flask import url_for
from markupsafe import Markup, escape
from pypinyin import Style, lazy_pinyin
from werkzeug.routing import BuildError

from models.i18n import Message
from webapp.i18n import localise


@lru_cache(maxsize=512)
def pinyin_pairs(text: str) -> tuple[tuple[str, str], ...]:
    """(characters, pinyin) runs: one pair per Chinese character, other text grouped as-is."""
    sounds = lazy_pinyin(text, style=Style.TONE, errors=lambda chunk: [""] * len(chunk))
    pairs: list[list[str]] = []
    for char, sound in zip(text, sounds, strict=True):
        if not sound and pairs and not pairs[-1][1]:
            pairs[-1][0] += char
        else:
            pairs.append([char, sound])
    return tuple((chars, sound) for chars, sound in pairs)


def ruby(text: str) -> Markup:
    """The text with pinyin ruby over each character, escaped, for a child learning to read."""
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
    """Messages for the script, each assistant line with its pinyin pairs."""
    return [{**m, "ruby": pinyin_pairs(m["text"]) if m["who"] == "bot" else []}
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
