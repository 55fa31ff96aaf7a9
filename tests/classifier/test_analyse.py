"""The whole pipeline: normalise → safeguarding → redaction → topic."""

from classifier import analyse, analyse_many


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
