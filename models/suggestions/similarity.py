"""Open suggestions that say the same thing: ten children asking for one crossing, one case."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, select

from models.suggestions.status import Status
from models.suggestions.tables import Suggestion

STILL_OPEN = (Status.SUBMITTED, Status.IN_REVIEW, Status.DISPATCHED, Status.ACCEPTED,
              Status.IN_PROGRESS, Status.RETURNED)
THRESHOLD = 0.25
CANDIDATE_LIMIT = 500


@dataclass(frozen=True)
class Match:
    suggestion: Suggestion
    score: float
    same_group: bool


def _features(text: str) -> str:
    """The classifier's character view: normalised, digits folded."""
    from classifier.prepared import PreparedText

    return PreparedText(text).chars


def _candidates(session: Session, suggestion: Suggestion) -> list[Suggestion]:
    query = (select(Suggestion)
             .where(Suggestion.plan_id == suggestion.plan_id, Suggestion.id != suggestion.id,
                    Suggestion.status.in_(STILL_OPEN), Suggestion.urgent.is_(False),
                    Suggestion.case_id.is_(None))
             .order_by(Suggestion.created_at.desc()).limit(CANDIDATE_LIMIT))
    return list(session.exec(query))


def scores(text: str, others: list[str]) -> list[float]:
    """Cosine similarity of character 1–3-gram TF-IDF vectors, one score per other text."""
    if not others:
        return []
    # scikit-learn loads here, not when the site starts: most processes never compare texts.
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import cosine_similarity

    vectorizer = TfidfVectorizer(analyzer="char", ngram_range=(1, 3), sublinear_tf=True)
    matrix = vectorizer.fit_transform([_features(text)] + [_features(o) for o in others])
    return [float(value) for value in cosine_similarity(matrix[0], matrix[1:])[0]]


def similar_open(session: Session, suggestion: Suggestion, *, limit: int = 5,
                 threshold: float = THRESHOLD) -> list[Match]:
    """Open suggestions in the same city like this one; the group's own come first."""
    if suggestion.urgent:
        return []
    candidates = _candidates(session, suggestion)
    found = scores(suggestion.agency_text or suggestion.original_text,
                   [item.agency_text or item.original_text for item in candidates])
    matches = [Match(item, score, item.group_id == suggestion.group_id)
               for item, score in zip(candidates, found, strict=True) if score >= threshold]
    matches.sort(key=lambda match: (not match.same_group, -match.score))
    return matches[:limit]
