"""The life of a suggestion as data: statuses, allowed moves, and words for children."""

from enum import StrEnum


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
    Status.SUBMITTED: "收到了",
    Status.IN_REVIEW: "议事会在看",
    Status.DISPATCHED: "送到了负责的部门",
    Status.ACCEPTED: "部门收下了",
    Status.IN_PROGRESS: "他们在办",
    Status.ANSWERED: "回复你啦",
    Status.CLOSED: "办完啦",
    Status.RETURNED: "正在找对的部门",
    Status.MERGED: "和相同的建议合在一起了",
    Status.DECLINED: "这次没有送出去",
    Status.WAITING_FOR_CHILD: "等你回答一个问题",
}

STAFF_LABELS: dict[Status, str] = {
    Status.SUBMITTED: "已提交",
    Status.IN_REVIEW: "审核中",
    Status.DISPATCHED: "已派单",
    Status.ACCEPTED: "已签收",
    Status.IN_PROGRESS: "办理中",
    Status.ANSWERED: "已答复",
    Status.CLOSED: "已办结",
    Status.RETURNED: "已退单",
    Status.MERGED: "已合并",
    Status.DECLINED: "未采纳",
    Status.WAITING_FOR_CHILD: "等孩子回答",
}


class InvalidTransition(ValueError):
    """A move the status machine does not allow."""


def check_move(current: Status, target: Status) -> None:
    """Refuse a move that the life of a suggestion does not allow."""
    if target not in TRANSITIONS[current]:
        raise InvalidTransition(f"cannot move a suggestion from {current} to {target}")
