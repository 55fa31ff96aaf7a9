"""The jargon check: official words and legal citations in an answer to a child are found,
with plain words, and the child's timeline never shows them."""

from models.suggestions import lifecycle, plain_words, timeline
from tests.flow import actor, dispatched

OFFICIAL = "根据《城市道路管理条例》第十条，经研究，该事项职能不符，已函复妇儿工委办。特此函复。"


def test_an_official_answer_is_flagged_with_plain_words():
    found = {f.found: f for f in plain_words.check(OFFICIAL)}
    assert found["根据《城市道路管理条例》第十条"].kind == "citation"
    for term in ("经研究", "职能不符", "函复", "妇儿工委办", "特此函复"):
        assert term in found, term
    assert found["妇儿工委办"].plain == "为儿童办事的办公室"
    plain = plain_words.plain_version(OFFICIAL)
    for term in ("《", "函复", "职能不符", "妇儿工委办", "特此", "经研究"):
        assert term not in plain, (term, plain)
    assert plain.startswith("按照规定")


def test_a_plain_answer_passes_and_a_long_sentence_does_not():
    assert plain_words.check("谢谢你！下周一起，校门口会有交警叔叔指挥交通。") == []
    long = ("我们已经和交通部门还有学校一起商量过了所以从下个学期开始"
            "每天放学的时候都会有人在校门口指挥交通。")
    assert [f.kind for f in plain_words.check(long)] == ["long"]


def test_the_childs_timeline_uses_childrens_words(session):
    suggestion = dispatched(session)
    lifecycle.return_(session, suggestion, actor=actor(session, "agency1"),
                      category="职能不符", text="应该由妇儿工委办协调。")
    session.commit()
    shown = " ".join(f"{s.title} {s.detail}" for s in timeline.child_timeline(session, suggestion))
    assert "职能不符" not in shown and "妇儿工委办" not in shown
    assert "这件事不归这个部门管" in shown and "为儿童办事的办公室" in shown
