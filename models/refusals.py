"""Refusals: a rule of the domain said no, with words the person can read.

Every refusal carries the HTTP status it is answered with, so the same refusal gets the
same answer on every page and in the API (``webapp/errors.py`` catches them in one place).
Anything else raised by the domain is a bug and becomes a 500, never a flashed message.
The subclasses also derive from the built-in type callers used to catch (``ValueError``,
``PermissionError``), so older callers keep working.
"""

from __future__ import annotations


class Refusal(Exception):
    """A rule said no; ``str(refusal)`` tells the person why."""

    status = 400


class Invalid(Refusal, ValueError):
    """What was sent cannot be used (missing, too long, unknown choice): 400."""

    status = 400


class Forbidden(Refusal, PermissionError):
    """This person may not do this: 403."""

    status = 403


class Conflict(Refusal, ValueError):
    """The thing's current state does not allow it (already done, wrong status): 409."""

    status = 409
