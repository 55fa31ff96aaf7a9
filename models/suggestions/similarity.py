"""Open suggestions that say the same thing: ten children asking for one crossing, one case."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, select

from models.suggestions.status import Status
from models.suggestions.tables import Suggestion

STILL_OPEN = (Status.SUBMITTED, Status.IN_REVIEW, Status.DISPATCHED, Status.ACCEPTED,
              Status.IN_PROGRESS, Status.RETURNED)
# Measured on training/data/duplicates/pairs.jsonl (report: training/reports/duplicates.md).
THRESHOLD = 0.3
CANDIDATE_LIMIT = 500
# Words every child's suggestion uses, whatever it asks for.
FUNCTION_WORDS = frozenset(
    "我们 你们 他们 大家 希望 能不能 可不可以 可以 能够 一个 一些 一点 什么 怎么 这样 那样 "
    "这个 那个 因为 所以 但是 可是 还有 就是 没有 不要 不能 觉得 真的 非常 特别 总是 经常 "
    "已经 现在 时候 每天 好多 很多 太多 一直 请问 建议 问题 事情 应该 需要 还是 或者 而且".split())


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


def _cosines(vectors) -> list[float]:
    """Cosine of the first row with every other row (0 where a row is empty)."""
    import numpy as np

    vectors = np.asarray(vectors, dtype=np.float64)
    norms = np.linalg.norm(vectors, axis=1)
    norms[norms == 0] = 1.0
    unit = vectors / norms[:, None]
    return [float(value) for value in unit[1:] @ unit[0]]


def _fitted_rows(texts: list[str], analyzer: str, ngrams: tuple[int, int], use_idf: bool):
    """Dense sublinear TF-IDF rows of texts with a vocabulary (and IDF) learnt from them alone,
    as scikit-learn's TfidfVectorizer with smooth IDF would give; None when no term is found."""
    import numpy as np

    from classifier.linear import TfidfView

    view = TfidfView("texts", analyzer, ngrams, r"\S+" if analyzer == "word" else None,
                     binary=False, sublinear_tf=True, weight=1.0, vocabulary={},
                     idf=np.ones(0))
    grams = [set(view.ngrams(text)) for text in texts]
    terms = sorted(set().union(*grams))
    if not terms:
        return None
    view.vocabulary = {term: i for i, term in enumerate(terms)}
    frequency = np.array([sum(term in g for g in grams) for term in terms], dtype=np.float64)
    view.idf = (np.log((1 + len(texts)) / (1 + frequency)) + 1 if use_idf
                else np.ones(len(terms)))
    starts, indices, values = view.transform(texts)
    rows = np.zeros((len(texts), len(terms)))
    rows[np.repeat(np.arange(len(texts)), np.diff(starts)), indices] = values
    return rows


def char_scores(text: str, others: list[str]) -> list[float]:
    """Cosine of character 1–3-gram TF-IDF vectors fitted on these texts alone (no model)."""
    rows = _fitted_rows([_features(t).lower() for t in [text, *others]], "char", (1, 3), True)
    return _cosines(rows) if rows is not None else [0.0] * len(others)


def _content_words(prepared) -> str:
    """Words of two characters or more that say something (not 我们, 希望, 能不能).

    Cut by the shipped common-word table (``classifier.common_words.cut``), not by jieba:
    jieba's whole dictionary would cost each web worker that opens a review about 67 MB.
    """
    from classifier.common_words import cut

    return " ".join(w for w in cut(prepared.normalised) if len(w) > 1 and w not in FUNCTION_WORDS)


def _word_scores(prepared: list) -> list[float]:
    """Cosine of content-word vectors: 红绿灯 and 过马路 count as words, not as letters."""
    # No IDF: learnt from a handful of open suggestions it would punish the very words two
    # paraphrases share; the classifier's features carry the corpus-wide weights.
    rows = _fitted_rows([_content_words(p) for p in prepared], "word", (1, 1), False)
    return _cosines(rows) if rows is not None else [0.0] * (len(prepared) - 1)


def model_scores(text: str, others: list[str], model) -> list[float]:
    """Paraphrases score high, same-topic different wishes low.

    topic agreement (cosine of the classifier's topic probabilities) × (cosine of the
    classifier's own features — characters, pinyin, curated keywords, with the IDF it learnt
    from the whole corpus — plus the cosine of content words). Two children asking for the same
    thing in other words share a topic and some words; two wishes about one school share words
    but not the whole topic mix, or share a topic and almost no words.
    """
    from classifier.prepared import prepare

    prepared = prepare([text, *others])
    features = model.features(prepared)
    agreement = _cosines(model.probabilities(prepared))
    lexical = [a + b for a, b in zip(_cosines(features), _word_scores(prepared), strict=True)]
    return [t * w for t, w in zip(agreement, lexical, strict=True)]


def scores(text: str, others: list[str], model=None) -> list[float]:
    """One score per other text: the classifier's view when a model is there, else characters."""
    if not others:
        return []
    if model is None:
        from models.suggestions.intake import topic_model

        model = topic_model()
    return model_scores(text, others, model) if model is not None else \
        char_scores(text, others)


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
