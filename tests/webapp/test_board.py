"""The public board 你说我办 and the agencies' figures, as the public reads them."""

import re

from models.office import figures
from tests.flow import account, answer_it, publishable


def _items(page: str) -> list[str]:
    return re.findall(r'<li class="card board-item">(.*?)</li>', page, re.S)


def test_anyone_reads_the_answered_suggestions_without_signing_in(client):
    home = client.get("/").get_data(as_text=True)
    assert 'href="/board"' in home and 'href="/board/agencies"' in home
    response = client.get("/board")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "希望图书馆周末晚上也开门" in page          # the demo's answered, consented items
    assert "下个月开始试一试" in page and "部分采纳" in page


def _total(client, query: str = "") -> int:
    page = client.get("/board" + query).get_data(as_text=True)
    found = re.search(r"一共有 (\d+) 条建议", page)
    return int(found.group(1)) if found else 0


def test_the_board_narrows_to_one_agency_and_one_domain(client, session):
    answer_it(session, publishable(session, "希望学校的操场晚上也开放。"), "操场周末开放。")
    education = account(session, "agency1").agency_id
    only = _items(client.get(f"/board?agency={education}").get_data(as_text=True))
    assert any("操场" in item for item in only)
    assert all("市教育局 回复了" in item for item in only)
    domain = "推进成长空间友好，提升城市空间品质和服务水平"
    narrowed = _items(client.get("/board", query_string={"domain": domain}).get_data(as_text=True))
    assert narrowed and all(domain in item for item in narrowed)
    assert not any("操场" in item for item in narrowed)
    assert _total(client, "?agency=99999&domain=nothing&page=x") == _total(client)


def test_the_board_is_cut_into_pages_in_the_database(client, session):
    for number in range(21 - _total(client)):
        answer_it(session, publishable(session, f"第{number}条：希望教室里多一些绿植。"))
    first = client.get("/board").get_data(as_text=True)
    second = client.get("/board?page=2").get_data(as_text=True)
    assert len(_items(first)) == 20 and len(_items(second)) == 1
    assert "一共有 21 条建议得到了回复" in first and 'rel="next"' in first
    assert _items(second)[0] not in _items(first)
    # "下一页" carries where the next page starts (a far page costs what the first does);
    # it shows the same items as the page number alone, and the page size carries over.
    following = re.search(r'rel="next" href="([^"]+)"', first).group(1).replace("&amp;", "&")
    assert "after=" in following and "page=2" in following
    assert _items(client.get(following).get_data(as_text=True)) == _items(second)
    assert "after=" not in client.get("/board?page=2").get_data(as_text=True)


def test_each_agency_shows_its_rates_with_how_they_are_counted(client):
    page = client.get("/board/agencies").get_data(as_text=True)
    for definition in figures.DEFINITIONS:
        assert definition.name in page and definition.meaning in page
    card = re.search(r"<h2>市文旅广体局</h2>(.*?)</li>", page, re.S).group(1)
    answered = re.search(r"按期办结率</dt><dd>(.*?)</dd>", card, re.S).group(1)
    assert "100%" in answered and "（2/2）" in answered
    assert "🛠️ 已经在做 1" in card                    # the demo's 体育馆 answer
    assert client.get("/board/agencies?period=90&plan=nowhere").status_code == 200


def test_the_board_reads_in_english(client):
    client.get("/language/en")
    page = client.get("/board/agencies").get_data(as_text=True)
    assert "How these figures are counted" in page and "Signed on time" in page
    assert "按期签收率" not in page
