"""Mask personal details before agencies read; keep what an agency needs to act.

Masked: phone numbers (also read out in Chinese numerals), ID and bank card numbers, e-mail,
QQ, WeChat and other account ids, any other long number, door-level addresses, birthdays,
classes and people's names. Kept: the school, the road, the estate, the park, hotlines
(110, 12355, 12345), counts, ages, durations, times and money.

Each finder reads views of the text that are exactly as long as the text (``numerals``), so
what it finds is masked where the child wrote it; overlapping finds become one mask.
"""

from dataclasses import dataclass, field

from classifier import birth_class, contacts, doors
from classifier.masks import KINDS, NAME, Span, apply, merge
from classifier.names import find_names
from classifier.numerals import digit_view, plain_view


@dataclass(frozen=True)
class Redaction:
    """Redacted text and the kinds of detail that were masked."""

    text: str
    found: list[str] = field(default_factory=list)


def find_spans(text: str) -> list[Span]:
    """Every personal detail in the text, as (start, end, token) spans of the text itself."""
    view = plain_view(text)
    names = [Span(start, end, NAME) for start, end in find_names(view)]
    return (contacts.find(view, digit_view(view)) + doors.find(view)
            + birth_class.find(view, named=bool(names)) + names)


def redact(text: str) -> Redaction:
    """Return the text as an agency may see it, with personal details replaced by 【tokens】."""
    text = text or ""
    spans = merge(find_spans(text))
    found = sorted({KINDS[span.token] for span in spans})
    return Redaction(apply(text, spans), found)
