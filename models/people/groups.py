"""Running a group: creating it, its invite code, adding children, and letting them go."""

from __future__ import annotations

from enum import StrEnum

from sqlmodel import Session, select

from models.common import new_code, utcnow
from models.i18n import N_
from models.people import consent
from models.people.accounts import hash_secret, retire_sessions
from models.people.tables import (
    Account,
    Group,
    GroupFacilitator,
    GroupKind,
    GroupLevel,
    Member,
    Role,
)
from models.refusals import Invalid
from models.suggestions.lifecycle import actor_for_account, actor_for_member, record
from models.suggestions.permissions import NotAllowed, require_action
from models.suggestions.status import Status
from models.suggestions.tables import Suggestion

NOT_YET_SENT = (Status.SUBMITTED, Status.IN_REVIEW)


class GroupProblem(Invalid):
    """A group or member change that cannot be made, with a reason staff can read."""


class Leaving(StrEnum):
    """What happens to a leaving child's suggestions that were not sent yet."""

    KEEP = "keep"
    WITHDRAW = "withdraw"


LEAVING_LABELS = {
    Leaving.KEEP: N_("保留：还没送出的建议照常处理，署名改为“一位离开的成员”"),
    Leaving.WITHDRAW: N_("撤回：还没送出的建议不再送出（已经送到部门的照常办理）"),
}
CHILD_LEAVING_LABELS = {
    Leaving.KEEP: N_("留下：还没送出的建议继续办，只是不再写你的昵称"),
    Leaving.WITHDRAW: N_("收回：还没送出的建议不再送出"),
}


def create_group(session: Session, *, account: Account, name: str, kind: GroupKind,
                 level: GroupLevel, district: str = "") -> Group:
    """A new group in the facilitator's city, run by them, with a fresh invite code."""
    name = name.strip()
    if not name:
        raise GroupProblem("请给小组起个名字。")
    group = Group(name=name[:120], kind=kind, level=level, plan_id=account.plan_id,
                  district=district.strip()[:40])
    session.add(group)
    session.flush()
    session.add(GroupFacilitator(group_id=group.id, account_id=account.id))
    session.flush()
    return group


def update_group(session: Session, *, group: Group, name: str, level: GroupLevel,
                 is_active: bool, district: str | None = None) -> Group:
    name = name.strip()
    if not name:
        raise GroupProblem(N_("请给小组起个名字。"))
    group.name, group.level, group.is_active = name[:120], level, is_active
    if district is not None:
        group.district = district.strip()[:40]
    session.add(group)
    session.flush()
    return group


def new_invite_code(session: Session, *, group: Group) -> str:
    """A new code, so an old poster that went too far stops working."""
    while True:
        code = new_code(6)
        if session.exec(select(Group).where(Group.invite_code == code)).first() is None:
            break
    group.invite_code = code
    session.add(group)
    session.flush()
    return code


def add_member(session: Session, *, group: Group, nickname: str, birth_year: int,
               birth_month: int, pin: str) -> Member:
    """A child added by the facilitator, for children who join on paper or a shared device."""
    nickname = nickname.strip()
    taken = session.exec(select(Member).where(Member.group_id == group.id,
                                              Member.nickname == nickname)).first()
    if taken is not None:
        raise GroupProblem(N_("这个昵称在小组里已经有人用了，换一个吧。"))
    member = Member(group_id=group.id, nickname=nickname, birth_year=birth_year,
                    birth_month=birth_month, pin_hash=hash_secret(pin))
    session.add(member)
    session.flush()
    return member


def group_member(session: Session, group: Group, member_id: int) -> Member | None:
    """A member of this group only; another group's child is None (404)."""
    member = session.get(Member, member_id)
    return member if member is not None and member.group_id == group.id else None


def remove_member(session: Session, *, member: Member, leaving: Leaving,
                  actor: Account | None = None) -> list[Suggestion]:
    """The child leaves (or is removed by `actor`, who must run the group or coordinate its
    city); their unsent suggestions follow `leaving`, each withdrawal a recorded move of the
    status machine."""
    if not member.is_active:
        raise GroupProblem("这位小朋友已经离开小组了。")
    if actor is not None and not may_run(session, actor, member.group_id):
        raise NotAllowed("只有这个小组的辅导员或本市妇儿工委办可以请小朋友离开小组。")
    member.is_active, member.left_at = False, utcnow()
    who = actor_for_account(actor) if actor is not None else actor_for_member(member)
    touched = []
    query = select(Suggestion).where(Suggestion.member_id == member.id,
                                     Suggestion.status.in_(NOT_YET_SENT))
    for suggestion in session.exec(query):
        if leaving == Leaving.WITHDRAW:
            require_action(session, who, suggestion, "withdraw")
            consent.release(session, suggestion)
            record(session, suggestion, action="withdraw", actor=who, to_status=Status.DECLINED,
                   note=N_("作者离开了小组，这条建议撤回了。"))
        else:
            record(session, suggestion, action="member_left", actor=who,
                   note=N_("作者离开了小组，建议照常处理。"))
        touched.append(suggestion)
    session.add(member)
    retire_sessions(session, member)
    return touched


def may_run(session: Session, account: Account, group_id: int) -> bool:
    """A facilitator of this group, or a coordinator of its city."""
    group = session.get(Group, group_id)
    if group is None or not account.is_active:
        return False
    if account.role == Role.COORDINATOR:
        return account.plan_id == group.plan_id
    return account.role == Role.FACILITATOR and session.exec(select(GroupFacilitator).where(
        GroupFacilitator.account_id == account.id,
        GroupFacilitator.group_id == group_id)).first() is not None


def display_name(member: Member | None) -> str:
    """How a member is named to staff: a leaver is not named any more."""
    if member is None:
        return N_("辅导员代写")
    return member.nickname if member.is_active else N_("一位离开的成员")
