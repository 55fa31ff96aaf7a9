"""Observer visits: rate a place item by item, and turn what needs work into suggestions."""

from datetime import date

import pytest

from models.councils import observation, visit_report
from models.councils.checklists import CHECKLISTS
from models.suggestions import moderation
from models.suggestions.status import Status
from tests.conftest import NOTICE
from tests.flow import account, observers


def test_every_place_the_plans_name_has_a_checklist():
    names = {c.name for c in CHECKLISTS.values()}
    assert names == {"公园", "学校及上学路", "医院", "图书馆", "社区",
                     "公共场所母婴室/儿童厕位", "公交站"}
    labels = {item.label for c in CHECKLISTS.values() for item in c.items}
    assert {"儿童厕位和洗手池", "母婴室", "适儿化标识", "安全过街", "遮阳避雨", "无障碍"} <= labels


def test_needs_work_items_become_suggestions_that_can_be_dispatched(session):
    facilitator = account(session, "facilitator")
    visit = observation.start(session, group=observers(session), checklist="bus_stop",
                              place_name="解放路公交站", visited_on=date(2026, 11, 2),
                              account=facilitator)
    observation.save(session, visit=visit, entries=[
        observation.Entry("shelter", "needs_work", "没有棚子，下雨全湿了"),
        observation.Entry("seats", "good"),
        observation.Entry("crossing", "needs_work", ""),
    ])
    made = observation.to_suggestions(session, visit=visit, account=facilitator)
    assert len(made) == 2 and all(s.group_id == visit.group_id for s in made)
    assert "解放路公交站" in made[0].original_text and "没有棚子" in made[0].original_text
    assert observation.to_suggestions(session, visit=visit, account=facilitator) == []
    for suggestion in made:
        moderation.approve(session, suggestion=suggestion, account=facilitator,
                           notice_version=NOTICE, consent_age=14)
        assert suggestion.status == Status.DISPATCHED


def test_a_rating_outside_the_three_is_refused(session):
    visit = observation.start(session, group=observers(session), checklist="park",
                              place_name="人民公园", visited_on=date(2026, 11, 2),
                              account=account(session, "facilitator"))
    with pytest.raises(observation.VisitProblem):
        observation.save(session, visit=visit, entries=[observation.Entry("play", "bad")])


def test_the_report_exports_as_word(session, tmp_path):
    visit = observation.start(session, group=observers(session), checklist="library",
                              place_name="市图书馆", visited_on=date(2026, 11, 2),
                              account=account(session, "facilitator"))
    assert visit_report.report_docx(session, visit)[:2] == b"PK"


def _observer_kid(session, nickname: str, pin: str = "2468"):
    from models.people import groups

    return groups.add_member(session, group=observers(session), nickname=nickname,
                             birth_year=2012, birth_month=3, pin=pin)


def test_children_record_a_visit_and_each_item_goes_back_to_the_child_who_rated_it(session):
    first, second = _observer_kid(session, "小海"), _observer_kid(session, "小树")
    visit = observation.start(session, group=observers(session), checklist="park",
                              place_name="雁峰公园", visited_on=date(2026, 11, 3), member=first)
    assert visit.started_by_member_id == first.id and visit.created_by_id is None
    observation.save(session, visit=visit, member=first,
                     entries=[observation.Entry("play", "needs_work", "秋千的链子生锈了")])
    observation.save(session, visit=visit, member=second,
                     entries=[observation.Entry("play", "needs_work", "秋千的链子生锈了"),
                              observation.Entry("shade", "needs_work", "没有地方躲太阳")])
    made = observation.to_suggestions(session, visit=visit, member=second)
    authors = {s.original_text.split("“")[1].split("”")[0]: s.member_id for s in made}
    assert authors == {"游乐设施": first.id, "遮阳避雨": second.id}
    assert all(s.entered_by_id is None for s in made)
    assert [s.id for s in moderation.review_queue(session, [observers(session)])] == \
        [s.id for s in made]


def test_a_visit_with_nothing_needing_work_makes_no_suggestion(session):
    visit = observation.start(session, group=observers(session), checklist="park",
                              place_name="人民公园", visited_on=date(2026, 11, 2),
                              member=_observer_kid(session, "小海"))
    observation.save(session, visit=visit, entries=[observation.Entry("play", "good")])
    with pytest.raises(observation.VisitProblem, match="需要改进"):
        observation.to_suggestions(session, visit=visit, member=_observer_kid(session, "小树"))


def test_the_report_exports_as_pdf_with_its_photos(session):
    import io

    from PIL import Image

    from models.files.photos import store_photo

    out = io.BytesIO()
    Image.new("RGB", (60, 40), (10, 120, 60)).save(out, format="JPEG")
    name = store_photo(session, out.getvalue())
    visit = observation.start(session, group=observers(session), checklist="bus_stop",
                              place_name="解放路公交站", visited_on=date(2026, 11, 2),
                              account=account(session, "facilitator"))
    observation.save(session, visit=visit,
                     entries=[observation.Entry("shelter", "needs_work", "没有棚子", name)])
    pdf = visit_report.report_pdf(session, visit)
    assert pdf.startswith(b"%PDF") and b"/Image" in pdf
