"""Two forms on one staff page must not share an element id: a label finds the first box
with its id, so a clerk typing the reason for a 延期 would fill the 退单 box instead (and a
screen reader would read the wrong label)."""

import re
from collections import Counter

import pytest

from tests.flow import accepted, answered, returned


def _repeated_ids(html: str) -> list[str]:
    return [found for found, n in Counter(re.findall(r'\sid="([^"]+)"', html)).items() if n > 1]


@pytest.mark.parametrize("make, who, path", [
    (accepted, "agency1", "/agency/items/{id}"),
    (accepted, "coordinator", "/coordinator/items/{id}"),
    (answered, "coordinator", "/coordinator/items/{id}"),
    (returned, "coordinator", "/coordinator/items/{id}"),
    (answered, "agency1", "/agency/items/{id}"),
])
def test_no_staff_item_page_repeats_an_id(client, auth, session, make, who, path):
    item = make(session)
    auth.staff(who)
    page = client.get(path.format(id=item.id))
    assert page.status_code == 200
    assert _repeated_ids(page.get_data(as_text=True)) == []


def test_no_plan_page_repeats_an_id(client, auth):
    auth.staff("coordinator")
    assert _repeated_ids(client.get("/coordinator/plan/").get_data(as_text=True)) == []
