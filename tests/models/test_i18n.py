"""Domain texts marked with N_: Chinese as before, and said again in another language on demand."""

import json

from models.i18n import N_, Message, data_of, joined, stored

ENGLISH = {
    "建议 %(code)s 已超期，请尽快办理。": "Item %(code)s is overdue. Please deal with it soon.",
    "你的建议 %(code)s %(words)s": "Your idea %(code)s %(words)s",
    "和相同的建议合在一起了。": "has been put together with the same idea from others.",
    "职能不符": "Not our responsibility",
    "属地不符": "Not our area",
    "、": ", ",
}


def english(msgid: str) -> str:
    return ENGLISH.get(msgid, msgid)


def test_a_marked_text_reads_exactly_as_the_chinese_it_was():
    late = N_("建议 %(code)s 已超期，请尽快办理。") % {"code": "TS-ABC234"}
    assert late == "建议 TS-ABC234 已超期，请尽快办理。"
    assert isinstance(late, str) and late.startswith("建议")


def test_a_message_is_said_in_another_language_with_its_values_translated_too():
    merged = N_("你的建议 %(code)s %(words)s") % {"code": "TS-ABC234",
                                                  "words": N_("和相同的建议合在一起了。")}
    assert merged.in_language(english) == (
        "Your idea TS-ABC234 has been put together with the same idea from others.")


def test_a_list_is_joined_in_each_language():
    reasons = joined([N_("职能不符"), N_("属地不符")])
    assert reasons == "职能不符、属地不符"
    assert reasons.in_language(english) == "Not our responsibility, Not our area"


def test_a_stored_message_comes_back_from_json_as_the_same_message():
    merged = N_("你的建议 %(code)s %(words)s") % {"code": "TS-ABC234",
                                                  "words": N_("和相同的建议合在一起了。")}
    again = Message.from_data(json.loads(json.dumps(data_of(merged))))
    assert again == merged and again.in_language(english) == merged.in_language(english)


def test_plain_text_and_older_rows_stay_as_they_were_written():
    assert data_of("孩子自己写的话") is None
    assert stored("以前存下的通知", None) == "以前存下的通知"
    assert stored("坏掉的数据", {"params": {}}) == "坏掉的数据"


def test_positional_values_work_too():
    counted = N_("共 %d 条") % 3
    assert counted == "共 3 条" and Message.from_data(counted.as_data()) == counted


def test_a_message_is_still_a_string_to_every_string_method():
    """str.translate (a character table) is used on texts by the redaction; it must still work."""
    assert N_("（你好）").translate(str.maketrans("（）", "()")) == "(你好)"
