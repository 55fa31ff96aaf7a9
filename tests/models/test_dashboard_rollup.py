"""The dashboards' per-day rollup (SQLite and PostgreSQL): any period a page asks for,
summed from the rollup and the rows it cannot know, equals the same dashboard counted on the
spot, on the known history of ``test_dashboards``, before and after the history changes
and the sweep catches up."""

from dataclasses import fields, replace
from datetime import date, timedelta

from sqlmodel import select

from models.office import dashboard, figures, periods, rollup, snapshots
from models.office.figures import Figures
from models.suggestions import lifecycle
from models.suggestions.status import Status
from models.suggestions.tables import Suggestion
from tests.flow import actor, dispatched
from tests.models.test_dashboards import _agency_id, city  # noqa: F401  (the fixture)
from tests.models.test_figures import NOW, _step, story  # noqa: F401  (the fixture)

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


def _same_everywhere(session, now) -> None:
    agencies = [None, _agency_id(session, "市教育局"), _agency_id(session, "市城市管理局")]
    for first, last in PERIODS:
        for agency_id in agencies:
            keys = dashboard.BREAKDOWNS if agency_id is None else dashboard.AGENCY_BREAKDOWNS
            scope = None if agency_id is None else figures.for_agency(agency_id)
            counted = dashboard.build(session, plan_id="hengyang", first=first, last=last,
                                      now=now, scope=scope, keys=keys)
            summed = snapshots.read(session, plan_id="hengyang", first=first, last=last,
                                    now=now, agency_id=agency_id).board
            assert _rounded(summed) == _rounded(counted), (first, last, agency_id)


def test_any_period_from_the_rollup_equals_the_count_on_the_spot(city):  # noqa: F811
    assert rollup.refresh(city, "hengyang", now=NOW) == -1          # built whole
    city.commit()
    assert city.exec(select(rollup.DashboardDay)).first() is not None
    _same_everywhere(city, NOW)
    # After the sweep: E (signed 4 March, never answered) is answered, and a new
    # suggestion arrives today. The page sees it at once ...
    waiting = city.exec(select(Suggestion).where(
        Suggestion.status == Status.ACCEPTED, Suggestion.topic == "schooling",
        Suggestion.created_at >= periods.moment(date(2031, 3, 1)))).one()
    _step(city, 30, lifecycle.answer, waiting, actor=actor(city, "agency1"),
          child_text="我们在做了。", due_weight="already_done")
    dispatched(city)
    _same_everywhere(city, NOW)
    # ... and the sweep counts only the changed days again, then the page reads them kept.
    assert rollup.refresh(city, "hengyang", now=NOW + timedelta(minutes=5)) == 2
    city.commit()
    assert rollup.changed_days(city, "hengyang",
                               city.get(rollup.DashboardRollupMark, "hengyang").event_id) == []
    _same_everywhere(city, NOW + timedelta(minutes=5))
    march = snapshots.read(city, plan_id="hengyang", first=date(2031, 3, 1),
                           last=date(2031, 3, 31), now=NOW).board
    assert march.city.received == 8 and march.city.adoption["already_done"] == 1
