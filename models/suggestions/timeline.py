"""A suggestion's history told in plain words: for the child, and as a thread for staff."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, select

from models.i18n import N_
from models.people.tables import Account, Role
from models.plans.tables import Agency
from models.suggestions.lifecycle import history
from models.suggestions.plain_words import for_child
from models.suggestions.tables import (
    DUE_WEIGHT_LABELS,
    RATING_LABELS,
    Answer,
    Event,
    Rating,
    Suggestion,
)


@dataclass(frozen=True)
class Step:
    """One line of the child's timeline."""

    title: str
    when: datetime
    detail: str = ""
    kind: str = ""


def _agency_names(session: Session, events: list[Event]) -> dict[int, str]:
    """Staff account id → the agency they work for, for events by agency staff."""
    ids = {e.actor_id for e in events if e.actor_kind == Role.AGENCY_STAFF and e.actor_id}
    if not ids:
        return {}
    query = (select(Account.id, Agency.name).join(Agency, Agency.id == Account.agency_id)
             .where(Account.id.in_(ids)))
    return dict(session.exec(query).all())


def _who(event: Event, agencies: dict[int, str]) -> str:
    if event.actor_kind == Role.AGENCY_STAFF:
        return agencies.get(event.actor_id, N_("负责的部门"))
    return {"facilitator": N_("辅导员"), "coordinator": N_("妇儿工委办"), "system": N_("童声")}.get(
        event.actor_kind, N_("你"))


def _sent_to(note: str) -> str:
    return note.split("；", 1)[0] or N_("负责的部门")


def _child_step(event: Event, agencies: dict[int, str]) -> Step | None:
    """How one event reads to a child, in plain words; None for what only adults need.

    The platform's own labels are written plain already; what people wrote (a 退单 reason,
    an agency's note) is made plain by ``for_child``.
    """
    who, when = for_child(_who(event, agencies)), event.created_at
    note = for_child(event.shown_note)
    seen = N_("议事会看过了") if event.actor_kind == Role.FACILITATOR else N_("工作人员看过了")
    words = {
        "submit": (N_("收到了"), N_("你的建议已经收到啦。")),
        "approve": (seen, ""),
        "dispatch": (N_("送到了%(note)s") % {"note": _sent_to(note)},
                     N_("他们要在规定的时间里签收。")),
        "reroute": (N_("改送到了%(note)s") % {"note": _sent_to(note)},
                    N_("%(who)s决定交给这个部门来办。") % {"who": who}),
        "assign": (N_("为儿童办事的办公室选好了办理的部门"), N_("他们要在规定的时间里签收。")),
        "return_rejected": (N_("为儿童办事的办公室请部门接着办"), N_("这件事就该由他们来办。")),
        "follow_up": (N_("工作人员回访了"), N_("想听听你对回复的看法。")),
        "close_unrated": (N_("办完了"), N_("你还没有评价，工作人员回访以后把它办完了。"
                                        "想说什么随时告诉辅导员。")),
        "accept": (N_("%(who)s签收了") % {"who": who},
                   N_("他们收下了你的建议，开始算答复的时间。")),
        "start": (N_("他们在办"), note),
        "progress": (N_("他们在办"), note),
        "return": (N_("%(who)s说这件事不归他们管") % {"who": who},
                   N_("原因：%(note)s。为儿童办事的办公室正在找对的部门。") % {"note": note}),
        "contest": (N_("你补充了说明"), note),
        "ask_child": (N_("辅导员想问你一个问题"), note),
        "child_reply": (N_("你回答了"), note),
        "overdue": (N_("有点慢了"), N_("部门超过了时间，为儿童办事的办公室在催他们。")),
        "answer": (N_("回复你啦"), N_("快看看他们是怎么说的。")),
        "rate": (N_("你评价了"), note),
        "reopen": (N_("又交给为儿童办事的办公室看看"), note),
        "decline": (N_("这次没有送出去"), note),
        "merge": (N_("和相同的建议合在一起了"),
                  N_("一起办的建议编号：%(note)s") % {"note": note}),
        "consent_hold": (N_("等爸爸妈妈同意"), N_("监护人同意以后就会送出去。")),
        "guardian_ok": (N_("爸爸妈妈同意了"), N_("现在可以送到负责的部门了。")),
        "urge": (N_("为儿童办事的办公室催了催"), N_("请部门抓紧办你的建议。")),
        "supervise": (N_("为儿童办事的办公室在催着办"),
                      N_("部门超过了时间，为儿童办事的办公室正式要求他们尽快办好。")),
        "circulate": (N_("为儿童办事的办公室通报了"),
                      N_("部门一直没有办好，为儿童办事的办公室向上级通报了。")),
        "extension_approved": (N_("部门多要了一些时间"), _extension_words(note)),
        "extension_refused": (N_("部门想多要一些时间，没有同意"),
                              N_("为儿童办事的办公室请他们按原来的时间办好。")),
    }.get(event.action)
    if words is None:
        return None
    return Step(title=words[0], when=when, detail=words[1], kind=event.action)


def _extension_words(note: str) -> str:
    """The new date from an approval note, told plainly (the coordinator's reasons stay out)."""
    date = note.split("新的期限是 ", 1)[-1][:10] if "新的期限是 " in note else ""
    return (N_("为儿童办事的办公室同意了，新的期限是 %(date)s。")
            % {"date": date}) if date else N_("为儿童办事的办公室同意了。")


def child_timeline(session: Session, suggestion: Suggestion) -> list[Step]:
    """收到了 → 议事会看过了 → 送到了… → 他们在办 → 回复你啦, with the routing history.

    A merged suggestion goes on with the life of the one it joined, so its child sees the
    dispatch and the answer too.
    """
    events = history(session, suggestion.id)
    target = case_of(session, suggestion)
    if target.id != suggestion.id:
        merged_at = events[-1].created_at if events else suggestion.created_at
        events += [e for e in history(session, target.id)
                   if e.created_at >= merged_at and e.action not in ("submit", "merge_in")]
    agencies = _agency_names(session, events)
    return [step for e in events if (step := _child_step(e, agencies)) is not None]


def case_of(session: Session, suggestion: Suggestion) -> Suggestion:
    """The suggestion that carries the case on: itself, or the one it was merged into."""
    seen = {suggestion.id}
    while suggestion.merged_into_id and suggestion.merged_into_id not in seen:
        suggestion = session.get(Suggestion, suggestion.merged_into_id)
        seen.add(suggestion.id)
    return suggestion


def staff_thread(session: Session, suggestion: Suggestion) -> list[tuple[Event, str]]:
    """Every event with the agency or role behind it, for the adults' thread."""
    events = history(session, suggestion.id)
    agencies = _agency_names(session, events)
    return [(e, agencies.get(e.actor_id, "") if e.actor_kind == Role.AGENCY_STAFF else "")
            for e in events]


def child_objection(suggestion: Suggestion, events: list[Event]) -> Event | None:
    """Why the child sent it back (不满意, or "not theirs, but…"), while it waits for the office."""
    if suggestion.status not in ("in_review", "returned"):
        return None
    for event in reversed(events):
        if event.action == "contest" or (event.action == "reopen"
                                         and event.actor_kind in ("child", "code", "system")):
            return event
        if event.to_status != event.from_status:
            return None
    return None


def latest_answer(session: Session, suggestion: Suggestion) -> Answer | None:
    """The newest answer of the case, also for a suggestion that was merged into another."""
    query = (select(Answer).where(Answer.suggestion_id == case_of(session, suggestion).id)
             .order_by(Answer.id.desc()))
    return session.exec(query).first()


def latest_rating(session: Session, suggestion: Suggestion) -> Rating | None:
    query = (select(Rating).where(Rating.suggestion_id == suggestion.id)
             .order_by(Rating.id.desc()))
    return session.exec(query).first()


def answer_words(found: Answer) -> dict[str, str]:
    """The due-weight record in words, as the child and a report read it."""
    return {"due_weight": DUE_WEIGHT_LABELS[found.due_weight], "reason": found.reason,
            "next_step": found.next_step,
            "next_date": f"{found.next_date:%Y-%m-%d}" if found.next_date else ""}


RATING_WORDS = {str(k): v for k, v in RATING_LABELS.items()}

ACTION_LABELS = {
    "submit": N_("提交"), "approve": N_("审核通过"), "dispatch": N_("派单"),
    "reroute": N_("重新派单"), "accept": N_("签收"), "start": N_("开始办理"),
    "progress": N_("办理进展"), "comment": N_("留言"), "return": N_("退单"),
    "contest": N_("孩子补充说明"), "answer": N_("答复"), "rate": N_("孩子评价"),
    "reopen": N_("重新打开"), "decline": N_("未采纳"), "merge": N_("合并到"),
    "merge_in": N_("合并进来"), "overdue": N_("超期督办"), "on_time": N_("不再超期"),
    "attach": N_("上传附件"), "clarify": N_("改写说法"), "triage": N_("人工分类"),
    "urge": N_("催办"), "supervise": N_("督办"), "circulate": N_("通报"),
    "extension_request": N_("延期申请"), "extension_approved": N_("同意延期"),
    "extension_refused": N_("不同意延期"), "consent_hold": N_("等监护人同意"),
    "guardian_ok": N_("监护人同意了"), "assign": N_("指派部门"),
    "return_accepted": N_("同意退单"), "return_rejected": N_("退单被退回"),
    "follow_up": N_("回访"), "close_unrated": N_("回访后办结（孩子未评价）"),
    "ask_child": N_("问孩子"), "child_reply": N_("孩子回答"),
    "agency_asks": N_("部门想问孩子（等辅导员转达）"),
    "question_kept_back": N_("辅导员没有转给孩子"),
    "plain_override": N_("照原样发送（有公文用语）"),
    "plain_held": N_("答复等妇儿工委办放行"), "plain_rewrite": N_("妇儿工委办改写后发送"),
}
