"""Staff lists at any size: paged in SQL, counted by count(*), scoped, in constant queries."""

from __future__ import annotations

import random
import re
from datetime import UTC

import pytest
from sqlalchemy import event, func
from sqlmodel import select

from benchmarks.scale.seed import PATHS, TABLES, Builder, City, Writer
from classifier.topics import TOPIC_IDS
from models.common import utcnow
from models.people.tables import Member
from models.privacy import scope
from models.suggestions import triage
from models.suggestions.tables import ReturnReview, Suggestion
from tests.flow import account, council

CODE = re.compile(r"TS-[0-9A-Z]{6,7}")
EVERY_PATH = list(PATHS)


def add_items(session, per_path: int, seed: int = 7) -> None:
    """``per_path`` suggestions of the demo council in every status, routed to agency1."""
    group = council(session)
    agency = account(session, "agency1")
    kids = list(session.exec(select(Member.id).where(Member.group_id == group.id)))
    route = ("学校教育", "T1", "学校里的事", [agency.agency_id], [])
    city = City("hengyang", dict.fromkeys(TOPIC_IDS, route), [(group.id, kids)],
                {agency.agency_id: agency.id})
    writer = Writer(session)
    builder = Builder(random.Random(seed), utcnow().astimezone(UTC),
                      {table: writer.next_id(table) for table in TABLES},
                      cycle=EVERY_PATH, urgent_share=0.2, public_share=0.0)
    for _ in range(per_path * len(EVERY_PATH)):
        builder.suggestion(city)
    for table, rows in builder.take().items():
        writer.write(table, TABLES[table], rows)
    writer.finish(list(TABLES))
    session.commit()


def _facilitator_group(session) -> str:
    return f"/facilitator/groups/{council(session).id}"


def _agency_dashboard(session) -> str:
    return f"/dashboards/agency/{account(session, 'agency1').agency_id}/"


PAGES = {
    "agency1": ["/agency/?tab=new", "/agency/?tab=overdue", "/agency/?tab=progress",
                "/agency/?tab=answered", _agency_dashboard],
    "coordinator": [f"/coordinator/?tab={tab}" for tab in
                    ("triage", "returned", "reopened", "review", "overdue", "all")]
    + ["/safeguarding/", "/coordinator/dashboard/"],
    "facilitator": ["/facilitator/", "/facilitator/review/", _facilitator_group],
}


def _codes(page: str) -> list[str]:
    return list(dict.fromkeys(CODE.findall(page)))


def _queries(app, client, url: str) -> int:
    seen = []
    engine = app.extensions["engine"]
    listener = lambda *_args: seen.append(1)  # noqa: E731
    event.listen(engine, "before_cursor_execute", listener)
    try:
        assert client.get(url).status_code == 200
    finally:
        event.remove(engine, "before_cursor_execute", listener)
    return len(seen)


def _measured(app, client, auth, session) -> dict[str, int]:
    counts = {}
    for who, urls in PAGES.items():
        auth.staff(who)
        for url in urls:
            url = url(session) if callable(url) else url
            counts[url] = _queries(app, client, url + ("&" if "?" in url else "?") + "size=100")
        auth.signout()
    return counts


def test_every_staff_list_runs_the_same_queries_for_5_or_50_items(app, client, auth, session):
    add_items(session, 5)
    few = _measured(app, client, auth, session)
    add_items(session, 45, seed=8)
    many = _measured(app, client, auth, session)
    assert few == many


def test_page_two_shows_the_next_items_in_the_same_order(client, auth, session):
    add_items(session, 5)
    auth.staff("coordinator")
    whole = _codes(client.get("/coordinator/?tab=all&size=100").get_data(as_text=True))
    first = _codes(client.get("/coordinator/?tab=all").get_data(as_text=True))
    second = _codes(client.get("/coordinator/?tab=all&page=2").get_data(as_text=True))
    assert len(first) == len(second) == 20
    assert whole[:40] == first + second


def test_the_tab_counts_are_the_number_of_items_in_each_tab(client, auth, session):
    add_items(session, 5)
    auth.staff("coordinator")
    page = client.get("/coordinator/?tab=returned&size=100").get_data(as_text=True)
    # 退单待改派: sent back by every lead, or by one co-lead whose reason awaits review.
    waiting = select(ReturnReview.suggestion_id).where(ReturnReview.state == "pending")
    returned = session.exec(select(func.count()).select_from(Suggestion).where(
        Suggestion.plan_id == "hengyang",
        (Suggestion.status == "returned") | Suggestion.id.in_(waiting))).one()
    counted = triage.counts(session, account(session, "coordinator"))["returned"]
    assert counted == returned == len(_codes(page))
    assert f'<span class="count">{returned}</span>' in page


def test_the_pager_names_pages_in_chinese_and_keeps_the_tab(client, auth, session):
    add_items(session, 10)
    auth.staff("agency1")
    page = client.get("/agency/?tab=answered").get_data(as_text=True)
    assert "下一页" in page and "每页" in page and "tab=answered" in page
    total = int(re.search(r"共 (\d+) 条", page).group(1))
    last = client.get(f"/agency/?tab=answered&page={(total + 19) // 20}").get_data(as_text=True)
    assert "上一页" in last and "下一页" not in last


@pytest.mark.parametrize("size", ["7", "100000", "-1", "abc"])
def test_an_odd_page_size_falls_back_to_twenty(client, auth, session, size):
    add_items(session, 5)
    auth.staff("coordinator")
    page = client.get(f"/coordinator/?tab=all&size={size}&page=x").get_data(as_text=True)
    assert len(_codes(page)) == 20


def test_another_agency_sees_none_of_them_on_any_page(client, auth, session):
    add_items(session, 5)
    ours = {code for code in session.exec(scope.agency_suggestions(account(session, "agency1"))
                                          .with_only_columns(Suggestion.tracking_code))
            if len(code) == 10}  # the seeded ones, routed to agency1 only
    assert ours
    auth.staff("agency2")
    for tab in ("new", "overdue", "progress", "answered"):
        page = client.get(f"/agency/?tab={tab}&size=100").get_data(as_text=True)
        assert not ours & set(_codes(page))


def test_the_open311_list_runs_the_same_queries_for_5_or_50_items(app, client, session):
    url = "/open311/v2/requests.json?jurisdiction_id=hengyang"
    add_items(session, 5)
    few, shown = _queries(app, client, url), len(client.get(url).get_json())
    add_items(session, 45, seed=8)
    assert _queries(app, client, url) == few and len(client.get(url).get_json()) > shown > 0


def _board_items(page: str) -> int:
    return page.count('<li class="card board-item">')


def test_the_public_board_runs_the_same_queries_for_5_or_50_items(app, client, session):
    agency = account(session, "agency1").agency_id
    urls = ["/board?size=100", f"/board?size=100&agency={agency}", "/board/agencies"]
    add_items(session, 5)
    few = {url: _queries(app, client, url) for url in urls}
    shown = _board_items(client.get(urls[1]).get_data(as_text=True))
    add_items(session, 45, seed=8)
    assert {url: _queries(app, client, url) for url in urls} == few
    assert _board_items(client.get(urls[1]).get_data(as_text=True)) > shown > 0


def test_the_board_counts_exactly_the_items_it_lists_page_by_page(client, session):
    add_items(session, 25)
    agency = account(session, "agency1").agency_id
    totals = []
    for query in ("", f"&agency={agency}"):
        first = client.get(f"/board?page=1{query}").get_data(as_text=True)
        total = int(re.search(r"一共有 (\d+) 条建议", first).group(1))
        codes = [_board_items(client.get(f"/board?page={page}{query}").get_data(as_text=True))
                 for page in range(1, (total + 19) // 20 + 1)]
        assert sum(codes) == total > 0
        totals.append(total)
    assert totals[0] > 20  # more than one page
