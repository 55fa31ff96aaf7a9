"""Group voice: "我也这么想" once each, and a council sending a suggestion as its own."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.exc import IntegrityError
from sqlmodel import Field, Session, SQLModel, UniqueConstraint, func, select

from models.common import utcnow
from models.i18n import N_
from models.people.tables import Account, Group, Member
from models.refusals import Invalid
from models.suggestions.lifecycle import Actor, record
from models.suggestions.status import OPEN
from models.suggestions.tables import Suggestion, Support


class SupportProblem(Invalid):
    """A support that cannot be given, with a reason a child can read."""


class CouncilVoice(SQLModel, table=True):
    """A suggestion the council sends as its own; the facilitator co-signs, the children speak."""

    __tablename__ = "council_voice"

    suggestion_id: int = Field(foreign_key="suggestion.id", primary_key=True)
    group_id: int = Field(foreign_key="child_group.id", index=True)
    cosigned_by_id: int = Field(foreign_key="account.id")
    created_at: datetime = Field(default_factory=utcnow)


class NameChoice(SQLModel, table=True):
    """Whether a child lets their nickname be shown under a council suggestion."""

    __tablename__ = "name_choice"
    __table_args__ = (UniqueConstraint("suggestion_id", "member_id"),)

    id: int | None = Field(default=None, primary_key=True)
    suggestion_id: int = Field(foreign_key="suggestion.id", index=True)
    member_id: int = Field(foreign_key="member.id")
    show_name: bool = False


def count(session: Session, suggestion: Suggestion) -> int:
    """How many children said 我也这么想, including those of merged duplicates."""
    query = select(func.count()).select_from(Support).where(
        Support.suggestion_id == suggestion.id)
    return session.exec(query).one()


def counts(session: Session, ids: list[int]) -> dict[int, int]:
    if not ids:
        return {}
    query = (select(Support.suggestion_id, func.count()).where(Support.suggestion_id.in_(ids))
             .group_by(Support.suggestion_id))
    return dict(session.exec(query).all())


def has_supported(session: Session, suggestion: Suggestion, member: Member) -> bool:
    query = select(Support).where(Support.suggestion_id == suggestion.id,
                                  Support.member_id == member.id)
    return session.exec(query).first() is not None


def supported_ids(session: Session, member: Member) -> set[int]:
    query = select(Support.suggestion_id).where(Support.member_id == member.id)
    return set(session.exec(query))


def give(session: Session, *, suggestion: Suggestion, member: Member) -> int:
    """One child, one support per suggestion, only within their own group."""
    if suggestion.group_id != member.group_id or suggestion.urgent:
        raise SupportProblem(N_("只能支持自己小组里的建议。"))
    if suggestion.member_id == member.id:
        raise SupportProblem(N_("这是你自己的建议哦。"))
    if suggestion.status not in OPEN:
        raise SupportProblem(N_("这条建议已经办完了。"))
    if has_supported(session, suggestion, member):
        raise SupportProblem(N_("你已经支持过这条建议啦。"))
    session.add(Support(suggestion_id=suggestion.id, member_id=member.id))
    try:
        session.flush()
    except IntegrityError as error:  # a double click raced to the unique key
        session.rollback()  # a failed flush leaves nothing else to keep
        raise SupportProblem("你已经支持过这条建议啦。") from error
    return count(session, suggestion)


def carry_over(session: Session, *, source: Suggestion, target: Suggestion) -> None:
    """On merge: the duplicate's author and supporters now stand behind the target."""
    members = set(session.exec(select(Support.member_id)
                               .where(Support.suggestion_id == source.id)))
    if source.member_id:
        members.add(source.member_id)
    already = set(session.exec(select(Support.member_id)
                               .where(Support.suggestion_id == target.id)))
    for member_id in sorted(members - already - {target.member_id}):
        session.add(Support(suggestion_id=target.id, member_id=member_id))
    session.flush()


def send_as_council(session: Session, *, suggestion: Suggestion, group: Group,
                    account: Account) -> CouncilVoice:
    """The council adopts the suggestion; the facilitator co-signs but does not own it."""
    if suggestion.group_id != group.id:
        raise SupportProblem(N_("只能以本小组的名义发送本小组的建议。"))
    voice = session.get(CouncilVoice, suggestion.id)
    if voice is None:
        voice = CouncilVoice(suggestion_id=suggestion.id, group_id=group.id,
                             cosigned_by_id=account.id)
        session.add(voice)
        record(session, suggestion, action="council_voice",
               actor=Actor("staff", account.id, account.display_name),
               note=f"以“{group.name}”的名义提出，辅导员联署。")
        session.flush()
    return voice


def choose_name(session: Session, *, suggestion: Suggestion, member: Member,
                show: bool) -> None:
    """Each child decides whether their nickname appears under the council's suggestion."""
    query = select(NameChoice).where(NameChoice.suggestion_id == suggestion.id,
                                     NameChoice.member_id == member.id)
    choice = session.exec(query).first() or NameChoice(suggestion_id=suggestion.id,
                                                       member_id=member.id)
    choice.show_name = show
    session.add(choice)
    session.flush()


def signers(session: Session, suggestion: Suggestion) -> tuple[str, list[str], int]:
    """The council's name, the nicknames children chose to show, and how many stay unnamed."""
    voice = session.get(CouncilVoice, suggestion.id)
    if voice is None:
        return "", [], 0
    group = session.get(Group, voice.group_id)
    backers = set(session.exec(select(Support.member_id)
                               .where(Support.suggestion_id == suggestion.id)))
    if suggestion.member_id:
        backers.add(suggestion.member_id)
    shown = set(session.exec(select(NameChoice.member_id).where(
        NameChoice.suggestion_id == suggestion.id, NameChoice.show_name)))
    names = [session.get(Member, member_id).nickname for member_id in sorted(backers & shown)]
    return group.name, names, len(backers - shown)



def council_ids(session: Session, ids: list[int]) -> set[int]:
    """Which of these suggestions the council sends as its own."""
    if not ids:
        return set()
    return set(session.exec(select(CouncilVoice.suggestion_id)
                            .where(CouncilVoice.suggestion_id.in_(ids))))


def name_choices(session: Session, member: Member) -> dict[int, bool]:
    """suggestion id → whether this child chose to show their nickname under it."""
    query = select(NameChoice.suggestion_id, NameChoice.show_name).where(
        NameChoice.member_id == member.id)
    return dict(session.exec(query).all())
