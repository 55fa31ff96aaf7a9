"""The classify, train and evaluate commands, as the `tongsheng` group runs them."""

import copy
import json
import sys

import pytest
from click.testing import CliRunner

from classifier.model import TopicModel
from training import commands
from training.external import load_external


@pytest.fixture
def shipped(monkeypatch, small_model):
    """Classify with the session's small model instead of whatever is shipped."""
    monkeypatch.setattr("classifier.model.load_current", lambda: small_model)


def _run(lines: list[str]) -> list[dict]:
    result = CliRunner().invoke(
        commands.classify, ["--plan", "changzhou"], input="\n".join(lines) + "\n"
    )
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.output.splitlines()]


def test_classify_routes_a_few_lines(shipped):
    out = _run(
        [
            json.dumps({"text": t}, ensure_ascii=False)
            for t in [
                "学校门口的红绿灯坏了，过马路很危险",
                "我叫王小明，电话13812345678",
                "我不想活了",
            ]
        ]
    )
    assert out[0]["topic"] == "transport" and out[0]["lead_agencies"]
    assert {"domain", "task", "partner_agencies", "top", "confidence", "abstain"} <= out[0].keys()
    assert "13812345678" not in out[1]["redacted_text"] and "王小明" not in out[1]["redacted_text"]
    assert out[2]["urgent"] is True


def test_bad_lines_get_an_error_and_the_rest_still_run(shipped):
    out = _run(
        ['{"text": "公园的滑梯坏了"}', "not json", '{"nope": 1}', '{"text": "图书馆太远了"}']
    )
    assert [("error" in o) for o in out] == [False, True, True, False]


def test_a_non_suggestion_gets_no_topic_and_goes_to_the_coordinator(shipped):
    out = _run(['{"text": "你好"}'])[0]
    assert out["topic"] is None and out["not_suggestion"] and out["lead_agencies"]


def test_abstention_has_no_topic_and_goes_to_the_coordinator(monkeypatch, small_model):
    unsure = TopicModel(copy.deepcopy(small_model.pipeline))
    unsure.pipeline.set_params(clf__threshold=1.0)
    monkeypatch.setattr("classifier.model.load_current", lambda: unsure)
    out = _run(['{"text": "公园的滑梯坏了"}'])[0]
    assert out["topic"] is None and out["abstain"] and out["lead_agencies"] == ["市政府妇儿工委办"]


def test_classify_handles_three_thousand_lines(shipped):
    texts = ["学校门口的红绿灯坏了", "公园的厕所太脏了", "作业太多了", "你好呀"] * 750
    out = _run([json.dumps({"text": t}, ensure_ascii=False) for t in texts])
    assert len(out) == 3000 and out[0]["topic"] == out[4]["topic"]


def test_unknown_plan_is_a_clear_error():
    result = CliRunner().invoke(commands.classify, ["--plan", "atlantis"], input="")
    assert result.exit_code != 0 and "atlantis" in result.output


def test_train_without_corrections_module_fails_clearly(monkeypatch):
    monkeypatch.setitem(sys.modules, "models.suggestions.corrections", None)
    result = CliRunner().invoke(commands.train, [])
    assert result.exit_code != 0 and "--no-corrections" in result.output


@pytest.mark.slow
def test_evaluate_writes_the_report(shipped, monkeypatch, tmp_path):
    from training import report

    monkeypatch.setattr(report, "REPORTS", tmp_path)
    monkeypatch.setattr(report.write_report, "__defaults__", (tmp_path,))
    result = CliRunner().invoke(commands.evaluate, ["--no-corrections"])
    assert result.exit_code == 0, result.output
    data = json.loads((tmp_path / "evaluation.json").read_text("utf-8"))
    assert {"topics", "dev", "safeguarding", "redaction", "external"} <= data.keys()
    markdown = (tmp_path / "evaluation.md").read_text("utf-8")
    assert "macro-F1, abstentions counted as misses" in markdown
    assert "hengyang lead agency acceptable" in markdown
    assert data["external"]["n"] == len(load_external())
    assert f"real test split (n = {data['topics']['n']})" in result.output
