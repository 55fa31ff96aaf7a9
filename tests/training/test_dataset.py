"""The corpus split: stratified, reproducible, and with no near-duplicate across splits."""

from collections import Counter

from training.dataset import Example, load_examples, near_duplicate_groups, split

TEMPLATE = "学校门口的红绿灯坏了，过马路很危险，希望快点修好"


def _split(examples):
    parts = split(examples)
    assert sum(len(v) for v in parts.values()) == len(examples)
    return parts


def test_near_duplicates_are_grouped():
    texts = [TEMPLATE, TEMPLATE.replace("很危险", "好危险"), "公园的滑梯坏了"]
    groups = near_duplicate_groups(texts)
    assert groups[0] == groups[1] != groups[2]


def test_no_near_duplicate_crosses_from_train_to_test():
    examples = load_examples()
    parts = _split(examples)
    texts = [e.text for e in parts["train"]] + [e.text for e in parts["test"]]
    groups = near_duplicate_groups(texts)
    train_groups = set(groups[: len(parts["train"])])
    assert not train_groups & set(groups[len(parts["train"]) :])


def test_split_is_stratified_70_15_15_and_reproducible():
    examples = load_examples()
    parts = _split(examples)
    assert parts == split(examples)
    totals = Counter(e.topic for e in examples)
    for topic, n in Counter(e.topic for e in parts["test"]).items():
        assert abs(n / totals[topic] - 0.15) < 0.05


def test_corrections_join_the_data_and_exact_duplicates_drop():
    base = load_examples()
    extra = load_examples(
        [("这是一条新的纠正文本，关于公交站", "transport"), (base[0].text, "legal")]
    )
    assert len(extra) == len(base) + 1
    assert Example("这是一条新的纠正文本，关于公交站", "transport", (), "correction") in extra
