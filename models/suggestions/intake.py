"""Taking in a child's text: analyse, store, and open a case when a child may be in danger."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from models.i18n import N_
from models.safety.safeguarding import SafeguardingCase, case_for_thread, hear, open_for_suggestion
from models.suggestions.lifecycle import (
    SYSTEM,
    Actor,
    Classification,
    Draft,
    find_replay,
    record,
    submit,
)
from models.suggestions.status import Status
from models.suggestions.tables import Suggestion


@lru_cache(maxsize=1)
def topic_model():
    """The current topic model, loaded once per process; None sends everything to triage."""
    from classifier.model import load_current

    return load_current()


@lru_cache(maxsize=32)
def route_rule(plan_id: str):
    """same_route(a, b) for a plan: two topics with the same lead agency need no triage.

    An unknown plan id gives None (the plain rule: abstain on any doubt between topics).
    """
    from classifier.routing import same_lead
    from models.plans.plan import UnknownPlan, load_plan

    try:
        return same_lead(load_plan(plan_id))
    except UnknownPlan:
        return None


def classify_text(text: str, plan_id: str | None = None) -> Classification:
    """text → normalise → safeguarding → redaction → topic, as the suggestion stores it.

    With the city's plan id, a doubt between two topics that the plan sends to the same lead
    agency still dispatches (the route is not in doubt), as `tongsheng classify` does.
    """
    from classifier import analyse

    model = topic_model()
    found = analyse(text, model, route_rule(plan_id) if plan_id else None)
    prediction = found.prediction
    return Classification(
        redacted_text=found.redaction.text,
        topic=prediction.topic if prediction else None,
        confidence=float(prediction.confidence) if prediction else 0.0,
        abstained=prediction.abstain if prediction else True,
        urgent=found.urgency.urgent,
        model_version=model.version if model is not None else "",
    )


def warm_up() -> None:
    """Load the model, the word list and the safeguarding rules before the server forks.

    Every worker then shares them, and no child waits a second for the first suggestion. The
    text holds a name, so redaction's table of common words is loaded too.
    """
    classify_text("我叫王小明，学校门口的红绿灯时间太短了")


@dataclass(frozen=True)
class Taken:
    """What became of a child's words: a new suggestion, the case they joined, or both."""

    suggestion: Suggestion | None
    case: SafeguardingCase | None = None

    @property
    def in_case(self) -> bool:
        """The child's screen must show help and keep listening, not thank for a suggestion."""
        return self.case is not None


def take_suggestion(session: Session, draft: Draft, actor: Actor,
                    found: Classification | None = None, *,
                    look_first: bool = True) -> Suggestion:
    """A suggestion from words that belong to no conversation (see ``take_words``)."""
    return take_words(session, draft, actor, found, look_first=look_first).suggestion


def take_words(session: Session, draft: Draft, actor: Actor,
               found: Classification | None = None, *, thread: str | None = None,
               channel: str = "form", look_first: bool = True) -> Taken:
    """A child's words in one conversation (``thread``), in one transaction.

    If the conversation is already a safeguarding case, the words join it and nothing else
    is stored. Otherwise the suggestion and its first event are stored and, when the text is
    flagged, its case is opened and the people on duty alerted, all in the caller's one
    transaction (flushed here, committed by the caller), so a suggestion is never stored
    without its case.

    ``look_first=False`` is for a caller with nothing else pending in the session (the plain
    form): the idempotency key is unique in the table, so a new key needs no look-up, and a
    retry fails at the INSERT, is rolled back, and gets the suggestion the first try made.
    A clash on the six-character tracking code (about one in 45,000 submissions once 20,000
    are stored) is tried once more with a new code instead of failing.
    """
    case = case_for_thread(session, thread)
    if case is not None:
        replay = find_replay(session, draft)  # a second click of the words that opened it
        if replay is None:
            hear(session, case, draft.text, channel=channel)
            session.flush()
        return Taken(replay, case)
    found = found or classify_text(draft.text, draft.plan_id)
    try:
        suggestion = submit(session, draft, found, actor,
                            look_first=look_first or not draft.idempotency_key)
        session.flush()
    except IntegrityError:
        if look_first:
            raise
        session.rollback()  # nothing else was pending (see look_first above)
        suggestion = find_replay(session, draft)
        if suggestion is None:
            # The key is new, so the clash was the random tracking code: draw another once.
            suggestion = submit(session, draft, found, actor, look_first=True)
    _hold_for_guardian(session, suggestion)
    if suggestion.urgent:
        case = open_for_suggestion(session, suggestion, thread=thread, channel=channel,
                                   child_label=_child_label(session, suggestion))
    session.flush()
    return Taken(suggestion, case)


def _hold_for_guardian(session: Session, suggestion: Suggestion) -> None:
    """The one place consent is checked at intake, whatever the channel: a young child's
    suggestion without a guardian's consent is kept, held and marked, never refused."""
    from models.people import consent
    from models.suggestions.handling import consent_rule

    rule = consent_rule(session)
    if suggestion.status != Status.SUBMITTED or consent.is_held(session, suggestion) or \
            not consent.author_waits(session, suggestion, notice_version=rule.notice_version,
                                     consent_age=rule.consent_age):
        return
    consent.hold(session, suggestion, None)
    record(session, suggestion, action="consent_hold", actor=SYSTEM,
           note=N_("孩子的监护人还没有同意，建议先等着，同意以后再送出。"))


AGE_WORDS = {"under7": "6 岁及以下", "7-9": "7–9 岁", "10-13": "10–13 岁", "unknown": "没说年龄"}


def hold_for_age(session: Session, suggestion: Suggestion, band: str) -> bool:
    """A child without an account who said they are under 14 (or did not say): the
    suggestion waits for a guardian's OK, noted by staff. True when it is held."""
    from models.people import consent

    if suggestion.member_id is not None or band not in AGE_WORDS or \
            suggestion.status != Status.SUBMITTED or consent.is_held(session, suggestion):
        return consent.is_held(session, suggestion)
    consent.hold(session, suggestion, None)
    record(session, suggestion, action="consent_hold", actor=SYSTEM,
           note=f"匿名的孩子：{AGE_WORDS[band]}。请监护人同意后再送出（由工作人员记录）。")
    return True


def _child_label(session: Session, suggestion: Suggestion) -> str:
    """The nickname the safeguarding case keeps as a copy, so it outlives a deletion."""
    from models.people.tables import Member

    member = session.get(Member, suggestion.member_id) if suggestion.member_id else None
    return member.nickname if member is not None else ""
