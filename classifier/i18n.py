"""User-facing words of the domain, marked for translation without Flask.

It lives in the lowest layer so that the classifier (topic names) and the models can both mark
their words; ``models.i18n`` is the name the domain imports.

The domain speaks Chinese, the source language. A text a person will read is written
``N_("…")`` (extracted by pybabel, see babel.cfg); with values it is formatted with ``%`` and
a dict: ``N_("建议 %(code)s 已超期。") % {"code": code}``. The result is a ``Message``: a
``str`` whose value is the Chinese sentence (so Chinese pages, e-mail and tests read exactly as
before) and which remembers its msgid and values, so the web layer can say it again in the
reader's language (``webapp.i18n.localise``). A text that is stored keeps ``as_data()`` beside
it and is rebuilt with ``Message.from_data`` when shown.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

Translate = Callable[[str], str]


class Message(str):
    """A Chinese text that knows how to be said in another language."""

    msgid: str
    params: dict[str, Any] | tuple | None

    def __new__(cls, msgid: str, params: Mapping[str, Any] | tuple | None = None) -> Message:
        params = _values(params)
        message = super().__new__(cls, msgid % params if params is not None else msgid)
        message.msgid, message.params = msgid, params
        return message

    def __getnewargs__(self):
        return (self.msgid, self.params)

    def __mod__(self, params) -> Message:
        return Message(self.msgid, params)

    def in_language(self, gettext: Translate) -> str:
        """The text in the language of ``gettext``; values that are messages are translated too."""
        if not self.msgid:
            return ""
        if self.params is None:
            return gettext(self.msgid)

        def said(value):
            return value.in_language(gettext) if isinstance(value, Message) else value

        if isinstance(self.params, dict):
            return gettext(self.msgid) % {key: said(v) for key, v in self.params.items()}
        return gettext(self.msgid) % tuple(said(v) for v in self.params)

    def as_data(self) -> dict:
        """Plain JSON to store beside the Chinese text."""
        data: dict[str, Any] = {"id": self.msgid}

        def kept(value):
            return value.as_data() if isinstance(value, Message) else value

        if isinstance(self.params, dict):
            data["params"] = {key: kept(value) for key, value in self.params.items()}
        elif self.params is not None:
            data["params"] = [kept(value) for value in self.params]
        return data

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Message:
        def rebuilt(value):
            return cls.from_data(value) if isinstance(value, dict) else value

        params = data.get("params")
        if isinstance(params, dict):
            params = {key: rebuilt(value) for key, value in params.items()}
        elif params is not None:
            params = tuple(rebuilt(value) for value in params)
        return cls(data["id"], params)


def _values(params):
    """``%`` takes a mapping, a tuple or one value; kept as a dict or a tuple."""
    if params is None or isinstance(params, tuple):
        return params
    if isinstance(params, Mapping):
        return dict(params)
    return (params,)


def data_of(text: str) -> dict | None:
    """What to store beside a text so it can be shown in another language (None: plain text)."""
    return text.as_data() if isinstance(text, Message) else None


def stored(text: str, data: Mapping[str, Any] | None) -> str:
    """A stored text as a message again when its data was kept; older rows stay plain text."""
    if not data:
        return text
    try:
        return Message.from_data(data)
    except (KeyError, TypeError, ValueError):
        return text


def N_(msgid: str) -> Message:  # noqa: N802 - the name pybabel and readers know
    """Mark a text for translation; it stays Chinese until the web layer renders it."""
    return Message(msgid)


# Between the items of a list read aloud: "、" in Chinese, ", " in English.
LIST_SEPARATOR = N_("、")


def joined(items, separator: Message = LIST_SEPARATOR) -> Message:
    """Several texts read as one list, each translated on its own (the separator too)."""
    params: dict[str, Any] = {f"i{n}": item for n, item in enumerate(items)}
    params["sep"] = separator
    return Message("%(sep)s".join(f"%(i{n})s" for n in range(len(params) - 1)), params)
