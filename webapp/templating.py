"""Names templates use, so no template spells a status or a role as a bare string; and what
the menu of every page shows for whoever is signed in (unread notices, the safeguarding
banner), registered once here by the app factory rather than by one blueprint for all."""

from flask import Flask
from flask_login import current_user

from classifier.topics import CHILD_LABELS as TOPIC_CHILD_LABELS
from classifier.topics import TOPIC_LABELS
from models.common import local_time
from models.notices import notifications
from models.paging import PAGE_SIZES
from models.people.tables import GROUP_KIND_LABELS, GROUP_LEVEL_LABELS, ROLE_LABELS, Role
from models.safety import safeguarding
from models.suggestions.status import CHILD_LABELS, STAFF_LABELS, Status
from webapp.db import get_session


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
    app.context_processor(unread_notices)
    app.context_processor(open_safeguarding_cases)


def unread_notices() -> dict:
    """The number next to 消息 in the menu, for whoever is signed in."""
    if not current_user.is_authenticated:
        return {"unread_notices": 0}
    mine = ({"member_id": current_user.member.id} if current_user.is_child
            else {"account_id": current_user.account.id})
    return {"unread_notices": notifications.unread_count(get_session(), **mine)}


def open_safeguarding_cases() -> dict:
    """A child who may be in danger is never lost in a queue: their people's pages say so."""
    account = getattr(current_user, "account", None) if current_user.is_authenticated else None
    if account is None or account.role not in (Role.FACILITATOR, Role.COORDINATOR):
        return {"open_safeguarding_cases": 0, "city_without_lead": False}
    session = get_session()
    return {"open_safeguarding_cases": safeguarding.count_open_cases(session, account),
            "city_without_lead": account.role == Role.COORDINATOR
            and not safeguarding.has_lead(session, account.plan_id)}


def when(value) -> str:
    """A stored UTC time as people in the city read it (China time)."""
    if not value:
        return ""
    return local_time(value).strftime("%Y-%m-%d %H:%M")
