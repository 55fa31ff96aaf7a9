"""Helpers that build suggestions and walk them through their life in tests."""

from __future__ import annotations

import uuid

from sqlmodel import Session, select

from models.people.tables import Account, Group, Member
from models.suggestions import lifecycle
from models.suggestions.lifecycle import Classification, Draft, actor_for_account, actor_for_member


def account(session: Session, username: str) -> Account:
    return session.exec(select(Account).where(Account.username == username)).one()


def actor(session: Session, username: str):
    return actor_for_account(account(session, username))


def member(session: Session, nickname: str = "小明") -> Member:
    return session.exec(select(Member).where(Member.nickname == nickname)).first()


def child(session: Session, nickname: str = "小明"):
    return actor_for_member(member(session, nickname))


def council(session: Session) -> Group:
    return session.exec(select(Group).where(Group.invite_code == "HYKIDS")).one()


def observers(session: Session) -> Group:
    """The demo city's observer group (children who visit and rate places)."""
    return session.exec(select(Group).where(Group.invite_code == "HYLOOK")).one()


def new_suggestion(session: Session, *, topic: str | None = "schooling",
                   text: str = "学校的午饭太少了，希望多一点。", urgent: bool = False,
                   nickname: str = "小明"):
    """A fresh submitted suggestion by a demo child of the council."""
    kid = member(session, nickname)
    draft = Draft(plan_id="hengyang", text=text, group_id=council(session).id,
                  member_id=kid.id, idempotency_key=uuid.uuid4().hex)
    found = Classification(redacted_text=text, topic=topic, confidence=0.9 if topic else 0.2,
                           abstained=topic is None, urgent=urgent, model_version="test")
    suggestion = lifecycle.submit(session, draft, found, actor_for_member(kid))
    session.commit()
    return suggestion


def dispatched(session: Session, topic: str = "schooling"):
    suggestion = new_suggestion(session, topic=topic)
    lifecycle.approve(session, suggestion, actor=actor(session, "facilitator"))
    session.commit()
    return suggestion


def returned(session: Session, category: str = "属地不符", text: str = "不在本区"):
    """A dispatched suggestion the agency sent back (退单): the child may say 但是……."""
    suggestion = dispatched(session)
    lifecycle.return_(session, suggestion, actor=actor(session, "agency1"), category=category,
                      text=text)
    session.commit()
    return suggestion


def accepted(session: Session):
    suggestion = dispatched(session)
    lifecycle.accept(session, suggestion, actor=actor(session, "agency1"))
    session.commit()
    return suggestion


def answered(session: Session):
    suggestion = accepted(session)
    lifecycle.answer(session, suggestion, actor=actor(session, "agency1"),
                     child_text="谢谢你！我们下学期会给每个班多加一份菜。", due_weight="adopted")
    session.commit()
    return suggestion


def publishable(session: Session, text: str, *, urgent: bool = False):
    """A fresh suggestion whose author said it may be public."""
    item = new_suggestion(session, text=text, urgent=urgent)
    item.consent_to_publish = True
    session.add(item)
    session.commit()
    return item


def answer_it(session: Session, item, words: str = "谢谢你，我们下学期就改。"):
    """Approve, sign for and answer a schooling suggestion as the demo's 市教育局 (agency1)."""
    lifecycle.approve(session, item, actor=actor(session, "facilitator"))
    lifecycle.accept(session, item, actor=actor(session, "agency1"))
    lifecycle.answer(session, item, actor=actor(session, "agency1"), child_text=words,
                     due_weight="adopted")
    session.commit()
    return item


def answer_by_its_agency(session: Session, item, *, topic: str = "public_space",
                         text: str = "秋千下周修好。"):
    """An item approved on a topic, then signed for and answered by a clerk of its lead agency."""
    from models.suggestions.tables import Assignment

    item.topic, item.abstained = topic, False
    lifecycle.approve(session, item, actor=actor(session, "coordinator"))
    agency = session.exec(select(Assignment).where(Assignment.suggestion_id == item.id)).first()
    staff = session.exec(select(Account).where(Account.agency_id == agency.agency_id)).first()
    lifecycle.accept(session, item, actor=actor_for_account(staff))
    lifecycle.answer(session, item, actor=actor_for_account(staff), child_text=text,
                     due_weight="adopted")
    session.commit()
    return item
