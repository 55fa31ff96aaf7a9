"""A place's page shows only what the public board may show: each case tried.

Every case is an item tied to the place, with its own marker text, walked as far as its
case allows (most are signed for by the agency, so only the publication rule keeps them
off). The place's page and the map's counts must read exactly as before they existed; a
public item shows there, masked as on the board.
"""

import pytest

from models.people import consent
from models.places.places import named
from models.safety import safeguarding
from models.suggestions import lifecycle, moderation
from tests.flow import account, actor, new_suggestion, publishable

STAFF = "agency1"


def _at_library(session, item):
    item.place_id = named(session, "hengyang", "衡阳市图书馆").id
    session.add(item)
    session.commit()
    return item


def _signed_for(session, item):
    """Approved and signed for by the agency: open, as far as the status goes."""
    lifecycle.approve(session, item, actor=actor(session, "facilitator"))
    lifecycle.accept(session, item, actor=actor(session, STAFF))
    session.commit()
    return item


def unconsented(session):
    _signed_for(session, _at_library(session, new_suggestion(
        session, text="没同意公开：图书馆的椅子太高了。")))
    return ["没同意公开"]


def urgent(session):
    _signed_for(session, _at_library(session, publishable(
        session, "紧急求助：图书馆门口有人抢我东西。", urgent=True)))
    return ["紧急求助"]


def declined(session):
    item = _at_library(session, publishable(session, "被退回又不采纳：图书馆要铺金子。"))
    lifecycle.approve(session, item, actor=actor(session, "facilitator"))
    lifecycle.return_(session, item, actor=actor(session, STAFF), category="职能不符",
                      text="这件事不归教育局管。")
    lifecycle.decline(session, item, actor=actor(session, "coordinator"), reason="做不到。")
    session.commit()
    return ["铺金子"]


def consent_held(session):
    item = _signed_for(session, _at_library(session, publishable(
        session, "等监护人同意：图书馆走廊的灯太暗。")))
    consent.hold(session, item, None)
    session.commit()
    return ["等监护人同意"]


def pending(session):
    _at_library(session, publishable(session, "还没审核：图书馆想要更多漫画书。"))
    waiting = _at_library(session, publishable(session, "审核中：图书馆想要更多科学书。"))
    lifecycle.send_to_review(session, waiting, actor=actor(session, "facilitator"))
    session.commit()
    return ["还没审核", "审核中"]


def safeguarding_case(session):
    item = _signed_for(session, _at_library(session, publishable(
        session, "有安全个案：从图书馆回家路上有陌生人跟着我。")))
    safeguarding.open_for_suggestion(session, item, thread=None, channel="form")
    session.commit()
    return ["有安全个案"]


CASES = [unconsented, urgent, declined, consent_held, pending, safeguarding_case]


def _read(client, session) -> dict[str, str]:
    library = named(session, "hengyang", "衡阳市图书馆")
    urls = [f"/places/{library.id}", "/places/", "/places/?kind=library"]
    return {url: client.get(url).get_data(as_text=True) for url in urls}


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.__name__)
def test_an_item_that_may_not_be_public_changes_nothing_on_the_map(client, session, case):
    before = _read(client, session)
    markers = case(session)
    for url, page in _read(client, session).items():
        assert not any(marker in page for marker in markers), url
        assert page == before[url], f"{url} changed: the item shows or is counted"


def test_a_public_item_shows_on_its_place_masked_and_is_counted(client, session):
    before = _read(client, session)
    item = _at_library(session, publishable(session, "我是三年二班的，图书馆的椅子太高了。"))
    moderation.clarify(session, suggestion=item, account=account(session, "facilitator"),
                       text="小明说图书馆的椅子太高了，坐着脚够不着地。")
    _signed_for(session, item)
    after = _read(client, session)
    place = next(iter(after.values()))
    assert "图书馆的椅子太高了，坐着脚够不着地" in place
    assert "三年二班" not in place  # the child's own words never, only the reworded text
    assert "小明" not in place  # the author's nickname masked, as on the board
    assert "正在办的建议 1 条" in after["/places/"] and after["/places/"] != before["/places/"]
