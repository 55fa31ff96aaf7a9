"""The facilitator's review queue: approve, clarify, merge, link, decline — each an event."""

from __future__ import annotations

from sqlmodel import Session, select

from classifier.redact import redact
from models.councils import support
from models.i18n import N_
from models.people import consent
from models.people.tables import Account, Group
from models.refusals import Invalid
from models.suggestions import lifecycle
from models.suggestions.corrections import record_topic_choice
from models.suggestions.lifecycle import actor_for_account, record
from models.suggestions.permissions import require_action
from models.suggestions.status import Status
from models.suggestions.tables import Suggestion, merged_into  # noqa: F401

REVIEWABLE = (Status.SUBMITTED, Status.IN_REVIEW)

DECLINE_TEMPLATES = [
    N_("这件事童声暂时送不到负责的部门，我们会在议事会上再一起想办法。"),
    N_("这条建议和小组里另一条很像，我们把它们放在一起说了。"),
    N_("这条建议里有别人的名字或联系方式，为了保护大家，请换个说法再发一次吧。"),
    N_("这件事需要家里或学校的大人一起来解决，辅导员会和你聊一聊。"),
]
# Not clear yet? That is a question for the child, not a reason to decline (questions.py).

URGENT_STEPS = [
    N_("先确认孩子现在是否安全；如果有紧急危险，立即拨打 110。"),
    N_("当面或在建议的对话里告诉孩子：你说出来是对的，大人会帮你。不要追问细节，不要承诺保密。"),
    N_("拨打 12355 青少年服务台，或联系当地未成年人保护机构寻求专业帮助。"),
    N_("依照《未成年人保护法》的强制报告制度，发现侵害或疑似侵害，应立即向公安机关、民政或教育部"
       "门报告。"),
    N_("把你做了什么、告诉了谁、什么时候，写进这条建议的记录里。紧急建议不会公开。"),
]


# How the group's own steps read in the facilitator's history (the rest: timeline.ACTION_LABELS).
GROUP_ACTION_LABELS = {
    "council_voice": N_("以小组名义提出"), "consent_hold": N_("等监护人同意"),
    "guardian_ok": "监护人同意了", "link": N_("关联"),
    "withdraw": N_("作者离开，撤回"), "member_left": N_("作者离开，照常处理"),
}


class ModerationProblem(Invalid):
    """A moderation step that cannot be taken, with a reason staff can read."""


def group_suggestion(session: Session, group: Group, suggestion_id: int) -> Suggestion | None:
    """A suggestion of this group only; anything else is None (shown as 404)."""
    found = session.get(Suggestion, suggestion_id)
    return found if found is not None and found.group_id == group.id else None


def review_query(query):
    """What waits for review in a scoped query: urgent first, then oldest first."""
    return (query.where(Suggestion.status.in_([s.value for s in REVIEWABLE]))
            .order_by(Suggestion.urgent.desc(), Suggestion.created_at, Suggestion.id))


def review_queue(session: Session, groups: list[Group]) -> list[Suggestion]:
    """The whole queue of these groups (a few at a time: the page uses ``review_query``)."""
    ids = [group.id for group in groups]
    if not ids:
        return []
    return list(session.exec(review_query(select(Suggestion)
                                          .where(Suggestion.group_id.in_(ids)))))


def set_topic(session: Session, *, suggestion: Suggestion, topic: str, source: str) -> None:
    """A person chose the topic (see ``corrections.record_topic_choice``)."""
    record_topic_choice(session, suggestion, topic, source=source)


def approve(session: Session, *, suggestion: Suggestion, account: Account, notice_version: str,
            consent_age: int, topic: str = "") -> bool:
    """Approve for dispatch; True if sent now, False if it waits (for consent or triage)."""
    if suggestion.status not in REVIEWABLE:
        raise ModerationProblem(N_("这条建议已经处理过了。"))
    actor = actor_for_account(account)
    if topic:
        set_topic(session, suggestion=suggestion, topic=topic, source="facilitator")
    try:
        consent.check_dispatchable(session, suggestion, notice_version=notice_version,
                                   consent_age=consent_age)
    except consent.ConsentMissing:
        lifecycle.approve(session, suggestion, actor=actor, dispatch_now=False)
        consent.hold(session, suggestion, account)
        record(session, suggestion, action="consent_hold", actor=actor,
               note=N_("已通过审核，等监护人同意后自动送出。"))
        session.flush()
        return False
    consent.release(session, suggestion)
    lifecycle.approve(session, suggestion, actor=actor)
    session.flush()
    return suggestion.status == Status.DISPATCHED


def release_held(session: Session, *, member, account: Account, notice_version: str,
                 consent_age: int) -> list[Suggestion]:
    """Consent arrived: send on every suggestion of this child that was waiting for it."""
    sent = []
    for suggestion in consent.held_suggestions(session, member):
        if not consent.approved_while_held(session, suggestion):
            consent.release(session, suggestion)  # held when written: now it goes to review
        elif suggestion.status in REVIEWABLE:
            approve(session, suggestion=suggestion, account=account,
                    notice_version=notice_version, consent_age=consent_age)
            sent.append(suggestion)
    session.flush()
    return sent


def note_guardian_ok(session: Session, *, suggestion: Suggestion, account: Account,
                     given_by: str, method: str) -> bool:
    """A guardian of a child without an account said yes (to staff, by a way they name):
    the hold lifts; an item already approved is sent on. True if it was sent now."""
    given_by, method = (given_by or "").strip(), (method or "").strip()
    if suggestion.member_id is not None:
        raise ModerationProblem("有账号的孩子，请在小组成员页登记监护人同意。")
    if not consent.is_held(session, suggestion):
        raise ModerationProblem("这条建议没有在等监护人同意。")
    if not given_by or not method:
        raise ModerationProblem("请写明是谁同意的、用什么方式同意的。")
    approved = consent.approved_while_held(session, suggestion)
    consent.release(session, suggestion)
    actor = actor_for_account(account)
    record(session, suggestion, action="guardian_ok", actor=actor,
           note=f"监护人同意：{given_by[:40]}，{method[:40]}")
    if approved and suggestion.status in REVIEWABLE and suggestion.topic \
            and not suggestion.abstained:
        lifecycle.dispatch(session, suggestion, actor=actor)
    session.flush()
    return suggestion.status == Status.DISPATCHED


def clarify(session: Session, *, suggestion: Suggestion, text: str, account: Account) -> list[str]:
    """Reword for adults before sending; the child's own words stay stored beside it."""
    if suggestion.status not in REVIEWABLE:
        raise ModerationProblem(N_("建议送出后就不能再改写了。"))
    return _reword(session, suggestion, text, actor_for_account(account), "clarify")


def rewrite_for_agencies(session: Session, *, suggestion: Suggestion, text: str,
                         account: Account) -> list[str]:
    """The city rewords what agencies read, at any stage (no dead end for a muddled text)."""
    actor = actor_for_account(account)
    require_action(session, actor, suggestion, "rewrite_for_agencies")
    return _reword(session, suggestion, text, actor, "clarify")


def _reword(session: Session, suggestion: Suggestion, text: str, actor, action: str) -> list[str]:
    """Save the words agencies read, personal details masked first; return what was masked.

    Staff rewrite in good faith but may copy a name or a phone number from the child's
    message: agencies never see one, whoever typed it.
    """
    masked = redact((text or "").strip())
    if not masked.text:
        raise ModerationProblem(N_("请写下给部门看的说法。"))
    suggestion.clarified_text = masked.text[:4000]
    session.add(suggestion)
    record(session, suggestion, action=action, actor=actor,
           note=f"给大人看的说法：{masked.text[:3900]}")
    session.flush()
    return masked.found


def decline(session: Session, *, suggestion: Suggestion, reason: str, account: Account) -> None:
    """Not sent on, with a reason the child can read."""
    reason = reason.strip()
    if not reason:
        raise ModerationProblem("请选一个理由，或者自己写一个孩子能看懂的理由。")
    if suggestion.status not in (*REVIEWABLE, Status.WAITING_FOR_CHILD):
        raise ModerationProblem("这条建议已经处理过了。")
    consent.release(session, suggestion)
    lifecycle.decline(session, suggestion, actor=actor_for_account(account),
                      reason=reason[:2000])
    session.flush()


def merge(session: Session, *, target: Suggestion, duplicates: list[Suggestion],
          account: Account) -> int:
    """Fold duplicates into one: supports add up and every author hears the answer."""
    if target.status not in (*REVIEWABLE, Status.DISPATCHED, Status.ACCEPTED,
                             Status.IN_PROGRESS):
        raise ModerationProblem(N_("只能合并到还在办理中的建议。"))
    duplicates = [item for item in duplicates if item.id != target.id]
    if not duplicates:
        raise ModerationProblem(N_("请至少选一条要合并的建议。"))
    if any(item.status not in REVIEWABLE or item.plan_id != target.plan_id
           for item in duplicates):
        raise ModerationProblem(N_("有的建议已经送出或不在同一个城市，不能合并。"))
    actor = actor_for_account(account)
    for item in duplicates:
        consent.release(session, item)
        support.carry_over(session, source=item, target=target)
        lifecycle.merge(session, item, actor=actor, into=target)
    session.flush()
    return support.count(session, target)


def link(session: Session, *, first: Suggestion, second: Suggestion, account: Account) -> None:
    """Note that two suggestions are about the same thing, without folding them."""
    if first.id == second.id:
        raise ModerationProblem(N_("不能和自己关联。"))
    actor = actor_for_account(account)
    record(session, first, action="link", actor=actor, note=f"相关建议：{second.tracking_code}")
    record(session, second, action="link", actor=actor, note=f"相关建议：{first.tracking_code}")
    session.flush()


def children_to_tell(session: Session, suggestion: Suggestion) -> set[int]:
    """Every child whose words are in this case: the author and the authors of merged ones."""
    members = {suggestion.member_id} if suggestion.member_id else set()
    for item in merged_into(session, suggestion):
        members |= children_to_tell(session, item)
    return members
