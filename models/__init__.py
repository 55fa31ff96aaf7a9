"""The domain: tables and the rules that act on them. Nothing here knows about Flask."""

from .agency import Agency, CityPlan
from .attachments import Attachment
from .audit import AccessLog, AuditLog, ErasurePermit
from .consent import ConsentHold
from .conversation import Conversation
from .export_jobs import ExportJob
from .meetings import Attendance
from .notifications import Notification
from .observation import Visit, VisitItem
from .open311 import ApiClient
from .people import (
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
from .report import Report
from .safeguarding import SafeguardingCase, SafeguardingReport
from .status import Status
from .storage import StoredFile, StoredFilePart
from .suggestion import (
    Answer,
    Assignment,
    Correction,
    DueWeight,
    Event,
    Rating,
    RatingValue,
    Suggestion,
    Support,
)
from .support import CouncilVoice, NameChoice
from .votes import Poll, PollOption, Vote

__all__ = [
    "ApiClient", "Attachment",
    "AccessLog", "AuditLog", "ErasurePermit", "Report", "SafeguardingCase",
    "SafeguardingReport",
    "Account", "Agency", "Answer", "Assignment", "CityPlan", "Conversation", "Correction",
    "ExportJob",
    "DueWeight",
    "Event", "Group", "GroupFacilitator", "GroupKind", "GroupLevel", "GuardianConsent",
    "Meeting", "MeetingStatus", "Member", "Notification",
    "Rating", "RatingValue", "Role", "Status",
    "Suggestion", "Support",
    "Attendance", "ConsentHold", "CouncilVoice", "NameChoice", "Poll", "PollOption", "Visit",
    "VisitItem", "Vote", "StoredFile", "StoredFilePart",
]
