"""Nothing that may not be public ever reaches the board or its figures: each case tried.

Every case is an item with its own marker text, walked as far as its case allows (most are
answered, so only the publication rule keeps them off). The board, every filter of it and
the agencies' page must read exactly as before they existed.
"""

import pytest

from models.office import figures
from models.people import consent
from models.plans.plan import load_plan
from models.privacy.publication import public_condition
from models.safety import safeguarding
from models.suggestions import lifecycle, moderation
from tests.flow import account, actor, answer_it, new_suggestion, publishable

STAFF = "agency1"


def unconsented(session):
    item = answer_it(session, new_suggestion(session, text="没同意公开：食堂的汤太咸了。"),
                   "没同意公开的回复：汤会淡一点。")
    assert not item.consent_to_publish
    return ["没同意公开"]


def urgent(session):
    answer_it(session, publishable(session, "紧急求助：放学后有人在巷子里打我。", urgent=True),
            "紧急的回复：老师会陪你。")
    return ["紧急求助", "紧急的回复"]


def declined(session):
    item = publishable(session, "被退回又不采纳：操场要铺金子。")
    lifecycle.approve(session, item, actor=actor(session, "facilitator"))
    lifecycle.return_(session, item, actor=actor(session, STAFF), category="职能不符",
                      text="这件事不归教育局管。")
    lifecycle.decline(session, item, actor=actor(session, "coordinator"), reason="做不到。")
    session.commit()
    return ["铺金子"]


def merged(session):
    target = new_suggestion(session, text="合并的目标：图书角的书太旧了。")
    item = publishable(session, "被合并的重复：图书角的书太旧太旧了。")
    lifecycle.merge(session, item, actor=actor(session, "facilitator"), into=target)
    session.commit()
    return ["被合并的重复", "合并的目标"]


def consent_held(session):
    item = answer_it(session, publishable(session, "等监护人同意：走廊的灯太暗。"),
                   "等同意的回复：换灯。")
    consent.hold(session, item, None)
    session.commit()
    return ["等监护人同意", "等同意的回复"]


def pending(session):
    publishable(session, "还没审核：想要更多的篮球架。")
    waiting = publishable(session, "审核中：想要更多的乒乓球台。")
    lifecycle.send_to_review(session, waiting, actor=actor(session, "facilitator"))
    session.commit()
    return ["还没审核", "审核中"]


def safeguarding_case(session):
    item = answer_it(session, publishable(session, "有安全个案：回家路上有陌生人跟着我。"),
                   "有个案的回复：我们会在路口安排人。")
    safeguarding.open_for_suggestion(session, item, thread=None, channel="form")
    session.commit()
    return ["有安全个案", "有个案的回复"]


CASES = [unconsented, urgent, declined, merged, consent_held, pending, safeguarding_case]
PAGES = ["/board?size=100", "/board/agencies", "/board/agencies?period=year",
         "/board/agencies?period=90"]


def _read(client, session) -> dict[str, str]:
    """The board, filtered to the agency and domain the cases went to, and the figures."""
    staff = account(session, STAFF)
    domain = load_plan("hengyang").route("schooling").domain
    filtered = [f"/board?size=100&agency={staff.agency_id}", f"/board?size=100&domain={domain}"]
    return {url: client.get(url).get_data(as_text=True) for url in PAGES + filtered}


def _public_figures(session):
    return (figures.for_plan(session, plan_id="hengyang", scope=public_condition()),
            figures.by_agency(session, plan_id="hengyang", scope=public_condition()))


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.__name__)
def test_an_item_that_may_not_be_public_changes_nothing_anyone_sees(client, session, case):
    before, counted = _read(client, session), _public_figures(session)
    markers = case(session)
    after = _read(client, session)
    for url, page in after.items():
        assert not any(marker in page for marker in markers), url
        assert page == before[url], f"{url} changed: the item shows or is counted"
    assert _public_figures(session) == counted


def test_the_board_never_shows_a_childs_nickname_even_when_the_answer_greets_them(client,
                                                                                  session):
    answer_it(session, publishable(session, "希望学校的饮水机多一台。"),
            "小明，谢谢你的建议！饮水机下个月加一台。")
    page = client.get("/board").get_data(as_text=True)
    assert "饮水机下个月加一台" in page
    assert "小明" not in page


def test_the_board_shows_the_reworded_text_never_the_childs_own_words(client, session):
    item = publishable(session, "我是三年二班的，我们班的窗户关不上，冬天好冷。")
    moderation.clarify(session, suggestion=item, text="有一间教室的窗户关不上，冬天很冷。",
                       account=account(session, "facilitator"))
    answer_it(session, item, "我们这周就派人修窗户。")
    page = client.get("/board").get_data(as_text=True)
    assert "有一间教室的窗户关不上" in page
    assert "三年二班" not in page and "我们班的窗户" not in page
