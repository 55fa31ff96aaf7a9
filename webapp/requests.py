"""Incoming text without control characters.

A NUL byte cannot be stored in a PostgreSQL text column and no child types one: every form
field, query argument and JSON string loses its C0 control characters (tab and newlines
stay) before a view sees it, so such input is cleaned instead of failing deep in a query.
"""

import re

from flask import Request
from werkzeug.datastructures import ImmutableMultiDict
from werkzeug.utils import cached_property

CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean_text(value: str) -> str:
    return CONTROL.sub("", value)


def _clean_multidict(data: ImmutableMultiDict) -> ImmutableMultiDict:
    return ImmutableMultiDict([(clean_text(key), clean_text(value))
                               for key, value in data.items(multi=True)])


def _clean_json(value):
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, list):
        return [_clean_json(item) for item in value]
    if isinstance(value, dict):
        return {clean_text(str(k)): _clean_json(v) for k, v in value.items()}
    return value


class CleanRequest(Request):
    """Flask's request, with control characters removed from what users typed."""

    def _load_form_data(self) -> None:
        super()._load_form_data()
        self.__dict__["form"] = _clean_multidict(self.__dict__["form"])

    @cached_property
    def args(self) -> ImmutableMultiDict:
        return _clean_multidict(super().args)

    def get_json(self, *args, **kwargs):
        return _clean_json(super().get_json(*args, **kwargs))
