"""The life of a suggestion as data: statuses, allowed moves, the actions people take
(from which statuses, by whom), and words for children.

``ACTIONS`` is written once here and used by the domain (``check_action``), by
``permissions.available_actions`` and, through it, by the views and templates that show
a button only when its action is allowed.
"""

from dataclasses import dataclass
from enum import StrEnum

from models.i18n import N_
from models.refusals import Conflict


class Status(StrEnum):
    SUBMITTED = "submitted"
    IN_REVIEW = "in_review"
    DISPATCHED = "dispatched"
    ACCEPTED = "accepted"
    IN_PROGRESS = "in_progress"
    ANSWERED = "answered"
    CLOSED = "closed"
    RETURNED = "returned"
    MERGED = "merged"
    DECLINED = "declined"
    # The facilitator asked the child a question back; the child's answer returns it to review.
    WAITING_FOR_CHILD = "waiting_for_child"


TRANSITIONS: dict[Status, frozenset[Status]] = {
    Status.SUBMITTED: frozenset({Status.IN_REVIEW, Status.DECLINED, Status.MERGED,
                                 Status.WAITING_FOR_CHILD}),
    Status.IN_REVIEW: frozenset({Status.DISPATCHED, Status.MERGED, Status.DECLINED,
                                 Status.WAITING_FOR_CHILD}),
    # The child answers (back to review), or the facilitator stops waiting and decides.
    Status.WAITING_FOR_CHILD: frozenset({Status.IN_REVIEW, Status.DECLINED}),
    Status.DISPATCHED: frozenset({Status.ACCEPTED, Status.RETURNED}),
    Status.RETURNED: frozenset({Status.DISPATCHED, Status.DECLINED}),
    Status.ACCEPTED: frozenset({Status.IN_PROGRESS, Status.ANSWERED}),
    Status.IN_PROGRESS: frozenset({Status.ANSWERED}),
    # An unsatisfied rating reopens the item for the coordinator.
    Status.ANSWERED: frozenset({Status.CLOSED, Status.IN_REVIEW}),
    Status.CLOSED: frozenset({Status.IN_REVIEW}),
    Status.MERGED: frozenset(),
    Status.DECLINED: frozenset(),
}

FINAL: frozenset[Status] = frozenset({Status.MERGED, Status.DECLINED})
OPEN: frozenset[Status] = frozenset(Status) - FINAL - {Status.CLOSED}

CHILD_LABELS: dict[Status, str] = {
    Status.SUBMITTED: N_("收到了"),
    Status.IN_REVIEW: N_("议事会在看"),
    Status.DISPATCHED: N_("送到了负责的部门"),
    Status.ACCEPTED: N_("部门收下了"),
    Status.IN_PROGRESS: N_("他们在办"),
    Status.ANSWERED: N_("回复你啦"),
    Status.CLOSED: N_("办完啦"),
    Status.RETURNED: N_("正在找对的部门"),
    Status.MERGED: N_("和相同的建议合在一起了"),
    Status.DECLINED: N_("这次没有送出去"),
    Status.WAITING_FOR_CHILD: N_("等你回答一个问题"),
}

STAFF_LABELS: dict[Status, str] = {
    Status.SUBMITTED: N_("已提交"),
    Status.IN_REVIEW: N_("审核中"),
    Status.DISPATCHED: N_("已派单"),
    Status.ACCEPTED: N_("已签收"),
    Status.IN_PROGRESS: N_("办理中"),
    Status.ANSWERED: N_("已答复"),
    Status.CLOSED: N_("已办结"),
    Status.RETURNED: N_("已退单"),
    Status.MERGED: N_("已合并"),
    Status.DECLINED: N_("未采纳"),
    Status.WAITING_FOR_CHILD: N_("等孩子回答"),
}


class InvalidTransition(Conflict):
    """A move the status machine does not allow."""


def check_move(current: Status, target: Status) -> None:
    """Refuse a move that the life of a suggestion does not allow."""
    if target not in TRANSITIONS[current]:
        raise InvalidTransition(f"cannot move a suggestion from {current} to {target}")


@dataclass(frozen=True)
class Action:
    """Something a person does to a suggestion: from which statuses, and who may.

    ``who`` names capabilities of ``permissions.CHECKS`` (any one suffices); ``who_when``
    replaces them in a given status (a 退单 item is the coordinator's, not the group's).
    """

    name: str
    doing: str
    statuses: frozenset[Status]
    who: tuple[str, ...]
    who_when: tuple[tuple[Status, tuple[str, ...]], ...] = ()

    def capabilities(self, status: Status) -> tuple[str, ...]:
        return dict(self.who_when).get(Status(status), self.who)


_REVIEW = frozenset({Status.SUBMITTED, Status.IN_REVIEW})
_IN_HAND = frozenset({Status.ACCEPTED, Status.IN_PROGRESS})
_WITH_AGENCY = frozenset({Status.DISPATCHED}) | _IN_HAND
_HANDLED_BY_CITY = frozenset({Status.IN_REVIEW, Status.RETURNED, Status.DISPATCHED}) | _IN_HAND
_RETURNED_IS_THE_CITYS = ((Status.RETURNED, ("coordinate",)),)

ACTIONS: dict[str, Action] = {action.name: action for action in (
    Action("send_to_review", "送审", frozenset({Status.SUBMITTED}), ("moderate",)),
    Action("approve", "通过审核", _REVIEW, ("moderate",)),
    Action("decline", "不采纳", _REVIEW | {Status.RETURNED, Status.WAITING_FOR_CHILD},
           ("moderate",),
           _RETURNED_IS_THE_CITYS),
    Action("merge", "合并", _REVIEW, ("moderate",)),
    Action("dispatch", "派单", frozenset({Status.IN_REVIEW, Status.RETURNED}), ("moderate",),
           _RETURNED_IS_THE_CITYS),
    Action("reroute", "重新派单", frozenset({Status.RETURNED, Status.IN_REVIEW}),
           ("coordinate",)),
    # With two leads, each signs or returns for itself: the second may still do so while
    # the first already holds the item (``handling.accept``).
    # 派单 by a person (``dispatching``): choose the agencies, or send a 退单 back to one.
    Action("assign", "指派部门", _HANDLED_BY_CITY, ("coordinate",)),
    # 回访 an answered item, and 办结 it when the child never rates (``follow_up``).
    Action("follow_up", "回访", frozenset({Status.ANSWERED}), ("coordinate",)),
    Action("close_unrated", "办结", frozenset({Status.ANSWERED}), ("coordinate",)),
    Action("accept", "签收", frozenset({Status.DISPATCHED}) | _IN_HAND, ("lead",)),
    Action("start_progress", "开始办理", frozenset({Status.ACCEPTED}), ("lead",)),
    Action("comment", "留言", _IN_HAND | {Status.DISPATCHED, Status.ANSWERED},
           ("assigned", "coordinate")),
    Action("return", "退单（签收以后就不能退了）", frozenset({Status.DISPATCHED}) | _IN_HAND,
           ("lead",)),
    Action("answer", "答复", _IN_HAND, ("lead",)),
    # An answer held for its official words (``held_answers``): only the city office lets it
    # through, as written or rewritten.
    Action("release_answer", "放行答复", _IN_HAND, ("coordinate",)),
    Action("rate", "评价", frozenset({Status.ANSWERED}), ("author",)),
    Action("reopen", "重新打开", frozenset({Status.ANSWERED, Status.CLOSED}),
           ("coordinate", "author")),
    Action("contest", "补充说明", frozenset({Status.RETURNED}), ("author",)),
    Action("withdraw", "撤回", _REVIEW, ("author", "moderate")),
    # 问一问孩子 (``questions``): the facilitator asks, the child who wrote it answers.
    Action("ask_child", "问孩子", _REVIEW, ("moderate",)),
    # The agency asks too, but only through the facilitator (or the city office for a child
    # of no group), who passes the question on in a child's words or keeps it back; the item
    # stays with the agency meanwhile.
    Action("agency_asks", "请辅导员问孩子", _WITH_AGENCY, ("assigned",)),
    Action("relay_question", "把部门的问题转给孩子", _WITH_AGENCY, ("moderate",)),
    Action("child_reply", "回答问题", frozenset({Status.WAITING_FOR_CHILD}) | _WITH_AGENCY,
           ("author",)),
    # The words agencies read: the group's before sending, the city's at any stage after.
    Action("clarify", "改写给部门看的说法", _REVIEW, ("moderate",)),
    Action("rewrite_for_agencies", "改写给部门看的说法", frozenset(Status) - {Status.MERGED},
           ("coordinate",)),
)}


def check_action(status: Status, name: str) -> None:
    """Refuse, in plain words, an action the current status does not allow."""
    if Status(status) not in ACTIONS[name].statuses:
        raise InvalidTransition(f"这条建议现在是「{STAFF_LABELS[Status(status)]}」，"
                                f"不能{ACTIONS[name].doing}。")
