"""The people of TongSheng: staff accounts, groups, child members and meetings."""

from datetime import datetime
from enum import StrEnum

from sqlalchemy import String
from sqlmodel import Field, SQLModel, UniqueConstraint

from models.common import new_code, utcnow
from models.i18n import N_


class Role(StrEnum):
    FACILITATOR = "facilitator"
    AGENCY_STAFF = "agency_staff"
    COORDINATOR = "coordinator"


ROLE_LABELS = {
    Role.FACILITATOR: N_("辅导员"),
    Role.AGENCY_STAFF: N_("部门工作人员"),
    Role.COORDINATOR: N_("妇儿工委办"),
}


class Account(SQLModel, table=True):
    """An adult who signs in with a password: facilitator, agency staff or coordinator."""

    id: int | None = Field(default=None, primary_key=True)
    username: str = Field(unique=True, index=True, max_length=80)
    display_name: str = Field(max_length=80)
    email: str = Field(default="", max_length=200)
    password_hash: str = Field(max_length=200)
    role: Role = Field(sa_type=String(20))
    plan_id: str = Field(foreign_key="city_plan.id", max_length=40)
    agency_id: int | None = Field(default=None, foreign_key="agency.id")
    is_active: bool = True
    is_safeguarding_lead: bool = False
    # When the account was named safeguarding lead: the order in which leads are called.
    safeguarding_lead_since: datetime | None = None
    totp_secret: str | None = Field(default=None, max_length=64)
    # The time step of the last one-time code that signed in: a code is good only once.
    totp_last_step: int | None = None
    # Bumped at logout and on disable, so every old session cookie stops working.
    session_version: int = 1
    created_at: datetime = Field(default_factory=utcnow)


class GroupKind(StrEnum):
    COUNCIL = "council"
    OBSERVER = "observer"


class GroupLevel(StrEnum):
    CITY = "city"
    DISTRICT = "district"
    STREET = "street"
    COMMUNITY = "community"
    SCHOOL = "school"


GROUP_KIND_LABELS = {GroupKind.COUNCIL: N_("儿童议事会"), GroupKind.OBSERVER: N_("儿童观察团")}
GROUP_LEVEL_LABELS = {
    GroupLevel.CITY: N_("市级"),
    GroupLevel.DISTRICT: N_("区县级"),
    GroupLevel.STREET: N_("街道级"),
    GroupLevel.COMMUNITY: N_("社区级"),
    GroupLevel.SCHOOL: N_("学校"),
}


def _invite_code() -> str:
    return new_code(6)


class Group(SQLModel, table=True):
    """A children's council or observer group; children join with its invite code."""

    __tablename__ = "child_group"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=120)
    kind: GroupKind = Field(sa_type=String(20))
    level: GroupLevel = Field(sa_type=String(20))
    plan_id: str = Field(foreign_key="city_plan.id", index=True, max_length=40)
    # The 区县 the group belongs to, as the city writes it; empty for a city-wide group.
    district: str = Field(default="", max_length=40)
    invite_code: str = Field(default_factory=_invite_code, unique=True, index=True, max_length=12)
    is_active: bool = True
    created_at: datetime = Field(default_factory=utcnow)


class GroupFacilitator(SQLModel, table=True):
    """Which facilitators run which group: the scope of everything they may see."""

    __tablename__ = "group_facilitator"

    group_id: int = Field(foreign_key="child_group.id", primary_key=True)
    account_id: int = Field(foreign_key="account.id", primary_key=True)


class Member(SQLModel, table=True):
    """A child: a nickname, an age band and a PIN. Nothing else is stored about them."""

    __table_args__ = (UniqueConstraint("group_id", "nickname"),)

    id: int | None = Field(default=None, primary_key=True)
    group_id: int = Field(foreign_key="child_group.id", index=True)
    nickname: str = Field(max_length=20)
    birth_year: int
    birth_month: int
    pin_hash: str = Field(max_length=200)
    is_active: bool = True
    session_version: int = 1
    # Wrong PINs in a row, the back-off they earned, and the lock only a facilitator lifts.
    pin_failures: int = 0
    pin_wait_until: datetime | None = None
    pin_locked_at: datetime | None = None
    joined_at: datetime = Field(default_factory=utcnow)
    left_at: datetime | None = None


class GuardianConsent(SQLModel, table=True):
    """Who agreed for the child, how, when, and to which version of the notice."""

    __tablename__ = "guardian_consent"

    id: int | None = Field(default=None, primary_key=True)
    member_id: int = Field(foreign_key="member.id", index=True)
    given_by: str = Field(max_length=40)
    method: str = Field(max_length=40)
    notice_version: str = Field(max_length=20)
    recorded_by_id: int | None = Field(default=None, foreign_key="account.id")
    recorded_at: datetime = Field(default_factory=utcnow)
    withdrawn_at: datetime | None = None


class MeetingStatus(StrEnum):
    PLANNED = "planned"
    OPEN = "open"
    CLOSED = "closed"


class Meeting(SQLModel, table=True):
    """A council session: agenda, the suggestions raised in it, votes and minutes."""

    id: int | None = Field(default=None, primary_key=True)
    group_id: int = Field(foreign_key="child_group.id", index=True)
    title: str = Field(max_length=120)
    topic: str = Field(default="", max_length=120)
    agenda: str = Field(default="", max_length=4000)
    scheduled_at: datetime
    status: MeetingStatus = Field(sa_type=String(20), default=MeetingStatus.PLANNED)
    join_code: str = Field(default_factory=lambda: new_code(6), index=True, max_length=12)
    minutes: str = Field(default="", max_length=20000)
    opened_at: datetime | None = None
    closed_at: datetime | None = None
