"""The whole pipeline: normalise → safeguarding → redaction → topic."""

from classifier import analyse, analyse_many
from classifier.normalise import normalise


def test_analysis_without_a_model_goes_to_triage():
    found = analyse("我叫李想，学校门口的红绿灯坏了")
    assert found.prediction is None
    assert "李想" not in found.redaction.text and not found.urgency.urgent


def test_topic_comes_from_the_redacted_text(small_model):
    found = analyse("我叫李想，电话13812345678，学校门口的红绿灯坏了", small_model)
    assert found.prediction.top[0][0] == "transport"
    assert "13812345678" not in found.redaction.text


def test_urgency_reads_the_unredacted_text():
    assert analyse("我爸天天打我，电话13812345678").urgency.urgent


def test_analyse_many_matches_analyse(small_model):
    texts = ["公园的滑梯坏了", "我不想活了", "你好"]
    assert analyse_many(texts, small_model) == [analyse(t, small_model) for t in texts]


def test_each_text_is_normalised_once(small_model, monkeypatch):
    """Safeguarding, redaction and the topic model share one normalised form per text."""
    import classifier.prepared
    import classifier.safeguard

    calls = []

    def counted(text):
        calls.append(text)
        return normalise(text)

    monkeypatch.setattr(classifier.prepared, "normalise", counted)
    monkeypatch.setattr(classifier.safeguard, "normalise", counted)
    texts = ["学校门口的红绿灯太短了", "公园的滑梯坏了"]
    analyse_many(texts, small_model)
    analyse(texts[0], small_model)
    assert calls == [*texts, texts[0]]
