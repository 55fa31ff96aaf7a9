"""The periods a dashboard is read over, in the city's local dates: the presets (本周, 本月,
本季度, 本年), a chosen from/to, and the weeks or months a trend is cut into.

A period is always [first day, last day] in China time; ``figures.Period`` is the same
period as two moments, and ``Step`` is one week or month of a trend.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from models.common import CHINA
from models.i18n import N_
from models.office.figures import Period

PRESETS = {"week": N_("本周"), "month": N_("本月"), "quarter": N_("本季度"), "year": N_("本年")}
# A trend is cut into weeks up to this many days, into months beyond.
WEEKS_UP_TO = 92
# A trend with no start shows this many months back from its last day.
OPEN_MONTHS = 12


def preset(name: str, today: date) -> tuple[date, date]:
    """The first and last day of this week (from Monday), month, quarter or year."""
    if name == "week":
        return today - timedelta(days=today.weekday()), today
    if name == "month":
        return today.replace(day=1), today
    if name == "quarter":
        return today.replace(month=(today.month - 1) // 3 * 3 + 1, day=1), today
    if name == "year":
        return today.replace(month=1, day=1), today
    raise ValueError(name)


def moment(day: date) -> datetime:
    """The start of a day in the city."""
    return datetime.combine(day, time.min, tzinfo=CHINA)


def as_period(first: date | None, last: date | None) -> Period:
    """The days [first, last] as moments; either end may stay open."""
    return Period(start=moment(first) if first else None,
                  end=moment(last + timedelta(days=1)) if last else None)


@dataclass(frozen=True)
class Step:
    """One week or month of a trend: its first day and the label under its bar."""

    first: date
    label: str


def _month_start(day: date, months_later: int = 0) -> date:
    index = day.year * 12 + day.month - 1 + months_later
    return date(index // 12, index % 12 + 1, 1)


def steps(first: date | None, last: date) -> tuple[str, list[Step]]:
    """The trend's unit ("week" or "month") and its steps from ``first`` to ``last``.

    A week starts on Monday and is labelled by that Monday (03-02); a month by its number
    (2031-03). The first step may begin before ``first``: only the period's days count.
    """
    first = first or _month_start(last, 1 - OPEN_MONTHS)
    if (last - first).days < WEEKS_UP_TO:
        monday = first - timedelta(days=first.weekday())
        count = (last - monday).days // 7 + 1
        days = [monday + timedelta(weeks=n) for n in range(count)]
        return "week", [Step(d, f"{d:%m-%d}") for d in days]
    start = _month_start(first)
    count = (last.year - start.year) * 12 + last.month - start.month + 1
    days = [_month_start(start, n) for n in range(count)]
    return "month", [Step(d, f"{d:%Y-%m}") for d in days]
