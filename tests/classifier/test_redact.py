"""Redaction masks what identifies a child and keeps what an agency needs."""

import json
from pathlib import Path

import pytest

from classifier.redact import redact

CASES = Path(__file__).parents[2] / "training" / "data" / "pii_cases.jsonl"
ROWS = [json.loads(line) for line in CASES.read_text("utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("row", ROWS, ids=[r["text"][:20] for r in ROWS])
def test_pii_case(row):
    out = redact(row["text"]).text
    assert [m for m in row["must_mask"] if m in out] == []
    assert [k for k in row["must_keep"] if k not in out] == []


def test_tokens_and_kinds():
    result = redact("我叫王小明，电话13812345678，邮箱a1@qq.com，住阳光小区3栋2单元501室")
    assert result.text == "我叫【姓名】，电话【电话】，邮箱【邮箱】，住阳光小区【门牌】"
    assert result.found == ["address", "email", "name", "phone"]


def test_self_description_is_not_a_name():
    assert redact("我是三年级的学生，希望多上体育课").text == "我是三年级的学生，希望多上体育课"


def test_hotlines_bus_lines_and_years_survive():
    text = "2024年起12路公交不停了，有事打12355或110"
    assert redact(text).text == text


def test_valid_id_card_is_named_as_such():
    assert "【身份证号】" in redact("身份证11010519491231002X").text
