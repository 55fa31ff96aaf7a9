"""A child's suggestion, where it was sent, its history, answers, ratings and supports."""

from datetime import datetime
from enum import StrEnum

from sqlalchemy import JSON, Column, Index, String, text
from sqlmodel import Field, Session, SQLModel, UniqueConstraint, select

from models.common import new_code, utcnow
from models.i18n import N_, stored
from models.suggestions.status import Status


def _tracking_code() -> str:
    return "TS-" + new_code(6)


def _partial(name: str, *columns: str, where: str) -> Index:
    """An index of the rows a staff list asks for only (the same on PostgreSQL and SQLite)."""
    return Index(name, *columns, postgresql_where=text(where), sqlite_where=text(where))


# The columns of ``models.privacy.publication.public_condition`` as its SQL writes them, so a
# public list's query matches these partial indexes word for word.
PUBLIC_COLUMNS = "consent_to_publish IS true AND urgent IS false AND case_id IS NULL"
PUBLIC_STATUSES_SQL = ("('dispatched', 'accepted', 'in_progress', 'answered', 'closed', "
                       "'returned')")


class Suggestion(SQLModel, table=True):
    """What a child asked for, the copy agencies see, and where it stands."""

    # Staff lists: a city's queues by status, newest first, in time order (exports), 督办, a
    # group's review queue.
    __table_args__ = (
        Index("ix_suggestion_plan_status", "plan_id", "status"),
        Index("ix_suggestion_plan_newest", "plan_id", "urgent", "created_at", "id"),
        Index("ix_suggestion_plan_created", "plan_id", "created_at", "id"),
        _partial("ix_suggestion_plan_overdue", "plan_id", where="overdue"),
        Index("ix_suggestion_group_status", "group_id", "status"),
        # The few items open at any moment, with what their tab depends on: inbox counts
        # read this index alone (OPEN_SQL in models/suggestions/inbox.py is the same predicate).
        _partial("ix_suggestion_open", "plan_id", "status", "overdue", "sign_due", "answer_due",
                 "updated_at", "id",
                 where="status IN ('dispatched', 'accepted', 'in_progress') OR overdue"),
        # The coordinator's and facilitators' queues (triage, review, 退单), covered likewise.
        _partial("ix_suggestion_queue", "plan_id", "status", "urgent", "created_at", "id",
                 "abstained", "group_id", "topic",
                 where="status IN ('submitted', 'in_review', 'returned')"),
        # What the public may read (``publication.public_condition``, its columns part), newest
        # first: Open311's list stops after its page instead of sorting the whole city.
        _partial("ix_suggestion_public", "plan_id", "created_at", "id",
                 where=f"{PUBLIC_COLUMNS} AND status IN {PUBLIC_STATUSES_SQL}"),
        # The board's items (answered and public): its count reads this index alone, with
        # the code for the safeguarding check.
        _partial("ix_suggestion_board", "plan_id", "domain", "tracking_code", "id",
                 where=f"{PUBLIC_COLUMNS} AND status IN ('answered', 'closed')"),
    )

    id: int | None = Field(default=None, primary_key=True)
    tracking_code: str = Field(default_factory=_tracking_code, unique=True, index=True,
                               max_length=16)
    plan_id: str = Field(foreign_key="city_plan.id", index=True, max_length=40)
    group_id: int | None = Field(default=None, foreign_key="child_group.id", index=True)
    meeting_id: int | None = Field(default=None, foreign_key="meeting.id", index=True)
    member_id: int | None = Field(default=None, foreign_key="member.id", index=True)
    entered_by_id: int | None = Field(default=None, foreign_key="account.id")
    idempotency_key: str | None = Field(default=None, unique=True, max_length=64)
    body_hash: str = Field(default="", max_length=64)
    # A hash of the secret held by the device that wrote it: the key that acts on it.
    owner_key_hash: str | None = Field(default=None, max_length=64)

    original_text: str = Field(max_length=4000)
    clarified_text: str = Field(default="", max_length=4000)
    redacted_text: str = Field(max_length=4000)
    place: str = Field(default="", max_length=200)
    place_id: int | None = Field(default=None, index=True)  # a Place; places are never deleted
    photo: str | None = Field(default=None, max_length=80)

    topic: str | None = Field(default=None, max_length=40)
    confidence: float = 0.0
    model_version: str = Field(default="", max_length=60)
    abstained: bool = True
    domain: str = Field(default="", max_length=200)
    task_id: str = Field(default="", max_length=20)
    task_title: str = Field(default="", max_length=300)

    status: Status = Field(sa_type=String(20), default=Status.SUBMITTED, index=True)
    urgent: bool = False
    consent_to_publish: bool = False
    published: bool = False
    merged_into_id: int | None = Field(default=None, foreign_key="suggestion.id")
    # The safeguarding case this suggestion belongs to: held until the lead decides.
    case_id: int | None = Field(default=None, index=True)
    sign_due: datetime | None = None
    answer_due: datetime | None = None
    overdue: bool = False
    created_at: datetime = Field(default_factory=utcnow, index=True)
    updated_at: datetime = Field(default_factory=utcnow)

    @property
    def agency_text(self) -> str:
        """What an agency reads: the facilitator's clarification or the masked original."""
        return self.clarified_text or self.redacted_text


class AgencyRole(StrEnum):
    LEAD = "lead"
    PARTNER = "partner"


class Assignment(SQLModel, table=True):
    """An agency a suggestion was sent to, as lead (must answer) or partner (may comment)."""

    __table_args__ = (UniqueConstraint("suggestion_id", "agency_id"),
                      # An agency's inbox, newest first, and its size, from the index alone.
                      _partial("ix_assignment_agency_current", "agency_id", "assigned_at",
                               "suggestion_id", where="is_current"),
                      # An open tab walks the city's open items and asks, for each, whether
                      # it is this agency's now: answered from the index, never the table.
                      _partial("ix_assignment_current_suggestion", "suggestion_id", "agency_id",
                               where="is_current"),
                      # The inbox's size: one key repeated, which PostgreSQL stores once per
                      # page (deduplication), so counting 100,000 items reads a few pages.
                      _partial("ix_assignment_agency_inbox", "agency_id", where="is_current"),
                      # Which agencies lead anything (the board's agency filter).
                      Index("ix_assignment_agency_role", "agency_id", "role", "suggestion_id"))

    id: int | None = Field(default=None, primary_key=True)
    suggestion_id: int = Field(foreign_key="suggestion.id", index=True)
    agency_id: int = Field(foreign_key="agency.id", index=True)
    role: AgencyRole = Field(sa_type=String(20))
    is_current: bool = True
    assigned_at: datetime = Field(default_factory=utcnow)
    # Each lead signs (签收) for itself: when this agency's own staff signed.
    signed_at: datetime | None = None
    # The person who chose this agency for this item; empty when the plan's route chose it.
    chosen_by: str = Field(default="", max_length=120)


class Event(SQLModel, table=True):
    """Append-only history: who moved a suggestion from which status to which, and why."""

    # The coordinator's 重新打开 queue looks for one action among millions of events.
    __table_args__ = (_partial("ix_event_reopen", "suggestion_id", where="action = 'reopen'"),
                      # The figures' 签收 and 退单 by an agency's own staff (``office.figures``).
                      _partial("ix_event_agency_acts", "suggestion_id", "actor_id", "action",
                               "created_at", where="action IN ('accept', 'return') AND "
                               "actor_kind = 'agency_staff'"))

    id: int | None = Field(default=None, primary_key=True)
    suggestion_id: int = Field(foreign_key="suggestion.id", index=True)
    action: str = Field(max_length=40)
    from_status: Status | None = Field(sa_type=String(20), default=None)
    to_status: Status | None = Field(sa_type=String(20), default=None)
    actor_kind: str = Field(max_length=20)
    actor_id: int | None = None
    actor_name: str = Field(default="", max_length=120)
    note: str = Field(default="", max_length=4000)
    # A note the platform wrote (not a person): its message, so it reads in any language.
    note_data: dict | None = Field(default=None, sa_column=Column(JSON, nullable=True))
    created_at: datetime = Field(default_factory=utcnow, index=True)

    @property
    def shown_note(self) -> str:
        """A platform note in the reader's language; a person's note as they wrote it."""
        return stored(self.note, self.note_data)


class Support(SQLModel, table=True):
    """A child's "我也这么想" for a suggestion in their group, at most once each."""

    __table_args__ = (UniqueConstraint("suggestion_id", "member_id"),)

    id: int | None = Field(default=None, primary_key=True)
    suggestion_id: int = Field(foreign_key="suggestion.id", index=True)
    member_id: int = Field(foreign_key="member.id", index=True)
    created_at: datetime = Field(default_factory=utcnow)


class DueWeight(StrEnum):
    ADOPTED = "adopted"
    PARTLY = "partly"
    NOT_ADOPTED = "not_adopted"
    ALREADY_DONE = "already_done"


DUE_WEIGHT_LABELS = {
    DueWeight.ADOPTED: N_("采纳"),
    DueWeight.PARTLY: N_("部分采纳"),
    DueWeight.NOT_ADOPTED: N_("暂不采纳"),
    DueWeight.ALREADY_DONE: N_("已经在做"),
}


class Answer(SQLModel, table=True):
    """An agency's answer: words for the child, the formal reply, and the children's due weight."""

    # The board walks answers newest first and keeps each suggestion's latest one.
    __table_args__ = (Index("ix_answer_newest", "created_at", "id"),
                      Index("ix_answer_latest", "suggestion_id", "id", "agency_id"))

    id: int | None = Field(default=None, primary_key=True)
    suggestion_id: int = Field(foreign_key="suggestion.id", index=True)
    agency_id: int = Field(foreign_key="agency.id")
    account_id: int = Field(foreign_key="account.id")
    child_text: str = Field(max_length=600)
    formal_text: str = Field(default="", max_length=8000)
    due_weight: DueWeight = Field(sa_type=String(20))
    reason: str = Field(default="", max_length=2000)
    next_step: str = Field(default="", max_length=2000)
    next_date: datetime | None = None
    created_at: datetime = Field(default_factory=utcnow)


class RatingValue(StrEnum):
    SATISFIED = "satisfied"
    MOSTLY = "mostly"
    UNSATISFIED = "unsatisfied"


RATING_LABELS = {
    RatingValue.SATISFIED: N_("满意"),
    RatingValue.MOSTLY: N_("基本满意"),
    RatingValue.UNSATISFIED: N_("不满意"),
}


class Rating(SQLModel, table=True):
    """The child's verdict on an answer."""

    id: int | None = Field(default=None, primary_key=True)
    suggestion_id: int = Field(foreign_key="suggestion.id", index=True)
    value: RatingValue = Field(sa_type=String(20))
    comment: str = Field(default="", max_length=500)
    created_at: datetime = Field(default_factory=utcnow)


class Correction(SQLModel, table=True):
    """A topic a person chose for a text: triage, re-routing, a facilitator's edit."""

    id: int | None = Field(default=None, primary_key=True)
    suggestion_id: int | None = Field(default=None, foreign_key="suggestion.id")
    text: str = Field(max_length=4000)
    topic: str = Field(max_length=40)
    source: str = Field(max_length=20)
    created_at: datetime = Field(default_factory=utcnow)


class ReviewState(StrEnum):
    PENDING = "pending"
    ACCEPTED = "accepted"
    REJECTED = "rejected"


class ReturnReview(SQLModel, table=True):
    """One agency's 退单 as the coordinator reviews it: accepted (re-routed) or sent back."""

    __tablename__ = "return_review"

    id: int | None = Field(default=None, primary_key=True)
    suggestion_id: int = Field(foreign_key="suggestion.id", index=True)
    agency_id: int = Field(foreign_key="agency.id")
    category: str = Field(max_length=20)
    reason: str = Field(max_length=2000)
    state: ReviewState = Field(sa_type=String(20), default=ReviewState.PENDING, index=True)
    decided_by_id: int | None = Field(default=None, foreign_key="account.id")
    decided_by: str = Field(default="", max_length=120)
    answer: str = Field(default="", max_length=2000)
    created_at: datetime = Field(default_factory=utcnow)
    decided_at: datetime | None = None
def merged_into(session: Session, suggestion: Suggestion) -> list[Suggestion]:
    """The suggestions folded into this one (their children hear its answer too)."""
    query = select(Suggestion).where(Suggestion.merged_into_id == suggestion.id)
    return list(session.exec(query.order_by(Suggestion.id)))
