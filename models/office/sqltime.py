"""Two time expressions the figures need, written so SQLite and PostgreSQL agree: the days
between two moments, and which step of a trend a moment falls in."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Date, Float, case, literal
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement
from sqlmodel.sql.sqltypes import UTCDateTime


class days_between(FunctionElement):  # noqa: N801  (used like a SQL function)
    """``later - earlier`` in days, with the fraction of a day (both UTC moments)."""

    type = Float()
    inherit_cache = True


@compiles(days_between)
def _days_generic(element, compiler, **kw):
    later, earlier = (compiler.process(arg, **kw) for arg in element.clauses)
    return f"(EXTRACT(EPOCH FROM ({later} - {earlier})) / 86400.0)"


@compiles(days_between, "sqlite")
def _days_sqlite(element, compiler, **kw):
    later, earlier = (compiler.process(arg, **kw) for arg in element.clauses)
    return f"(julianday({later}) - julianday({earlier}))"


def moment(value: datetime):
    """A moment bound as the columns store it (UTC on every database)."""
    return literal(value, UTCDateTime())


def step_of(column, starts: list[datetime]):
    """The index of the step ``column`` falls in, given each step's start (ascending):
    one CASE, so a trend of any length stays a single grouped query."""
    if len(starts) < 2:
        return literal(0)
    whens = [(column < moment(start), index) for index, start in enumerate(starts[1:])]
    return case(*whens, else_=len(starts) - 1)


class china_day(FunctionElement):  # noqa: N801  (used like a SQL function)
    """The city's calendar day of a UTC moment (China keeps UTC+8 all year)."""

    type = Date()
    inherit_cache = True


@compiles(china_day)
def _day_generic(element, compiler, **kw):
    (moment_,) = (compiler.process(arg, **kw) for arg in element.clauses)
    return f"CAST(({moment_} AT TIME ZONE 'Asia/Shanghai') AS DATE)"


@compiles(china_day, "sqlite")
def _day_sqlite(element, compiler, **kw):
    (moment_,) = (compiler.process(arg, **kw) for arg in element.clauses)
    return f"date({moment_}, '+8 hours')"
