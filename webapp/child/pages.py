"""The child's own pages once signed in."""

from flask import Blueprint, render_template
from flask_login import current_user

from models.councils.checklists import CHECKLISTS
from models.people.tables import Group, GroupKind, Member
from models.privacy import scope
from models.suggestions import questions
from webapp.access import child_required
from webapp.db import get_session

bp = Blueprint("child", __name__, url_prefix="/me")


@bp.route("/")
@child_required
def home():
    suggestions = scope.member_suggestions(get_session(), current_user.member)
    return render_template("child/home.html", suggestions=suggestions,
                           asked=questions.asked_ids(get_session(), suggestions),
                           checklists=_checklists(current_user.member))


def _checklists(member: Member) -> list:
    """The checklists a child of an observer group can start a chat from."""
    group = get_session().get(Group, member.group_id)
    return list(CHECKLISTS.values()) if group and group.kind == GroupKind.OBSERVER else []
