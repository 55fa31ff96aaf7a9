"""Meeting minutes: drafted from what happened, edited by the facilitator, exported."""

from __future__ import annotations

import io
from datetime import UTC

from sqlmodel import Session, select

from models.councils import attendance, support, votes
from models.files.pdfdoc import FontMissing, render
from models.i18n import N_, joined
from models.people.tables import Account, Group, GroupFacilitator, Meeting
from models.plans.tables import Agency
from models.suggestions.deadlines import CHINA
from models.suggestions.status import STAFF_LABELS
from models.suggestions.tables import AgencyRole, Assignment, Suggestion

ExportUnavailable = FontMissing


def _when(value) -> str:
    """Local (China) time for people reading the minutes."""
    if value is None:
        return "—"
    aware = value if value.tzinfo else value.replace(tzinfo=UTC)
    return aware.astimezone(CHINA).strftime("%Y-%m-%d %H:%M")


def sent_to(session: Session, suggestion: Suggestion) -> str:
    """Where the suggestion went: the current lead agencies, or its status if not sent yet."""
    query = (select(Agency.name).join(Assignment, Assignment.agency_id == Agency.id)
             .where(Assignment.suggestion_id == suggestion.id, Assignment.is_current,
                    Assignment.role == AgencyRole.LEAD))
    names = list(session.exec(query))
    if not names:
        return STAFF_LABELS[suggestion.status]
    return N_("送到 %(agencies)s") % {"agencies": joined(names)}


def _facilitators(session: Session, group: Group) -> str:
    query = (select(Account.display_name)
             .join(GroupFacilitator, GroupFacilitator.account_id == Account.id)
             .where(GroupFacilitator.group_id == group.id))
    return "、".join(session.exec(query)) or "—"


def draft(session: Session, meeting: Meeting) -> str:
    """Plain-text minutes: attendance, agenda, suggestions, votes, and what was sent where."""
    group = session.get(Group, meeting.group_id)
    people = attendance.attendees(session, meeting)
    lines = [f"{group.name} 会议纪要", f"会议：{meeting.title}",
             f"议题：{meeting.topic or '—'}",
             f"时间：{_when(meeting.opened_at or meeting.scheduled_at)}"
             f" 至 {_when(meeting.closed_at)}",
             f"主持：{_facilitators(session, group)}",
             f"出席（{len(people)} 人）：" + ("、".join(m.nickname for m in people) or "—"),
             "", N_("一、议程"), meeting.agenda or "—", "", N_("二、提出的建议")]
    # Minutes are shared: what may show a child in danger lives only in the safeguarding case.
    items = [item for item in attendance.suggestions(session, meeting)
             if not item.urgent and item.case_id is None]
    for number, item in enumerate(items, start=1):
        behalf = N_("（辅导员代填）") if item.entered_by_id else ""
        lines.append(N_("%(number)s. %(tracking_code)s %(agency_text)s%(behalf)s —— 支持 %(value)"
                        "s 人；%(session)s")
                     % {"number": number, "tracking_code": item.tracking_code,
                        "agency_text": item.agency_text, "behalf": behalf,
                        "value": support.count(session, item), "session": sent_to(session, item)})
    if not items:
        lines.append(N_("本次会议没有提出建议。"))
    lines += ["", N_("三、投票")]
    for poll in votes.polls(session, meeting):
        tallies = votes.results(session, poll)
        lines.append(N_("问题：%(question)s（共 %(value)s 票）")
                     % {"question": poll.question, "value": sum(t.votes for t in tallies)})
        lines += [(N_("  · %(label)s：%(votes)s 票")
                   % {"label": t.option.label, "votes": t.votes}) for t in tallies]
    if not votes.polls(session, meeting):
        lines.append(N_("本次会议没有投票。"))
    lines += ["", N_("四、下一步"),
              N_("辅导员会把建议送到负责的部门，收到回复后在下次会议告诉大家。")]
    return "\n".join(lines)


def to_pdf(meeting: Meeting) -> bytes:
    """The edited minutes as an A4 PDF with a Chinese font embedded (subset)."""
    return render(meeting.title, [(text, 11) for text in (meeting.minutes or "").splitlines()])


def to_docx(meeting: Meeting) -> bytes:
    """The edited minutes as a Word document."""
    from docx import Document

    document = Document()
    document.add_heading(meeting.title, level=1)
    for text in (meeting.minutes or "").splitlines():
        document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
