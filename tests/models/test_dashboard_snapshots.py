"""Dashboard snapshots (SQLite and PostgreSQL): what the sweep counts ahead is what the page
would count itself, on the known history of ``test_dashboards``; an old snapshot is never
shown; and a held safeguarding case leaves nothing of itself in one."""

from datetime import datetime, timedelta

import pytest
from sqlmodel import select

from models.common import CHINA
from models.office import dashboard, figures, periods, rollup, snapshots
from models.office.snapshots import DashboardSnapshot
from models.settings import Settings, bind
from tests.flow import dispatched, new_suggestion
from tests.models.test_dashboard_rollup import _rounded
from tests.models.test_dashboards import _agency_id, city  # noqa: F401  (the fixture)
from tests.models.test_figures import NOW, story  # noqa: F401  (the fixture)

IN_MARCH = datetime(2031, 3, 20, 12, tzinfo=CHINA)


def _inline(session, name: str, now: datetime, agency_id: int | None = None):
    first, last = snapshots.days_of(name, now.astimezone(CHINA).date())
    if agency_id is None:
        return dashboard.build(session, plan_id="hengyang", first=first, last=last, now=now)
    return dashboard.build(session, plan_id="hengyang", first=first, last=last, now=now,
                           scope=figures.for_agency(agency_id),
                           keys=dashboard.AGENCY_BREAKDOWNS)


def _read(session, name: str, now: datetime, agency_id: int | None = None):
    first, last = snapshots.days_of(name, now.astimezone(CHINA).date())
    return snapshots.read(session, plan_id="hengyang", first=first, last=last, now=now,
                          agency_id=agency_id)


@pytest.mark.parametrize("summed", [False, True], ids=["counted", "from the rollup"])
def test_every_snapshot_equals_the_figures_counted_on_the_spot(city, summed):  # noqa: F811
    agencies = [None, _agency_id(city, "市教育局"), _agency_id(city, "市城市管理局")]
    for now in (IN_MARCH, NOW):
        if summed:                            # as the sweep does: the rollup first
            rollup.refresh(city, "hengyang", now=now)
        snapshots.refresh(city, "hengyang", now=now)
        for name in snapshots.PERIODS:
            for agency_id in agencies:
                kept = _read(city, name, now + timedelta(minutes=1), agency_id)
                assert kept.computed_at == now, (name, agency_id)
                counted = _inline(city, name, now, agency_id)     # as the sweep counted
                assert _rounded(kept.board) == _rounded(counted), (name, agency_id, now)
    year = _read(city, "year", NOW).board
    assert year.city.received == 9 and [f.label for f in year.ranking][0] == "市教育局"


def test_a_stale_snapshot_or_a_chosen_period_is_counted_again(city):  # noqa: F811
    snapshots.refresh(city, "hengyang", now=NOW)
    before = _inline(city, "all", NOW).city.received
    dispatched(city)                          # sent after the sweep: only a count now sees it
    later = NOW + timedelta(minutes=14)
    fresh = _read(city, "all", later)
    assert fresh.computed_at == NOW and fresh.board.city.received == before
    stale = _read(city, "all", NOW + timedelta(minutes=16))
    assert stale.computed_at is None and stale.board.city.received == before + 1
    # The age allowed is the site's setting.
    bind(city, Settings(snapshot_minutes=60))
    assert _read(city, "all", NOW + timedelta(minutes=16)).computed_at == NOW
    chosen = snapshots.read(city, plan_id="hengyang", first=NOW.date() - timedelta(days=40),
                            last=NOW.date(), now=later)
    assert chosen.computed_at is None
    # The next day the same name is other days: yesterday's 本周 is not shown.
    snapshots.refresh(city, "hengyang", now=NOW - timedelta(days=1))
    week = periods.preset("week", NOW.date())
    assert snapshots.read(city, plan_id="hengyang", first=week[0], last=week[1],
                          now=NOW - timedelta(days=1) + timedelta(hours=13)).computed_at is None


def test_the_sweep_counts_every_period_and_a_held_case_leaves_no_trace(city):  # noqa: F811
    urgent = new_suggestion(city, text="有人打我，我不敢回家。", urgent=True)
    assert urgent.urgent and not urgent.consent_to_publish     # kept for the safeguarding lead
    rollup.refresh(city, "hengyang", now=NOW)
    assert snapshots.refresh(city, "hengyang", now=NOW) == 5 * (1 + len(
        figures.agency_labels(city, "hengyang")))
    rollup.refresh(city, "hengyang", now=NOW + timedelta(minutes=8))
    snapshots.refresh(city, "hengyang", now=NOW + timedelta(minutes=8))
    kept = " ".join(city.exec(select(DashboardSnapshot.figures)).all())
    assert "不敢回家" not in kept and "小明" not in kept
    later = NOW + timedelta(minutes=8)
    assert _rounded(_read(city, "all", later).board) == _rounded(_inline(city, "all", later))
