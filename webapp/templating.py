"""Names templates use, so no template spells a status or a role as a bare string."""

from flask import Flask

from classifier.topics import CHILD_LABELS as TOPIC_CHILD_LABELS
from classifier.topics import TOPIC_LABELS
from models.common import local_time
from models.paging import PAGE_SIZES
from models.people.tables import GROUP_KIND_LABELS, GROUP_LEVEL_LABELS, ROLE_LABELS
from models.suggestions.status import CHILD_LABELS, STAFF_LABELS, Status


def init_app(app: Flask) -> None:
    app.jinja_env.globals.update(
        Status=Status,
        STATUS_CHILD=CHILD_LABELS,
        STATUS_STAFF=STAFF_LABELS,
        ROLE_LABELS=ROLE_LABELS,
        GROUP_KIND_LABELS=GROUP_KIND_LABELS,
        GROUP_LEVEL_LABELS=GROUP_LEVEL_LABELS,
        TOPIC_LABELS={str(k): v for k, v in TOPIC_LABELS.items()},
        TOPIC_CHILD_LABELS={str(k): v for k, v in TOPIC_CHILD_LABELS.items()},
        PAGE_SIZES=PAGE_SIZES,
    )
    app.jinja_env.filters["when"] = when


def when(value) -> str:
    """A stored UTC time as people in the city read it (China time)."""
    if not value:
        return ""
    return local_time(value).strftime("%Y-%m-%d %H:%M")
