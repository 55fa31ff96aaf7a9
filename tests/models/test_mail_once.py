"""Staff e-mail is sent once even when two workers deliver at the same moment (issue 12):
a message another worker has claimed is skipped, and a sent one is never sent again."""

from __future__ import annotations

import pytest
from sqlmodel import Session, select, update

from models.common import utcnow
from models.notices import notifications
from models.notices.notifications import Notification
from tests.flow import account


class Outbox:
    def __init__(self):
        self.sent: list[str] = []

    def send(self, to: str, subject: str, body: str) -> None:
        self.sent.append(f"{to} {body}")


def _about(outbox: Outbox) -> int:
    """Messages to agency1 about the test's item."""
    return sum(m.startswith("agency1@") and "TS-ONCE23" in m for m in outbox.sent)


@pytest.fixture
def waiting(session) -> Notification:
    """One message waiting (the demo city's earlier ones count as sent)."""
    session.execute(update(Notification).where(Notification.emailed_at.is_(None))
                    .values(emailed_at=utcnow()))
    row = Notification(account_id=account(session, "agency1").id, kind="new_item",
                       message="新派单 TS-ONCE23：请在期限内签收。", wants_email=True)
    session.add(row)
    session.commit()
    return row


def test_a_message_another_worker_is_sending_is_skipped(app, session, waiting):
    if not app.config["DATABASE_URL"].startswith("postgresql"):
        pytest.skip("row locks: PostgreSQL (SQLite has one writer and one worker)")
    first, second = Outbox(), Outbox()
    with Session(app.extensions["engine"]) as other_worker:
        claimed = other_worker.exec(notifications._next_pending()).first()
        assert claimed is not None and claimed[0].id == waiting.id
        assert notifications.deliver_pending(session, second) == 0, "claimed: not sent twice"
        notifications.deliver_pending(other_worker, first)
    assert _about(first) == 1 and _about(second) == 0


def test_a_sent_message_is_not_sent_again(session, waiting):
    outbox = Outbox()
    assert notifications.deliver_pending(session, outbox) == 1
    assert notifications.deliver_pending(session, outbox) == 0
    assert _about(outbox) == 1
    session.refresh(waiting)
    assert waiting.emailed_at is not None
    assert session.exec(select(Notification).where(Notification.emailed_at.is_(None),
                                                   Notification.wants_email)).all() == []
