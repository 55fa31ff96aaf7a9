"""After moderation: dispatch, 签收, 退单 and re-routing, progress, the answer, the child's rating.

Every function checks who acts and from which status, then writes through ``record``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session

from classifier.topics import TOPIC_IDS
from models.common import utcnow
from models.i18n import N_, joined
from models.people.consent import ConsentMissing, check_dispatchable
from models.privacy.personal_data import check_forwardable
from models.safety.safeguarding import SafeguardingCase, check_not_held, screen
from models.suggestions.deadlines import set_answer_deadline, set_dispatch_deadlines
from models.suggestions.lifecycle import SYSTEM, Actor, _from, record
from models.suggestions.permissions import NotAllowed, allowed, require
from models.suggestions.routing import assign_route, current_assignments, route_for
from models.suggestions.status import Status
from models.suggestions.tables import (
    Answer,
    Correction,
    DueWeight,
    Event,
    Rating,
    RatingValue,
    Suggestion,
)

RETURN_REASONS = (N_("职能不符"), N_("属地不符"), N_("权属不清"), N_("职能交叉"))
CHILD_TEXT_LIMIT = 300
NOTE_LIMIT = 2000
IN_HAND = (Status.ACCEPTED, Status.IN_PROGRESS)


@dataclass(frozen=True)
class ConsentRule:
    """Which privacy notice a guardian must have agreed to, and below which age."""

    notice_version: str = "2026-11"
    consent_age: int = 14


_consent_rule = ConsentRule()


def configure_consent(rule: ConsentRule) -> None:
    """The web app sets the rule from its configuration (PRIVACY_NOTICE_VERSION, CONSENT_AGE)."""
    global _consent_rule
    _consent_rule = rule


def consent_rule() -> ConsentRule:
    return _consent_rule


def _check_consent(session: Session, suggestion: Suggestion) -> None:
    """No young child's words reach an agency before a guardian has agreed."""
    try:
        check_dispatchable(session, suggestion, notice_version=_consent_rule.notice_version,
                           consent_age=_consent_rule.consent_age)
    except ConsentMissing as missing:
        raise ConsentMissing(N_("这位小朋友的监护人还没有同意，暂时不能派单。"
                             "请先请辅导员登记监护人同意，再来派单。")) from missing


def _text(value: str, *, limit: int, missing: str) -> str:
    value = (value or "").strip()
    if not value:
        raise ValueError(missing)
    if len(value) > limit:
        raise ValueError(N_("最多 %(limit)s 个字，现在是 %(value)s 个字。")
                         % {"limit": limit, "value": len(value)})
    return value


def _send(session: Session, suggestion: Suggestion, actor: Actor, action: str,
          note: str = "") -> Event:
    """Assign the route's agencies, start the clocks and record the move to dispatched."""
    if not suggestion.topic:
        raise ValueError(N_("请先选一个主题，才能知道送到哪个部门。"))
    check_not_held(session, suggestion)
    _check_consent(session, suggestion)
    check_forwardable(suggestion)
    route = route_for(suggestion)
    assign_route(session, suggestion, route)
    set_dispatch_deadlines(suggestion, utcnow())
    leads = "、".join(route.lead_agencies)
    return record(session, suggestion, action=action, actor=actor,
                  to_status=Status.DISPATCHED, note=f"{leads}{'；' + note if note else ''}")


def dispatch(session: Session, suggestion: Suggestion, *, actor: Actor) -> Event:
    """Send an approved suggestion to the lead agencies its route names."""
    require(session, actor, suggestion,
            "coordinate" if suggestion.status == Status.RETURNED else "moderate")
    _from(suggestion, Status.IN_REVIEW, Status.RETURNED, doing=N_("派单"))
    return _send(session, suggestion, actor, "dispatch")


def reroute(session: Session, suggestion: Suggestion, *, actor: Actor, topic: str,
            note: str = "") -> Event:
    """The coordinator picks the right topic after a 退单 or a reopening, and sends it again."""
    require(session, actor, suggestion, "coordinate")
    _from(suggestion, Status.RETURNED, Status.IN_REVIEW, doing=N_("重新派单"))
    if topic not in TOPIC_IDS:
        raise ValueError(N_("请选一个主题。"))
    session.add(Correction(suggestion_id=suggestion.id, text=suggestion.agency_text,
                           topic=topic, source="reroute"))
    suggestion.topic, suggestion.abstained = topic, False
    return _send(session, suggestion, actor, "reroute", note.strip())


def accept(session: Session, suggestion: Suggestion, *, actor: Actor) -> Event:
    """The lead agency signs for it (签收); the answer clock starts now."""
    require(session, actor, suggestion, "lead")
    _from(suggestion, Status.DISPATCHED, doing=N_("签收"))
    set_answer_deadline(suggestion, utcnow())
    return record(session, suggestion, action="accept", actor=actor, to_status=Status.ACCEPTED)


def start_progress(session: Session, suggestion: Suggestion, *, actor: Actor,
                   note: str = "") -> Event:
    """The agency is working on it (他们在办)."""
    require(session, actor, suggestion, "lead")
    _from(suggestion, Status.ACCEPTED, doing=N_("开始办理"))
    return record(session, suggestion, action="start", actor=actor,
                  to_status=Status.IN_PROGRESS, note=note.strip()[:NOTE_LIMIT])


def add_note(session: Session, suggestion: Suggestion, *, actor: Actor, text: str) -> Event:
    """A progress note from the lead agency, or a comment from a partner or the coordinator."""
    text = _text(text, limit=NOTE_LIMIT, missing=N_("请写下进展或意见。"))
    if allowed(session, actor, suggestion, "lead") and suggestion.status in IN_HAND:
        if suggestion.status == Status.ACCEPTED:
            return start_progress(session, suggestion, actor=actor, note=text)
        return record(session, suggestion, action="progress", actor=actor, note=text)
    if not (allowed(session, actor, suggestion, "assigned")
            or allowed(session, actor, suggestion, "coordinate")):
        raise NotAllowed(N_("只有收到这条建议的部门或妇儿工委办可以留言。"))
    _from(suggestion, Status.DISPATCHED, *IN_HAND, Status.ANSWERED, doing=N_("留言"))
    return record(session, suggestion, action="comment", actor=actor, note=text)


def return_(session: Session, suggestion: Suggestion, *, actor: Actor, category: str,
            text: str) -> Event:
    """退单: not ours, with a reason; it goes back to the coordinator to re-route."""
    require(session, actor, suggestion, "lead")
    _from(suggestion, Status.DISPATCHED, doing=N_("退单（签收以后就不能退了）"))
    if category not in RETURN_REASONS:
        raise ValueError(N_("请选择退单原因：%(reasons)s。") % {"reasons": joined(RETURN_REASONS)})
    text = _text(text, limit=NOTE_LIMIT, missing=N_("请写明退单的理由，最好说应该由哪个部门办。"))
    for assignment in current_assignments(session, suggestion):
        assignment.is_current = False
        session.add(assignment)
    suggestion.sign_due = suggestion.answer_due = None
    suggestion.overdue = False
    return record(session, suggestion, action="return", actor=actor,
                  to_status=Status.RETURNED, note=f"{category}：{text}")


def answer(session: Session, suggestion: Suggestion, *, actor: Actor, child_text: str,
           due_weight: str, formal_text: str = "", reason: str = "", next_step: str = "",
           next_date: datetime | None = None) -> Answer:
    """The lead agency answers: words for the child, and how much the children's view counted."""
    require(session, actor, suggestion, "lead")
    _from(suggestion, *IN_HAND, doing=N_("答复"))
    child_text = _text(child_text, limit=CHILD_TEXT_LIMIT,
                       missing=N_("请写一段给孩子看的回复，用孩子能看懂的话。"))
    if due_weight not in {w.value for w in DueWeight}:
        raise ValueError(N_("请选择对孩子意见的采纳情况。"))
    if due_weight in (DueWeight.PARTLY, DueWeight.NOT_ADOPTED) and not reason.strip():
        raise ValueError(N_("部分采纳或暂不采纳时，请写明原因。"))
    found = Answer(suggestion_id=suggestion.id, agency_id=actor.agency_id, account_id=actor.id,
                   child_text=child_text, formal_text=(formal_text or "").strip()[:8000],
                   due_weight=DueWeight(due_weight), reason=reason.strip()[:NOTE_LIMIT],
                   next_step=next_step.strip()[:NOTE_LIMIT], next_date=next_date)
    session.add(found)
    suggestion.overdue = False
    record(session, suggestion, action="answer", actor=actor, to_status=Status.ANSWERED)
    return found


def rate(session: Session, suggestion: Suggestion, *, actor: Actor, value: str,
         comment: str = "") -> Rating:
    """The child's one-tap rating closes it; 不满意 reopens it for the coordinator."""
    require(session, actor, suggestion, "author")
    _from(suggestion, Status.ANSWERED, doing=N_("评价"))
    if value not in {v.value for v in RatingValue}:
        raise ValueError(N_("请选一个：满意、基本满意或不满意。"))
    comment = (comment or "").strip()
    if len(comment) > 500:
        raise ValueError(N_("想说的话最多 500 个字。"))
    rating = Rating(suggestion_id=suggestion.id, value=RatingValue(value), comment=comment)
    session.add(rating)
    record(session, suggestion, action="rate", actor=actor, to_status=Status.CLOSED,
           note=comment)
    if value == RatingValue.UNSATISFIED:
        record(session, suggestion, action="reopen", actor=SYSTEM,
               to_status=Status.IN_REVIEW, note=N_("孩子对回复不满意：%(comment)s")
               % {"comment": comment or N_("没有写原因")})
    if comment:
        screen(session, text=comment, thread=rating_thread(session, suggestion),
               channel="rating", plan_id=suggestion.plan_id, group_id=suggestion.group_id,
               source="RT-" + suggestion.tracking_code[3:])
    return rating


def rating_thread(session: Session, suggestion: Suggestion) -> str:
    """A rating comment belongs to the suggestion's own case if it has one."""
    case = session.get(SafeguardingCase, suggestion.case_id) if suggestion.case_id else None
    return case.thread if case is not None else f"rating:{suggestion.tracking_code}"


def reopen(session: Session, suggestion: Suggestion, *, actor: Actor, reason: str) -> Event:
    """Back to the coordinator: the child says it is not solved, or the coordinator decides."""
    if not (allowed(session, actor, suggestion, "coordinate")
            or allowed(session, actor, suggestion, "author")):
        raise NotAllowed(N_("只有提建议的小朋友或妇儿工委办可以重新打开。"))
    _from(suggestion, Status.ANSWERED, Status.CLOSED, doing=N_("重新打开"))
    reason = _text(reason, limit=500, missing=N_("请说说为什么还没有解决。"))
    return record(session, suggestion, action="reopen", actor=actor,
                  to_status=Status.IN_REVIEW, note=reason)


def contest(session: Session, suggestion: Suggestion, *, actor: Actor, text: str) -> Event:
    """"他们说不归他们管，但是……": the child's word reaches the coordinator."""
    require(session, actor, suggestion, "author")
    if suggestion.status in (Status.ANSWERED, Status.CLOSED):
        return reopen(session, suggestion, actor=actor, reason=text)
    _from(suggestion, Status.RETURNED, doing=N_("补充说明"))
    text = _text(text, limit=500, missing=N_("请说说你的想法。"))
    return record(session, suggestion, action="contest", actor=actor, note=text)
