"""The life of a suggestion as data: statuses, allowed moves, and words for children."""

from enum import StrEnum

from models.i18n import N_


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


TRANSITIONS: dict[Status, frozenset[Status]] = {
    Status.SUBMITTED: frozenset({Status.IN_REVIEW, Status.DECLINED, Status.MERGED}),
    Status.IN_REVIEW: frozenset({Status.DISPATCHED, Status.MERGED, Status.DECLINED}),
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
}


class InvalidTransition(ValueError):
    """A move the status machine does not allow."""


def check_move(current: Status, target: Status) -> None:
    """Refuse a move that the life of a suggestion does not allow."""
    if target not in TRANSITIONS[current]:
        raise InvalidTransition(f"cannot move a suggestion from {current} to {target}")
