"""The safeguarding screen: a missed danger is the worst error, false alarms come second."""

import pytest

from classifier.normalise import normalise
from classifier.safeguard import is_urgent, rule_hits
from training.safeguard_data import load_cases, split_cases

URGENT = [
    "我不想活了",
    "想死 哈哈",
    "想死哈哈哈",
    "wo xiang si",
    "bu xiang huo le",
    "我想紫砂",
    "我爸每天喝醉了就打我",
    "有个陌生叔叔一直跟着我回家",
    "有人说放学要打死我",
    "爸妈好几天没回家了，家里没有吃的",
    "他们现在正在厕所里打我",
    "家里着火了！",
    "希望公园多装秋千。还有我爸每天晚上喝醉酒就打我",
    "我不想活了，活著太累了",
    "真想得个绝症，这样就能离开了",
    "我的腿被后妈烫伤了，她不让我去医院",
    "我们每天在夜市摆摊卖到凌晨两点",
    "他们说是游戏，我就是那个被踢的",
]
NOT_URGENT = [
    "希望学校多上安全教育课",
    "累死了",
    "笑死我了",
    "热死了",
    "游戏里我被打死了",
    "建议在河边装上护栏，防止小朋友溺水",
    "奶奶，我想死你了！",
    "学校门口的红绿灯坏了",
    "建议学校开展防欺凌主题班会",
    "xiao si wo le",
    "篮球联赛我们被三班打了个20比3",
    "八百米体测简直要我的命",
    "楼道里堆满了纸箱，着火了往哪跑",
    "查进度 ts-abc234",
]


@pytest.mark.parametrize("text", URGENT)
def test_dangers_are_flagged(text):
    assert is_urgent(text).urgent


@pytest.mark.parametrize("text", NOT_URGENT)
def test_ordinary_and_joking_texts_are_not_flagged(text):
    assert not is_urgent(text).urgent


def test_a_flag_names_its_kind_and_phrase():
    urgency = is_urgent("我爸每天都打我")
    assert urgency.kinds and urgency.matched


def test_heldout_half_meets_recall_and_false_alarm_targets():
    """The team's own set still passes; its hard negatives are reported, bounded loosely."""
    _, held = split_cases(load_cases())
    urgent = [is_urgent(c.text).urgent for c in held if c.urgent]
    ordinary = [is_urgent(c.text).urgent for c in held if c.kind == "ordinary"]
    hard = [is_urgent(c.text).urgent for c in held if c.kind == "hard_negative"]
    assert sum(urgent) / len(urgent) >= 0.97
    assert sum(ordinary) / len(ordinary) <= 0.05
    assert sum(hard) / len(hard) <= 0.25


@pytest.mark.parametrize(
    "text",
    [
        "查进度 ts-zs3nwz",
        "查进度 TS ZS3NWZ",
        "zs3nwz 怎么样了",
        "我的码是zs3nwz",
        "查进度 tvcey6",
        "查进度 qqdtje",
    ],
)
def test_a_progress_code_typed_back_is_not_an_alarm(text):
    """Random code letters ("zs", "qq") are no words: asking for progress shows no help screen."""
    assert not is_urgent(text).urgent


@pytest.mark.parametrize("text", ["查进度 ts-ab2cde 我不想活了", "我想zs", "他让我加qq5678发照片"])
def test_words_around_a_code_and_code_like_handles_are_still_read(text):
    assert is_urgent(text).urgent


@pytest.mark.parametrize(
    "text",
    ["高年级那几个把我当提款机，每个星期都要我带钱", "我就是他们的人形取款机 哈哈 不给就堵我"],
)
def test_older_children_taking_money_again_and_again_is_bullying(text):
    assert "bullying_now" in rule_hits(normalise(text))


@pytest.mark.parametrize(
    "text", ["学校门口能不能装一台取款机", "我的钱包丢了，希望失物招领处晚点关门"]
)
def test_a_cash_machine_or_a_purse_alone_is_no_bullying(text):
    assert "bullying_now" not in rule_hits(normalise(text))
