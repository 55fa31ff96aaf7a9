"""After moderation: dispatch, 签收, 退单 and re-routing, progress, the answer, the child's rating.

Every function checks who acts and from which status, then writes through ``record``.
"""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, select

from models.common import utcnow
from models.i18n import N_
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
from models.suggestions.status import InvalidTransition, Status, check_action
from models.suggestions.tables import (
    AgencyRole,
    Answer,
    Assignment,
    DueWeight,
    Event,
    Rating,
    RatingValue,
    ReturnReview,
    ReviewState,
    Suggestion,
)

RETURN_REASONS = (N_("职能不符"), N_("属地不符"), N_("权属不清"), N_("职能交叉"))
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
        raise ConsentMissing(N_("这位小朋友的监护人还没有同意，暂时不能派单。"
                             "请先请辅导员登记监护人同意，再来派单。")) from missing


def _text(value: str, *, limit: int, missing: str) -> str:
    value = (value or "").strip()
    if not value:
        raise Invalid(missing)
    if len(value) > limit:
        raise Invalid(f"最多 {limit} 个字，现在是 {len(value)} 个字。")
    return value


def check_sendable(session: Session, suggestion: Suggestion) -> None:
    """Nothing held for safeguarding or consent, and nothing personal, leaves for an agency."""
    check_not_held(session, suggestion)
    _check_consent(session, suggestion)
    check_forwardable(suggestion)


def settle_returns(session: Session, suggestion: Suggestion, actor: Actor, answer: str) -> None:
    """The coordinator re-routed the item: every 退单 still waiting for review is accepted."""
    for review in pending_returns(session, suggestion.id):
        decide_return(review, actor, ReviewState.ACCEPTED, answer)


def pending_returns(session: Session, suggestion_id: int) -> list[ReturnReview]:
    query = select(ReturnReview).where(ReturnReview.suggestion_id == suggestion_id,
                                       ReturnReview.state == ReviewState.PENDING.value)
    return list(session.exec(query.order_by(ReturnReview.id)))


def decide_return(review: ReturnReview, actor: Actor, state: ReviewState, answer: str) -> None:
    review.state, review.answer = state, answer[:NOTE_LIMIT]
    review.decided_by_id, review.decided_by, review.decided_at = actor.id, actor.name, utcnow()


def _send(session: Session, suggestion: Suggestion, actor: Actor, action: str,
          note: str = "") -> Event:
    """Assign the route's agencies, start the clocks and record the move to dispatched."""
    if not suggestion.topic:
        raise Invalid("请先选一个主题，才能知道送到哪个部门。")
    check_sendable(session, suggestion)
    settle_returns(session, suggestion, actor, "按主题改派")
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


def own_assignment(session: Session, suggestion: Suggestion, actor: Actor) -> Assignment | None:
    """The actor's agency's current place on the suggestion, if it holds one."""
    if actor.agency_id is None:
        return None
    return session.exec(select(Assignment).where(
        Assignment.suggestion_id == suggestion.id, Assignment.agency_id == actor.agency_id,
        Assignment.is_current)).first()


def may_sign(session: Session, suggestion: Suggestion, actor: Actor) -> bool:
    """A lead that has not signed yet, while the item is still being handled."""
    own = own_assignment(session, suggestion, actor)
    return (own is not None and own.role == AgencyRole.LEAD and own.signed_at is None
            and Status(suggestion.status) in (Status.DISPATCHED, *IN_HAND))


def _unsigned_lead(session: Session, suggestion: Suggestion, actor: Actor,
                   action: str) -> Assignment:
    require_action(session, actor, suggestion, action)
    own = own_assignment(session, suggestion, actor)
    if own.signed_at is not None:
        raise InvalidTransition("本部门已签收过这条建议了。" if action == "accept" else
                                "本部门已签收这条建议，签收以后就不能退了。")
    return own


def accept(session: Session, suggestion: Suggestion, *, actor: Actor) -> Event:
    """A lead agency signs for itself (签收); the first signature starts the answer clock.

    With two leads each signs on its own: one lead's 签收 never signs for the other.
    """
    own = _unsigned_lead(session, suggestion, actor, "accept")
    own.signed_at = utcnow()
    session.add(own)
    if suggestion.status != Status.DISPATCHED:
        return record(session, suggestion, action="accept", actor=actor)
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
    text = _text(text, limit=NOTE_LIMIT, missing=N_("请写下进展或意见。"))
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
    """退单 by one lead, for itself: not ours, with a reason the coordinator reviews.

    Only the returning agency leaves the item; while another lead still holds it, the item
    goes on. When no lead is left, it goes back to the coordinator to re-route.
    """
    own = _unsigned_lead(session, suggestion, actor, "return")
    if category not in RETURN_REASONS:
        raise Invalid("请选择退单原因：" + "、".join(RETURN_REASONS) + "。")
    text = _text(text, limit=NOTE_LIMIT, missing=N_("请写明退单的理由，最好说应该由哪个部门办。"))
    own.is_current = False
    session.add(own)
    session.add(ReturnReview(suggestion_id=suggestion.id, agency_id=own.agency_id,
                             category=category, reason=text))
    note = f"{category}：{text}"
    others = [a for a in current_assignments(session, suggestion)
              if a.role == AgencyRole.LEAD and a.id != own.id]
    if others:
        return record(session, suggestion, action="return", actor=actor, note=note)
    for assignment in current_assignments(session, suggestion):
        assignment.is_current = False
        session.add(assignment)
    suggestion.sign_due = suggestion.answer_due = None
    suggestion.overdue = False
    return record(session, suggestion, action="return", actor=actor,
                  to_status=Status.RETURNED, note=note)


def answer(session: Session, suggestion: Suggestion, *, actor: Actor, child_text: str,
           due_weight: str, formal_text: str = "", reason: str = "", next_step: str = "",
           next_date: datetime | None = None) -> Answer:
    """The lead agency answers: words for the child, and how much the children's view counted."""
    require_action(session, actor, suggestion, "answer")
    child_text = _text(child_text, limit=CHILD_TEXT_LIMIT,
                       missing=N_("请写一段给孩子看的回复，用孩子能看懂的话。"))
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
    case = screen_child_words(session, suggestion, comment, channel="rating")
    rating = Rating(suggestion_id=suggestion.id, value=RatingValue(value),
                    comment=HELD_NOTE if case else comment)
    session.add(rating)
    note = HELD_NOTE if case else comment
    record(session, suggestion, action="rate", actor=actor, to_status=Status.CLOSED, note=note)
    if value == RatingValue.UNSATISFIED:
        record(session, suggestion, action="reopen", actor=SYSTEM,
               to_status=Status.IN_REVIEW, note=N_("孩子对回复不满意：%(comment)s")
               % {"comment": note or N_("没有写原因")})
    return rating


# What the staff timeline says where a child's words went to the safeguarding lead instead.
HELD_NOTE = "孩子写的话已经交给安全负责人"

# The prefix of the case's source code, by where the child wrote: 评价, 补充说明, 重新打开,
# 回答问题.
_SOURCES = {"rating": "RT", "contest": "CT", "reopen": "RO", "question": "QA"}


def screen_child_words(session: Session, suggestion: Suggestion, text: str, *,
                       channel: str) -> SafeguardingCase | None:
    """A child's later words about their own suggestion go through the safeguarding screen.

    They join the suggestion's open case, or open one when they may mean the child is in
    danger; either way the suggestion is then held (``Suggestion.case_id``): nothing of it is
    dispatched, published or shown in a city-wide list until the lead decides, and the words
    live in the case, not in the timeline other adults read.
    """
    from models.common import new_code

    if not (text or "").strip():
        return None
    source = f"{_SOURCES[channel]}-{new_code(8)}"
    case = screen(session, text=text, thread=rating_thread(session, suggestion),
                  channel=channel, plan_id=suggestion.plan_id, group_id=suggestion.group_id,
                  source=source)
    if case is not None and suggestion.case_id is None:
        suggestion.case_id = case.id
        session.add(suggestion)
    return case


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
    reason = _text(reason, limit=500, missing=N_("请说说为什么还没有解决。"))
    if actor.kind in ("child", "code"):
        reason = HELD_NOTE if screen_child_words(session, suggestion, reason,
                                                 channel="reopen") else reason
    return record(session, suggestion, action="reopen", actor=actor,
                  to_status=Status.IN_REVIEW, note=reason)


def contest(session: Session, suggestion: Suggestion, *, actor: Actor, text: str) -> Event:
    """"他们说不归他们管，但是……": the child's word reaches the coordinator."""
    require(session, actor, suggestion, "author")
    if suggestion.status in (Status.ANSWERED, Status.CLOSED):
        return reopen(session, suggestion, actor=actor, reason=text)
    check_action(suggestion.status, "contest")
    text = _text(text, limit=500, missing=N_("请说说你的想法。"))
    if screen_child_words(session, suggestion, text, channel="contest"):
        text = HELD_NOTE
    return record(session, suggestion, action="contest", actor=actor, note=text)
