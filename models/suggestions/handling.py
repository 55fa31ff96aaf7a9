"""After moderation: dispatch, 签收, 退单 and re-routing, progress, the answer, the child's rating.

Every function checks who acts and from which status, then writes through ``record``.
"""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session

from models.common import utcnow
from models.people.consent import ConsentMissing, check_dispatchable
from models.privacy.personal_data import check_forwardable
from models.refusals import Invalid
from models.safety.safeguarding import SafeguardingCase, check_not_held, screen
from models.settings import ConsentRule, settings_of
from models.suggestions.corrections import record_topic_choice
from models.suggestions.deadlines import set_answer_deadline, set_dispatch_deadlines
from models.suggestions.events import SYSTEM, record
from models.suggestions.permissions import Actor, NotAllowed, allowed, require, require_action
from models.suggestions.routing import assign_route, current_assignments, route_for
from models.suggestions.status import Status, check_action
from models.suggestions.tables import (
    Answer,
    DueWeight,
    Event,
    Rating,
    RatingValue,
    Suggestion,
)

RETURN_REASONS = ("职能不符", "属地不符", "权属不清", "职能交叉")
CHILD_TEXT_LIMIT = 300
NOTE_LIMIT = 2000
IN_HAND = (Status.ACCEPTED, Status.IN_PROGRESS)


def consent_rule(session: Session | None = None) -> ConsentRule:
    """The consent rule of the site this session belongs to (see ``models.settings``)."""
    return settings_of(session).consent


def _check_consent(session: Session, suggestion: Suggestion) -> None:
    """No young child's words reach an agency before a guardian has agreed."""
    rule = consent_rule(session)
    try:
        check_dispatchable(session, suggestion, notice_version=rule.notice_version,
                           consent_age=rule.consent_age)
    except ConsentMissing as missing:
        raise ConsentMissing("这位小朋友的监护人还没有同意，暂时不能派单。"
                             "请先请辅导员登记监护人同意，再来派单。") from missing


def _text(value: str, *, limit: int, missing: str) -> str:
    value = (value or "").strip()
    if not value:
        raise Invalid(missing)
    if len(value) > limit:
        raise Invalid(f"最多 {limit} 个字，现在是 {len(value)} 个字。")
    return value


def _send(session: Session, suggestion: Suggestion, actor: Actor, action: str,
          note: str = "") -> Event:
    """Assign the route's agencies, start the clocks and record the move to dispatched."""
    if not suggestion.topic:
        raise Invalid("请先选一个主题，才能知道送到哪个部门。")
    check_not_held(session, suggestion)
    _check_consent(session, suggestion)
    check_forwardable(suggestion)
    route = route_for(suggestion)
    assign_route(session, suggestion, route)
    set_dispatch_deadlines(suggestion, utcnow(), settings_of(session).holidays)
    leads = "、".join(route.lead_agencies)
    return record(session, suggestion, action=action, actor=actor,
                  to_status=Status.DISPATCHED, note=f"{leads}{'；' + note if note else ''}")


def dispatch(session: Session, suggestion: Suggestion, *, actor: Actor) -> Event:
    """Send an approved suggestion to the lead agencies its route names."""
    require_action(session, actor, suggestion, "dispatch")
    return _send(session, suggestion, actor, "dispatch")


def reroute(session: Session, suggestion: Suggestion, *, actor: Actor, topic: str,
            note: str = "") -> Event:
    """The coordinator picks the right topic after a 退单 or a reopening, and sends it again."""
    require_action(session, actor, suggestion, "reroute")
    record_topic_choice(session, suggestion, topic, source="reroute")
    return _send(session, suggestion, actor, "reroute", note.strip())


def accept(session: Session, suggestion: Suggestion, *, actor: Actor) -> Event:
    """The lead agency signs for it (签收); the answer clock starts now."""
    require_action(session, actor, suggestion, "accept")
    set_answer_deadline(suggestion, utcnow(), settings_of(session).holidays)
    return record(session, suggestion, action="accept", actor=actor, to_status=Status.ACCEPTED)


def start_progress(session: Session, suggestion: Suggestion, *, actor: Actor,
                   note: str = "") -> Event:
    """The agency is working on it (他们在办)."""
    require_action(session, actor, suggestion, "start_progress")
    return record(session, suggestion, action="start", actor=actor,
                  to_status=Status.IN_PROGRESS, note=note.strip()[:NOTE_LIMIT])


def add_note(session: Session, suggestion: Suggestion, *, actor: Actor, text: str) -> Event:
    """A progress note from the lead agency, or a comment from a partner or the coordinator."""
    text = _text(text, limit=NOTE_LIMIT, missing="请写下进展或意见。")
    if allowed(session, actor, suggestion, "lead") and suggestion.status in IN_HAND:
        if suggestion.status == Status.ACCEPTED:
            return start_progress(session, suggestion, actor=actor, note=text)
        return record(session, suggestion, action="progress", actor=actor, note=text)
    if not (allowed(session, actor, suggestion, "assigned")
            or allowed(session, actor, suggestion, "coordinate")):
        raise NotAllowed("只有收到这条建议的部门或妇儿工委办可以留言。")
    check_action(suggestion.status, "comment")
    return record(session, suggestion, action="comment", actor=actor, note=text)


def return_(session: Session, suggestion: Suggestion, *, actor: Actor, category: str,
            text: str) -> Event:
    """退单: not ours, with a reason; it goes back to the coordinator to re-route."""
    require_action(session, actor, suggestion, "return")
    if category not in RETURN_REASONS:
        raise Invalid("请选择退单原因：" + "、".join(RETURN_REASONS) + "。")
    text = _text(text, limit=NOTE_LIMIT, missing="请写明退单的理由，最好说应该由哪个部门办。")
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
    require_action(session, actor, suggestion, "answer")
    child_text = _text(child_text, limit=CHILD_TEXT_LIMIT,
                       missing="请写一段给孩子看的回复，用孩子能看懂的话。")
    if due_weight not in {w.value for w in DueWeight}:
        raise Invalid("请选择对孩子意见的采纳情况。")
    if due_weight in (DueWeight.PARTLY, DueWeight.NOT_ADOPTED) and not reason.strip():
        raise Invalid("部分采纳或暂不采纳时，请写明原因。")
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
    require_action(session, actor, suggestion, "rate")
    if value not in {v.value for v in RatingValue}:
        raise Invalid("请选一个：满意、基本满意或不满意。")
    comment = (comment or "").strip()
    if len(comment) > 500:
        raise Invalid("想说的话最多 500 个字。")
    rating = Rating(suggestion_id=suggestion.id, value=RatingValue(value), comment=comment)
    session.add(rating)
    record(session, suggestion, action="rate", actor=actor, to_status=Status.CLOSED,
           note=comment)
    if value == RatingValue.UNSATISFIED:
        record(session, suggestion, action="reopen", actor=SYSTEM,
               to_status=Status.IN_REVIEW, note="孩子对回复不满意：" + (comment or "没有写原因"))
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
        raise NotAllowed("只有提建议的小朋友或妇儿工委办可以重新打开。")
    check_action(suggestion.status, "reopen")
    reason = _text(reason, limit=500, missing="请说说为什么还没有解决。")
    return record(session, suggestion, action="reopen", actor=actor,
                  to_status=Status.IN_REVIEW, note=reason)


def contest(session: Session, suggestion: Suggestion, *, actor: Actor, text: str) -> Event:
    """"他们说不归他们管，但是……": the child's word reaches the coordinator."""
    require(session, actor, suggestion, "author")
    if suggestion.status in (Status.ANSWERED, Status.CLOSED):
        return reopen(session, suggestion, actor=actor, reason=text)
    check_action(suggestion.status, "contest")
    text = _text(text, limit=500, missing="请说说你的想法。")
    return record(session, suggestion, action="contest", actor=actor, note=text)
