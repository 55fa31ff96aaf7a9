"""Reading a tracking code the way a child types it: TS-A98ZC9, ts a98zc9, Ａ９８ＺＣ９, A98ZC9.

A code is "TS-" and six characters of ``CODE_ALPHABET``. That alphabet already leaves out
0/O, 1/I and L, so no look-alike has to be guessed: a code read here is exactly one code or
none. Reading a code never widens what it shows (see ``docs/security.md``): a code alone
still opens only a public item.
"""

from __future__ import annotations

import re
import unicodedata

from models.common import CODE_ALPHABET

PREFIX = "TS"
LENGTH = 6
_SEPARATORS = re.compile(r"[\s\-_－—–‐·•.,，。:：#＃/]+")
_CODE = re.compile(rf"^[{CODE_ALPHABET}]{{{LENGTH}}}$")
_IN_TEXT = re.compile(
    rf"(?<![A-Z0-9])TS[\s\-_－—–‐:：]*([{CODE_ALPHABET}]{{{LENGTH}}})(?![A-Z0-9])")


def _fold(text: str) -> str:
    """Full-width letters and digits folded, upper case."""
    return unicodedata.normalize("NFKC", text or "").upper()


def read_code(text: str) -> str | None:
    """The canonical code ("TS-A98ZC9") in what was typed, or None if it is not a code."""
    flat = _SEPARATORS.sub("", _fold(text))
    if len(flat) == len(PREFIX) + LENGTH and flat.startswith(PREFIX):
        flat = flat[len(PREFIX):]
    return f"{PREFIX}-{flat}" if _CODE.match(flat) else None


def find_code(text: str) -> str | None:
    """A code written with its "TS" inside a longer message ("查进度 ts a98zc9")."""
    match = _IN_TEXT.search(_fold(text))
    return f"{PREFIX}-{match.group(1)}" if match else None
