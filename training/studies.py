"""What the data is worth: the learning curve on real train and each source's contribution.

Both refit the chosen parameters on part of the training data and score the real test split,
so they cost a few fits; `tongsheng train` runs them once for the report.
"""

from pathlib import Path

from training.dataset import REAL_DIR, SEED, Example, _rank, read_jsonl
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


def real_collections(real_dir: Path = REAL_DIR) -> dict[str, set[str]]:
    """The texts of each real-corpus file (corpus_a, corpus_b, …), to leave out one at a time."""
    return {
        p.stem: {row["text"] for row in read_jsonl(p)} for p in sorted(real_dir.glob("*.jsonl"))
    }


def contributions(sources: Sources, params: dict, threshold: float) -> dict:
    """Test figures trained on real alone, imitation alone, both, and both minus one collection.

    Leaving out one real collection (its train texts only; the test split stays the same)
    shows what that collection adds on top of the rest.
    """
    both = sources.train + sources.imitation
    out = {
        "real_only": _figures(sources.train, params, threshold, sources.test),
        "imitation_only": _figures(sources.imitation, params, threshold, sources.test),
        "both": _figures(both, params, threshold, sources.test),
    }
    collections = real_collections()
    for name, texts in collections.items() if len(collections) > 1 else ():
        rest = [e for e in both if e.source != "real" or e.text not in texts]
        out[f"both without {name}"] = _figures(rest, params, threshold, sources.test)
    return out
