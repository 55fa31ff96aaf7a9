"""Redaction masks what identifies a child and keeps what an agency needs (issue 10 item 6)."""

import json
from pathlib import Path

import pytest

from classifier.masks import KINDS
from classifier.personal import LABELS
from classifier.redact import Redaction, redact

CASES = Path(__file__).parents[2] / "training" / "data" / "pii_cases.jsonl"
ROWS = [json.loads(line) for line in CASES.read_text("utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("row", ROWS, ids=[r["text"][:20] for r in ROWS])
def test_pii_case(row):
    """No leak, and no school, road, park, hotline, count or time lost, on every case."""
    out = redact(row["text"]).text
    assert [m for m in row["must_mask"] if m in out] == []
    assert [k for k in row["must_keep"] if k not in out] == []


def test_the_cases_cover_every_form_the_review_named():
    texts = "\n".join(row["text"] for row in ROWS)
    for form in ("一三八", "幺", "两", "+86 138.1234.5678", "QQ", "扣扣", "微信", "vx", "wx",
                 "@", "妈妈叫", "同桌是", "生日", "三年级二班", "初二（3）班", "3年2班",
                 "88号3栋201", "5单元302室", "身份证", "12355", "110", "12345"):
        assert form in texts, form
    assert sum(not row["must_mask"] for row in ROWS) >= 100  # texts that must survive


@pytest.mark.parametrize(("text", "gone", "kept"), [
    ("我妈妈电话一三八幺二三四五六七八", "一三八幺二三四五六七八", "我妈妈电话"),
    ("爸爸号码一五九两两三三四四五五", "两两三三", "爸爸号码"),
    ("电话+86 138.1234.5678", "138.1234.5678", "电话"),
    ("扣扣：一二三四五六七八", "一二三四五六七八", "扣扣"),
    ("加我vx：xiaoming_2013", "xiaoming_2013", "加我vx"),
    ("邮箱xiaoming2013@163.com", "xiaoming2013", "邮箱"),
    ("我妈妈叫李秀英，她在超市上班", "李秀英", "超市"),
    ("我同桌是王小明，他被欺负了", "王小明", "欺负"),
    ("昨天张子涵和刘洋在人民公园玩", "刘洋", "人民公园"),
    ("我14年3月5号生日，今年10岁", "3月5号", "10岁"),
    ("我是三年级二班的孙悦", "三年级二班", "我是"),
    ("我叫李华，初二（3）班", "初二（3）班", "我叫"),
    ("我家住在阳光小区88号3栋201", "3栋201", "阳光小区"),
    ("我住在幸福小区5单元302室", "302", "幸福小区"),
])
def test_each_form_of_the_review_is_masked(text, gone, kept):
    out = redact(text).text
    assert gone not in out and kept in out and "【" in out


@pytest.mark.parametrize("text", [
    "三年级的同学们都想要一个植物角",
    "遇到危险打110，心里难受打12355，找政府打12345",
    "学校在人民路88号，2号门一直锁着",
    "我们小区有1200户人家，修滑梯要5000元，每天走40分钟",
    "马路上车太多，高兴的是黄河路新修了天桥",
    "2024年6月1日儿童节，中山公园早上6:00开门",
    "我是2014年出生的，今年10岁，读五年级",
])
def test_what_an_agency_needs_comes_through_unchanged(text):
    assert redact(text).text == text


def test_tokens_and_kinds():
    result = redact("我叫王小明，电话13812345678，邮箱a1@qq.com，住阳光小区3栋2单元501室")
    assert result.text == "我叫【姓名】，电话【电话】，邮箱【邮箱】，住阳光小区【门牌】"
    assert result.found == ["address", "email", "name", "phone"]


def test_the_childs_own_characters_stay_outside_the_masks():
    """Finders read a simplified, half-width view; the text keeps what the child typed."""
    result = redact("我們家住在陽光小區3棟2單元501室，ＱＱ：１２３４５６７８")
    assert result == Redaction("我們家住在陽光小區【门牌】，ＱＱ：【QQ】", ["address", "qq"])


def test_every_kind_has_words_for_people():
    assert set(KINDS.values()) <= set(LABELS)


def test_self_description_is_not_a_name():
    assert redact("我是三年级的学生，希望多上体育课").text == "我是三年级的学生，希望多上体育课"


def test_hotlines_bus_lines_and_years_survive():
    text = "2024年起12路公交不停了，有事打12355或110"
    assert redact(text).text == text


def test_valid_id_card_is_named_as_such():
    assert "【身份证号】" in redact("身份证11010519491231002X").text
