"""The review screens: consent holds on the web, links, the council's voice, other groups' items."""

import sys
import uuid

import pytest
from sqlmodel import select

from models.councils import support
from models.people.tables import Group, GuardianConsent, Member
from models.suggestions import lifecycle
from models.suggestions.lifecycle import Classification, Draft, actor_for_member
from models.suggestions.status import Status
from tests.flow import member, new_suggestion


@pytest.fixture
def facilitator(auth):
    auth.staff("facilitator")


def _url(suggestion) -> str:
    return f"/facilitator/review/{suggestion.group_id}/{suggestion.id}"


def _other_groups_suggestion(session, text: str):
    """A suggestion by a child of 蒸湘区阳光社区儿童议事会 (facilitator2's group)."""
    group = session.exec(select(Group).where(Group.invite_code == "HYZHEN")).one()
    kid = session.exec(select(Member).where(Member.group_id == group.id)).first()
    if kid is None:
        kid = Member(group_id=group.id, nickname="阳阳", birth_year=2012, birth_month=1,
                     pin_hash="x")
        session.add(kid)
        session.commit()
    draft = Draft(plan_id="hengyang", text=text, group_id=group.id, member_id=kid.id,
                  idempotency_key=uuid.uuid4().hex)
    made = lifecycle.submit(session, draft, Classification(redacted_text=text, topic="transport",
                                                           abstained=False),
                            actor_for_member(kid))
    session.commit()
    return made


def test_without_guardian_consent_approval_waits_and_consent_sends_it(client, session,
                                                                      facilitator):
    kid = member(session, "小明")
    for row in session.exec(select(GuardianConsent).where(GuardianConsent.member_id == kid.id)):
        session.delete(row)
    session.commit()
    suggestion = new_suggestion(session, nickname="小明")
    page = client.post(_url(suggestion) + "/approve", follow_redirects=True).get_data(
        as_text=True)
    session.refresh(suggestion)
    assert suggestion.status == Status.IN_REVIEW and "监护人同意记录好之后会自动送出" in page
    page = client.post(f"/facilitator/groups/{kid.group_id}/members/{kid.id}/consent",
                       data={"given_by": "父亲", "method": "电话确认", "confirmed": "y"},
                       follow_redirects=True).get_data(as_text=True)
    session.refresh(suggestion)
    assert suggestion.status == Status.DISPATCHED and "等待中的 1 条建议已送出" in page


def test_link_without_merging_notes_both(client, session, facilitator):
    first = new_suggestion(session, text="校门口的红绿灯时间太短了", nickname="小明")
    second = new_suggestion(session, text="学校门口红绿灯太短了，过马路要跑", nickname="小红")
    client.post(_url(first) + "/link", data={"duplicate": [second.id]})
    notes = [e.note for e in lifecycle.history(session, second.id)]
    assert f"相关建议：{first.tracking_code}" in notes and second.status == Status.SUBMITTED


def test_similar_items_of_other_groups_are_counted_but_never_shown(client, session, facilitator):
    mine = new_suggestion(session, text="校门口的红绿灯时间太短了，过马路要跑", nickname="小明")
    theirs = _other_groups_suggestion(session, "学校门口红绿灯时间太短了，过马路总要跑")
    page = client.get(_url(mine)).get_data(as_text=True)
    assert theirs.tracking_code not in page and "全市其他小组还有 1 条相似的建议" in page
    response = client.post(_url(mine) + "/merge", data={"duplicate": [theirs.id]})
    assert response.status_code == 404
    session.refresh(theirs)
    assert theirs.status == Status.SUBMITTED and theirs.merged_into_id is None


def test_the_council_sends_a_suggestion_as_its_own(client, session, facilitator):
    suggestion = new_suggestion(session, nickname="小明")
    page = client.post(_url(suggestion) + "/council", follow_redirects=True).get_data(
        as_text=True)
    assert "以“衡阳市儿童议事会”的名义提出" in page
    assert support.signers(session, suggestion)[0] == "衡阳市儿童议事会"
    assert "council_voice" in [e.action for e in lifecycle.history(session, suggestion.id)]


def test_the_review_offers_the_paraphrase_without_loading_jieba(client, session, facilitator,
                                                                monkeypatch):
    """jieba's whole dictionary (about 67 MB) and scikit-learn with SciPy (about 90 MB) each
    cost a web worker that opens a review: the duplicate search cuts words by the shipped
    common-word table and reads the model's NumPy export only."""
    icy = new_suggestion(session, text="冬天小区的人行道上全是冰，我摔了好几次，请物业撒点盐。",
                         topic="community")
    lights = new_suggestion(session, text="小区门口的路灯坏了，晚上回家好黑。",
                            topic="community", nickname="小红")
    fresh = new_suggestion(session, text="我们小区路面一到冬天就结冰，爷爷奶奶都不敢下楼。",
                           topic="community", nickname="乐乐")
    monkeypatch.delitem(sys.modules, "classifier.tokenize", raising=False)
    monkeypatch.delitem(sys.modules, "classifier.pipeline", raising=False)
    for heavy in ("jieba", "sklearn", "scipy"):
        monkeypatch.setitem(sys.modules, heavy, None)  # any import of them now fails
    page = client.get(_url(fresh))
    text = page.get_data(as_text=True)
    assert page.status_code == 200
    assert icy.tracking_code in text and lights.tracking_code not in text
