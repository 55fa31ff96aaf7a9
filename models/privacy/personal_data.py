"""No agency reads a child's personal details: a flagged copy is not forwarded until reworded."""

from __future__ import annotations

import re

from models.i18n import N_
from models.refusals import Invalid
from models.suggestions.tables import Suggestion


class PersonalDetailsLeft(Invalid):
    """The copy an agency would read still names a school, a class, a number or a person."""


def flags(suggestion: Suggestion) -> list[str]:
    """What personal details the agency copy still carries; [] when it may be forwarded."""
    from classifier.personal import personal_details  # loaded on first use

    return personal_details(suggestion.agency_text)


def check_forwardable(suggestion: Suggestion) -> None:
    """Refuse to send a flagged suggestion on; the facilitator rewrites it first."""
    from classifier.personal import describe

    kinds = flags(suggestion)
    if kinds:
        raise PersonalDetailsLeft(
            N_("给部门看的文字里还有孩子的个人信息（%(kinds)s），请先用“改写给部门看的说法”把它去"
               "掉，再送出。")
            % {"kinds": describe(kinds)})


_HOUSE_NUMBER = re.compile(r"(?<![\d.])\d{1,5}\s*[号號](?![线線楼樓院])")
_DEGREES = re.compile(r"(?<![\d.])(-?\d{1,3})\.(\d{2})\d+")


def coarse_place(place: str) -> str:
    """A place as precise as a street or a landmark: no door, no house number, and any
    coordinate rounded to 0.01° (about 1 km), so a child's home cannot be found from it."""
    from classifier.redact import redact

    text = redact(place or "").text.replace("【门牌】", "").replace("【号码】", "")
    text = _HOUSE_NUMBER.sub("", text)
    text = _DEGREES.sub(lambda m: f"{m.group(1)}.{m.group(2)}", text)
    return re.sub(r"\s{2,}", " ", text).strip()[:200]


def coarse_degrees(value: float) -> float:
    """A latitude or longitude rounded to 0.01°."""
    return round(float(value), 2)
