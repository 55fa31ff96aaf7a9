"""What the data is worth: the learning curve on real train and each source's contribution.

Both refit the chosen parameters on part of the training data and score the real test split,
so they cost a few fits; `tongsheng train` runs them once for the report.
"""

from training.dataset import SEED, Example, _rank
from training.evaluate import headline, score
from training.splits import page_key
from training.train import Sources, fit_model

FRACTIONS = (0.25, 0.5, 0.75, 1.0)


def _figures(train: list[Example], params: dict, threshold: float, test: list[Example]) -> dict:
    """Headline figures on test of a model fitted on train with the shipped threshold."""
    return headline(score(fit_model(train, params, threshold), test))


def _page_order(example: Example) -> tuple[str, str]:
    """A salted order of pages, then of texts within a page."""
    return _rank(page_key(example.source_url) or example.text, SEED), _rank(example.text, SEED)


def learning_curve(sources: Sources, params: dict, threshold: float) -> list[dict]:
    """Test figures with 25/50/75/100% of real train (plus all of the imitation corpus).

    The fractions are nested prefixes of the train split shuffled by page (a page's texts stay
    together), so each point adds pages to the previous one.
    """
    ordered = sorted(sources.train, key=_page_order)
    rows = []
    for fraction in FRACTIONS:
        part = ordered[: round(len(ordered) * fraction)]
        figures = _figures(part + sources.imitation, params, threshold, sources.test)
        rows.append({"real_train_share": fraction, "real_train_n": len(part), **figures})
    return rows


def contributions(sources: Sources, params: dict, threshold: float) -> dict:
    """Test figures trained on real alone, imitation alone and both."""
    return {
        "real_only": _figures(sources.train, params, threshold, sources.test),
        "imitation_only": _figures(sources.imitation, params, threshold, sources.test),
        "both": _figures(sources.train + sources.imitation, params, threshold, sources.test),
    }
