"""URL converters: an id too big for a database integer is a 404, not a database error."""

from werkzeug.routing import IntegerConverter

LARGEST_ROW_ID = 2**31 - 1


class RowIdConverter(IntegerConverter):
    """`<int:…>` that only matches ids PostgreSQL's INTEGER and SQLite can hold."""

    def __init__(self, url_map, *args, **kwargs):
        kwargs.setdefault("max", LARGEST_ROW_ID)
        super().__init__(url_map, *args, **kwargs)


def init_app(app) -> None:
    app.url_map.converters["int"] = RowIdConverter
