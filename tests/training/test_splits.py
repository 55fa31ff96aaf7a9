"""The real corpus is split by source page, never by sentence, and the same way every time."""

import random

from training.dataset import Example
from training.splits import page_key, real_groups, split_real, without_near_duplicates

TOPICS = ("transport", "public_space", "schooling", "culture_sports")
HANZI = "天地人你我他上下大小山水日月风雨花草树木鱼鸟马牛羊春夏秋冬东西南北红黄蓝绿"


def _text(seed: int) -> str:
    """A short distinct text (its character 3-grams barely overlap another seed's)."""
    return "".join(random.Random(seed).sample(HANZI, 14))


def _corpus() -> list[Example]:
    """Forty pages of five distinct texts each, spread over four topics."""
    out = []
    for page in range(40):
        topic = TOPICS[page % 4]
        for k in range(5):
            text = _text(page * 5 + k)
            out.append(
                Example(
                    text,
                    topic,
                    source="real",
                    topics=(topic,),
                    source_url=f"https://news.example.cn/{page}.html",
                    city=f"城{page}",
                )
            )
    return out


def _parts(corpus):
    return split_real(corpus)


def test_no_source_page_crosses_splits():
    parts = _parts(_corpus())
    pages = {name: {page_key(e.source_url) for e in part} for name, part in parts.items()}
    assert not pages["train"] & pages["test"] and not pages["train"] & pages["dev"]
    assert not pages["dev"] & pages["test"]
    assert parts["test"] and parts["dev"]


def test_the_split_is_the_same_every_time_and_roughly_70_15_15():
    first, again = _parts(_corpus()), _parts(list(reversed(_corpus())))
    assert {n: sorted(e.text for e in p) for n, p in first.items()} == {
        n: sorted(e.text for e in p) for n, p in again.items()
    }
    assert 0.6 <= len(first["train"]) / 200 <= 0.8


def test_page_addresses_match_however_written():
    assert page_key("HTTPS://www.Example.cn/a.html#top") == page_key("http://example.cn/a.html/")


def test_near_duplicates_on_different_pages_share_a_group():
    a = Example("学校门口的红绿灯太短了，过马路很危险", "transport", source_url="https://a.cn/1")
    b = Example("学校门口的红绿灯太短了，过马路好危险", "transport", source_url="https://b.cn/2")
    c = Example("图书馆周末关门太早了", "culture_sports", source_url="https://c.cn/3")
    groups = real_groups([a, b, c])
    assert groups[0] == groups[1] != groups[2]


def test_a_dominant_city_is_grouped_by_programme_site():
    corpus = _corpus()
    big = [
        Example(
            _text(1000 + i),
            t,
            source="real",
            topics=(t,),
            source_url=f"https://council.example.cn/{i}.html",
            city="衡阳",
        )
        for i, t in enumerate(TOPICS * 20)
    ]
    parts = _parts(corpus + big)
    homes = {name for name, part in parts.items() if any(e.city == "衡阳" for e in part)}
    assert len(homes) == 1


def test_imitation_texts_close_to_held_out_real_texts_are_dropped():
    held = [Example("学校门口的红绿灯太短了，过马路很危险", "transport")]
    imitation = [
        Example("学校门口的红绿灯太短了，过马路好危险", "transport"),
        Example("公园的滑梯坏了", "public_space"),
    ]
    assert [e.text for e in without_near_duplicates(imitation, held)] == ["公园的滑梯坏了"]
