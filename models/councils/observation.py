"""Observer visits: walk a place with a checklist; what needs work becomes suggestions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.exc import IntegrityError
from sqlmodel import Field, Session, SQLModel, UniqueConstraint, select

from models.common import utcnow
from models.councils.checklists import CHECKLISTS, NEEDS_WORK, RATINGS, Checklist
from models.i18n import N_
from models.people.tables import Account, Group, Member
from models.places.places import named
from models.refusals import Invalid
from models.safety.safeguarding import screen
from models.suggestions.intake import take_words
from models.suggestions.lifecycle import Draft, actor_for_account, actor_for_member
from models.suggestions.tables import Suggestion


class VisitProblem(Invalid):
    """A visit step that cannot be taken, with a reason people can read."""


class Visit(SQLModel, table=True):
    """One observation visit by a group to one place, on one day."""

    id: int | None = Field(default=None, primary_key=True)
    group_id: int = Field(foreign_key="child_group.id", index=True)
    checklist: str = Field(max_length=40)
    place_name: str = Field(max_length=200)
    place_id: int | None = Field(default=None, index=True)  # a Place; places are never deleted
    visited_on: date
    notes: str = Field(default="", max_length=4000)
    created_by_id: int | None = Field(default=None, foreign_key="account.id")
    started_by_member_id: int | None = Field(default=None, foreign_key="member.id")
    created_at: datetime = Field(default_factory=utcnow)


class VisitItem(SQLModel, table=True):
    """One checklist item as the group found it: rating, comment, photo, and its suggestion."""

    __tablename__ = "visit_item"
    __table_args__ = (UniqueConstraint("visit_id", "item_key"),)

    id: int | None = Field(default=None, primary_key=True)
    visit_id: int = Field(foreign_key="visit.id", index=True)
    item_key: str = Field(max_length=40)
    rating: str | None = Field(default=None, max_length=20)
    comment: str = Field(default="", max_length=1000)
    photo: str | None = Field(default=None, max_length=80)
    suggestion_id: int | None = Field(default=None, foreign_key="suggestion.id")
    member_id: int | None = Field(default=None, foreign_key="member.id")


class VisitSave(SQLModel, table=True):
    """One save of a visit's form, by its idempotency key: a checklist written offline is
    sent again and again until an answer comes back, and must change the visit only once
    (a retry arriving after someone else's edit would otherwise undo it)."""

    __tablename__ = "visit_save"

    id: int | None = Field(default=None, primary_key=True)
    visit_id: int = Field(foreign_key="visit.id", index=True)
    idempotency_key: str = Field(max_length=64, unique=True)
    created_at: datetime = Field(default_factory=utcnow)


@dataclass(frozen=True)
class Entry:
    """What the form sent for one item; photo is an already-stored photo name."""

    item_key: str
    rating: str | None
    comment: str = ""
    photo: str | None = None


def checklist_of(visit: Visit) -> Checklist:
    return CHECKLISTS[visit.checklist]


def group_visit(session: Session, group: Group, visit_id: int) -> Visit | None:
    """A visit of this group only; another group's visit is None (404)."""
    visit = session.get(Visit, visit_id)
    return visit if visit is not None and visit.group_id == group.id else None


def group_visits(session: Session, group: Group) -> list[Visit]:
    query = select(Visit).where(Visit.group_id == group.id)
    return list(session.exec(query.order_by(Visit.visited_on.desc(), Visit.id.desc())))


def start(session: Session, *, group: Group, checklist: str, place_name: str,
          visited_on: date, account: Account | None = None,
          member: Member | None = None) -> Visit:
    """A new visit, by the facilitator or a child of the group, every item waiting to be rated."""
    found = CHECKLISTS.get(checklist)
    if found is None:
        raise VisitProblem(N_("请选一种地点的观察清单。"))
    if not place_name.strip():
        raise VisitProblem(N_("请写下观察的地点，比如“人民公园东门”。"))
    place = named(session, group.plan_id, place_name)  # a place of the city's map, by name
    visit = Visit(group_id=group.id, checklist=checklist, place_name=place_name.strip()[:200],
                  place_id=place.id if place else None, visited_on=visited_on,
                  created_by_id=account.id if account else None,
                  started_by_member_id=member.id if member else None)
    session.add(visit)
    session.flush()
    for item in found.items:
        session.add(VisitItem(visit_id=visit.id, item_key=item.key))
    session.flush()
    return visit


def items(session: Session, visit: Visit) -> list[VisitItem]:
    """The visit's items in checklist order."""
    order = {item.key: number for number, item in enumerate(checklist_of(visit).items)}
    rows = session.exec(select(VisitItem).where(VisitItem.visit_id == visit.id))
    return sorted(rows, key=lambda row: order.get(row.item_key, 99))


def thread(visit: Visit, member: Member | None) -> str:
    """One child (or the adults) on one visit is one conversation, for safeguarding."""
    return f"visit:{visit.id}:{member.id if member else 'staff'}"


def save(session: Session, *, visit: Visit, entries: list[Entry], notes: str = "",
         member: Member | None = None, key: str | None = None) -> bool:
    """Store ratings, comments and photos; a child who changes an item becomes its author.

    Every new comment or note is screened in the same transaction: one that may mean a child
    is in danger opens a safeguarding case, and what the same child writes later joins it.
    A save with a ``key`` already taken changes nothing and returns False.
    """
    if key and not _first_save(session, visit, key):
        return False
    rows = {row.item_key: row for row in items(session, visit)}
    said = []
    for entry in entries:
        row = rows.get(entry.item_key)
        if row is None:
            continue
        if entry.rating not in (None, "", *RATINGS):
            raise VisitProblem(N_("评价只能选“好”“一般”或“需要改进”。"))
        before = (row.rating, row.comment, row.photo)
        row.rating = entry.rating or None
        row.comment = entry.comment.strip()[:1000]
        if row.comment and row.comment != before[1]:
            said.append(row.comment)
        row.photo = entry.photo or row.photo
        if member is not None and (row.rating, row.comment, row.photo) != before:
            row.member_id = member.id
        session.add(row)
    if notes.strip() and notes.strip()[:4000] != visit.notes:
        said.append(notes.strip()[:4000])
    visit.notes = notes.strip()[:4000]
    session.add(visit)
    _screen(session, visit, said, member)
    session.flush()
    return True


def _first_save(session: Session, visit: Visit, key: str) -> bool:
    """Claim the key; two tries arriving at once cannot both claim it (a unique key)."""
    key = key.strip()[:64]
    taken = select(VisitSave.id).where(VisitSave.idempotency_key == key)
    if session.exec(taken).first() is not None:
        return False
    try:
        with session.begin_nested():
            session.add(VisitSave(visit_id=visit.id, idempotency_key=key))
    except IntegrityError:
        return False
    return True


def _screen(session: Session, visit: Visit, said: list[str], member: Member | None) -> None:
    """New words join the open case of this conversation, or open one when flagged."""
    from models.common import new_code

    group = session.get(Group, visit.group_id)
    for text in said:
        screen(session, text=text, thread=thread(visit, member), channel="visit",
               plan_id=group.plan_id, source="V-" + new_code(8), group_id=group.id,
               child_label=member.nickname if member else "")


def needs_work(session: Session, visit: Visit) -> list[VisitItem]:
    return [row for row in items(session, visit) if row.rating == NEEDS_WORK]


def item_text(visit: Visit, row: VisitItem) -> str:
    """The suggestion a 需要改进 item becomes, in the group's words."""
    item = checklist_of(visit).item(row.item_key)
    said = row.comment or (N_("要看看：%(look_for)s") % {"look_for": item.look_for})
    return (N_("我们观察团在%(place_name)s观察“%(label)s”，觉得需要改进：%(said)s")
            % {"place_name": visit.place_name, "label": item.label, "said": said})


def _author(session: Session, row: VisitItem, member: Member | None) -> Member | None:
    """The child who rated the item hears the answer; else the child who pressed the button."""
    rated_by = session.get(Member, row.member_id) if row.member_id else None
    return rated_by if rated_by is not None and rated_by.is_active else member


def to_suggestions(session: Session, *, visit: Visit, account: Account | None = None,
                   member: Member | None = None) -> list[Suggestion]:
    """Every 需要改进 item not yet sent becomes a suggestion in the group's review queue."""
    from models.suggestions.moderation import set_topic

    group = session.get(Group, visit.group_id)
    actor = actor_for_member(member) if member else actor_for_account(account)
    made = []
    for row in needs_work(session, visit):
        if row.suggestion_id is not None:
            continue
        author = _author(session, row, member)
        draft = Draft(plan_id=group.plan_id, text=item_text(visit, row), place=visit.place_name,
                      place_id=visit.place_id, group_id=group.id,
                      member_id=author.id if author else None,
                      entered_by_id=account.id if account else None,
                      idempotency_key=f"visit-{visit.id}-{row.item_key}")
        taken = take_words(session, draft, actor, thread=thread(visit, author), channel="visit")
        suggestion = taken.suggestion
        if suggestion is None:  # held in this child's safeguarding case
            continue
        if suggestion.abstained or not suggestion.topic:
            set_topic(session, suggestion=suggestion,
                      topic=checklist_of(visit).item(row.item_key).topic, source="observer")
        suggestion.photo = suggestion.photo or row.photo
        row.suggestion_id = suggestion.id
        session.add_all([suggestion, row])
        session.flush()
        made.append(suggestion)
    if not made and not any(row.suggestion_id for row in needs_work(session, visit)):
        raise VisitProblem(N_("这次观察还没有标为“需要改进”的项目。"))
    return made
