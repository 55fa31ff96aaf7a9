"""What each source contributes: leaving out one real collection drops only its train texts."""

from training import studies
from training.dataset import Example
from training.train import Sources


def test_each_real_collection_is_left_out_once(monkeypatch):
    real = [Example(t, "schooling", source="real") for t in ("甲", "乙", "丙")]
    imitation = [Example("乙", "schooling", source="corpus")]
    sources = Sources(real, [], [Example("丁", "schooling", source="real")], imitation)
    monkeypatch.setattr(
        studies, "real_collections", lambda: {"corpus_a": {"甲"}, "corpus_b": {"乙", "丙"}}
    )
    monkeypatch.setattr(
        studies, "_figures", lambda train, *a: sorted((e.source, e.text) for e in train)
    )
    out = studies.contributions(sources, {}, 0.0)
    assert out["both without corpus_a"] == sorted(
        [("corpus", "乙"), ("real", "乙"), ("real", "丙")]
    )
    assert out["both without corpus_b"] == [("corpus", "乙"), ("real", "甲")]
    assert {"real_only", "imitation_only", "both"} <= out.keys()
