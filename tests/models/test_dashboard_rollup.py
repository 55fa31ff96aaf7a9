"""The dashboards' per-day rollup (SQLite and PostgreSQL): any period a page asks for,
summed from the rollup and the rows it cannot know, equals the same dashboard counted on the
spot, on the known history of ``test_dashboards``, before and after the history changes
and the sweep catches up."""

from dataclasses import fields, replace
from datetime import date, timedelta

from sqlmodel import select

from models.office import dashboard, figures, periods, rollup, snapshots
from models.office.figures import Figures
from models.privacy import rights
from models.suggestions import corrections, lifecycle
from models.suggestions.status import Status
from models.suggestions.tables import Suggestion
from tests.flow import actor, answered, child, dispatched, member, new_suggestion
from tests.models.test_dashboards import _agency_id, city  # noqa: F401  (the fixture)
from tests.models.test_figures import NOW, _at, _step, story  # noqa: F401  (the fixture)

PERIODS = [(date(2031, 3, 1), date(2031, 3, 31)), (date(2031, 3, 3), date(2031, 3, 3)),
           (date(2031, 2, 1), date(2031, 4, 2)), (date(2031, 3, 4), date(2031, 3, 20)),
           (NOW.date() - timedelta(days=29), NOW.date()), (None, None)]


def _rounded(board: dashboard.Dashboard) -> dashboard.Dashboard:
    """The board with each day total to 9 decimals (a sum of days adds in another order)."""
    def each(rows: list[Figures]) -> list[Figures]:
        return [replace(f, **{x.name: round(getattr(f, x.name), 9) for x in fields(f)
                              if isinstance(getattr(f, x.name), float)}) for f in rows]
    return replace(board, city=each([board.city])[0], ranking=each(board.ranking),
                   trend=replace(board.trend, rows=each(board.trend.rows)),
                   breakdowns=[replace(b, rows=each(b.rows)) for b in board.breakdowns])


def _same_everywhere(session, counted_at) -> None:
    """Every period of PERIODS, for the city and two agencies, read a minute after the
    rollup was counted, equals the dashboard counted at that moment."""
    agencies = [None, _agency_id(session, "市教育局"), _agency_id(session, "市城市管理局")]
    for first, last in PERIODS:
        for agency_id in agencies:
            keys = dashboard.BREAKDOWNS if agency_id is None else dashboard.AGENCY_BREAKDOWNS
            scope = None if agency_id is None else figures.for_agency(agency_id)
            counted = dashboard.build(session, plan_id="hengyang", first=first, last=last,
                                      now=counted_at, scope=scope, keys=keys)
            summed = snapshots.read(session, plan_id="hengyang", first=first, last=last,
                                    now=counted_at + timedelta(minutes=1), agency_id=agency_id)
            assert summed.computed_at == counted_at, (first, last, agency_id)
            assert _rounded(summed.board) == _rounded(counted), (first, last, agency_id)


def _march(session, now):
    return snapshots.read(session, plan_id="hengyang", first=date(2031, 3, 1),
                          last=date(2031, 3, 31), now=now)


def test_any_period_from_the_rollup_equals_the_count_at_its_moment(city):  # noqa: F811
    with _at(10):
        library = answered(city)                 # answered on 10 March: nothing waits that day
    assert rollup.refresh(city, "hengyang", now=NOW) == -1          # counted whole
    city.commit()
    _same_everywhere(city, NOW)
    # E (signed 4 March, never answered) is answered and a new suggestion arrives: the
    # page shows what was counted, and says when, until the sweep's next run ...
    waiting = city.exec(select(Suggestion).where(
        Suggestion.status == Status.ACCEPTED, Suggestion.topic == "schooling",
        Suggestion.created_at >= periods.moment(date(2031, 3, 1)))).one()
    _step(city, 30, lifecycle.answer, waiting, actor=actor(city, "agency1"),
          child_text="我们在做了。", due_weight="already_done")
    dispatched(city)
    _step(city, 31, lifecycle.rate, library, actor=child(city), value="satisfied")
    later = NOW + timedelta(minutes=5)
    assert _march(city, later).board.city.adoption["already_done"] == 0
    # ... which counts only the changed days and those with a waiting suggestion again.
    assert rollup.refresh(city, "hengyang", now=later) == len(
        {date(2031, 3, 3), date(2031, 3, 10), *rollup.waiting_days(city, "hengyang")})
    city.commit()
    _same_everywhere(city, later)
    march = _march(city, later).board.city
    assert march.adoption["already_done"] == 1 and march.satisfaction.part == 3
    # A rollup older than the site allows is not shown: the page counts on the spot.
    stale = _march(city, later + timedelta(minutes=16))
    assert stale.computed_at is None and stale.board.city.received == 9


def _answered_by(session, nickname: str, topic: str):
    """A suggestion by this child, sent, signed and answered on the same day."""
    item = new_suggestion(session, nickname=nickname, topic=topic)
    lifecycle.approve(session, item, actor=actor(session, "facilitator"))
    lifecycle.accept(session, item, actor=actor(session, "agency1"))
    lifecycle.answer(session, item, actor=actor(session, "agency1"), child_text="好的。",
                     due_weight="adopted")
    session.commit()
    return item


def test_a_change_without_an_event_reaches_the_rollup_at_the_next_run(city):  # noqa: F811
    """A topic corrected and a child's data erased write no event: their days, where nothing
    waits, are counted again by the next run all the same."""
    with _at(10):
        library = _answered_by(city, "小明", "schooling")
    with _at(12):
        _answered_by(city, "乐乐", "schooling")
    assert rollup.refresh(city, "hengyang", now=NOW) == -1
    city.commit()
    corrections.record_topic_choice(city, library, "culture_sports", source="facilitator")
    rights.erase(city, member(city, "乐乐"))
    city.commit()
    later = NOW + timedelta(minutes=5)
    rollup.refresh(city, "hengyang", now=later)
    city.commit()
    _same_everywhere(city, later)
    board = _march(city, later).board
    topics = next(b for b in board.breakdowns if b.key == "topic")
    assert {f.key: f.received for f in topics.rows}.get("culture_sports") == 1
