"""Every table of the domain, registered with SQLModel's metadata on import.

Whatever opens the database imports this (``webapp.db`` for the site, its commands and the
queue jobs; the migrations' environment), so the schema and the unit of work see every table
and every foreign key resolves; a reader of plain domain data (the plans, the classifier's
command) imports only the modules it uses and never pays for the tables. A new table module
is added here.
"""

from models.assistant.conversation import Conversation
from models.councils.meetings import Attendance
from models.councils.observation import Visit, VisitItem, VisitSave
from models.councils.support import CouncilVoice, NameChoice
from models.councils.votes import Poll, PollOption, Vote
from models.files.attachments import Attachment
from models.files.storage import StoredFile, StoredFilePart
from models.notices.notifications import Notification
from models.notices.push import PushFollow, PushSubscription
from models.office.api_keys import ApiClient
from models.office.export_jobs import ExportJob
from models.office.open311 import Open311Request
from models.office.rollup import DashboardDay, DashboardRecount, DashboardRollupMark
from models.office.snapshots import DashboardSnapshot
from models.people.consent import ConsentHold
from models.people.tables import (
    Account,
    Group,
    GroupFacilitator,
    GroupKind,
    GroupLevel,
    GuardianConsent,
    Meeting,
    MeetingStatus,
    Member,
    Role,
)
from models.places.tables import Place
from models.plans.tables import Agency, CityPlan
from models.plans.versions import PlanVersion
from models.privacy.audit import AccessLog, AuditLog, ErasurePermit
from models.safety.report import Report
from models.safety.safeguarding import SafeguardingCase, SafeguardingReport
from models.suggestions.devices import CarryTicket
from models.suggestions.held_answers import HeldAnswer
from models.suggestions.status import Status
from models.suggestions.supervision import ExtensionRequest, SupervisionStep
from models.suggestions.tables import (
    Answer,
    Assignment,
    Correction,
    DueWeight,
    Event,
    Rating,
    RatingValue,
    ReturnReview,
    Suggestion,
    Support,
)

__all__ = [
    "ApiClient", "Attachment",
    "AccessLog", "AuditLog", "ErasurePermit", "Report", "SafeguardingCase",
    "SafeguardingReport",
    "Account", "Agency", "Answer", "Assignment", "CityPlan", "Conversation", "Correction",
    "DashboardDay", "DashboardRecount", "DashboardRollupMark", "DashboardSnapshot",
    "ExportJob", "HeldAnswer",
    "Open311Request",
    "DueWeight",
    "Event", "Group", "GroupFacilitator", "GroupKind", "GroupLevel", "GuardianConsent",
    "Meeting", "MeetingStatus", "Member", "Notification", "PushFollow", "PushSubscription",
    "Rating", "RatingValue", "Role", "Status",
    "Suggestion", "Support",
    "Attendance", "ConsentHold", "CouncilVoice", "NameChoice", "Poll", "PollOption", "Visit",
    "VisitItem", "VisitSave", "Vote", "StoredFile", "StoredFilePart", "ExtensionRequest",
    "SupervisionStep",
    "CarryTicket",
    "ReturnReview", "PlanVersion", "Place",
]
