"""Issue 10, items 1, 7 and 14: a child's PIN cannot be guessed, however the form is dressed up.

The guard counts on what is actually authenticated: the child (invite code + nickname) in
the database, and the child, the group and the address in Flask-Limiter. Adding fields
such as ``username=`` changes nothing.
"""

from __future__ import annotations

import re
import secrets
from datetime import timedelta

import pytest

from models.common import utcnow
from models.people import accounts, pin_guard
from models.people.tables import Member

from .conftest import member


def _try(client, pin: str, nickname: str = "小明", code: str = "HYKIDS", **extra):
    return client.post("/signin/child", data={"invite_code": code, "nickname": nickname,
                                              "pin": pin, **extra})


def _signed_in(client) -> bool:
    return client.get("/me/").status_code == 200


def test_a_pin_brute_force_with_a_fresh_username_each_time_is_stopped(client, session):
    """The review's attack: wrong PINs, each with a random username=, then the right one."""
    answers = [_try(client, f"{n:04d}", username=secrets.token_hex(4)).status_code
               for n in range(5000, 5003)]
    assert answers == [200, 200, 429]
    right = _try(client, "1234", username=secrets.token_hex(4))
    assert right.status_code == 429 and "请过" in right.get_data(as_text=True)
    assert not _signed_in(client)
    more = {_try(client, f"{n:04d}", username=secrets.token_hex(4)).status_code
            for n in range(6000, 6200)}
    assert more == {429}
    assert _try(client, "1234", username="x").status_code == 429 and not _signed_in(client)
    session.refresh(kid := member(session))
    assert kid.pin_failures == 3, "attempts during the wait are refused before the PIN is read"


def test_the_wait_grows_then_a_lock_only_the_facilitator_lifts(session):
    kid, now = member(session), utcnow()
    waits = []
    for failure in range(1, pin_guard.LOCK_AFTER + 1):
        found = accounts.authenticate_child(session, "HYKIDS", "小明", "0000", now=now)
        assert found.member is None
        waits.append(found.barred.seconds if found.barred and not found.barred.locked else 0)
        if failure < pin_guard.LOCK_AFTER:
            now = kid.pin_wait_until or now  # wait it out, then try again
    assert waits[:2] == [0, 0] and waits[2] <= 31 and all(
        later >= 2 * earlier - 2 for earlier, later in zip(waits[2:-2], waits[3:-1], strict=True))
    years_later = now + timedelta(days=365)
    locked = accounts.authenticate_child(session, "HYKIDS", "小明", "1234", now=years_later)
    assert locked.member is None and locked.barred.locked
    pin_guard.lift(session, kid)
    assert accounts.authenticate_child(session, "HYKIDS", "小明", "1234").member is not None


def test_the_right_pin_clears_the_count(session):
    accounts.authenticate_child(session, "HYKIDS", "小明", "0000")
    accounts.authenticate_child(session, "HYKIDS", "小明", "0000")
    assert accounts.authenticate_child(session, "HYKIDS", "小明", "1234").member is not None
    assert member(session).pin_failures == 0


def test_guessing_names_is_limited_per_child_whatever_else_is_posted(app, client):
    """No member behind the name, so only the limiter stands: it keys on code + nickname."""
    app.config["SIGNIN_LIMIT"] = "5 per minute"
    answers = [_try(client, "1111", nickname="没有这个人", username=secrets.token_hex(4),
                    nickname2=secrets.token_hex(3)).status_code for _ in range(6)]
    assert answers == [200] * 5 + [429]


def test_guessing_across_a_group_is_limited_per_invite_code(app, client):
    app.config["SIGNIN_GROUP_LIMIT"] = "6 per minute"
    answers = [_try(client, "1111", nickname=f"孩子{n}").status_code for n in range(7)]
    assert answers == [200] * 6 + [429]


def test_guessing_from_one_address_is_limited(app, client):
    app.config["SIGNIN_ADDRESS_LIMIT"] = "6 per minute"
    answers = [_try(client, "1111", nickname=f"孩子{n}", code=f"NOPE{n}").status_code
               for n in range(7)]
    assert answers == [200] * 6 + [429]


def test_a_class_signing_in_together_from_one_address_is_not_stopped(app, session):
    """40 children behind one school address: successes never count against anyone."""
    group = member(session).group_id
    for n in range(40):
        session.add(Member(group_id=group, nickname=f"同学{n}", birth_year=2012, birth_month=3,
                           pin_hash=accounts.hash_secret(f"{1000 + n}")))
    session.commit()
    for n in range(40):
        browser = app.test_client()
        assert _try(browser, f"{1000 + n}", nickname=f"同学{n}").status_code == 302
        assert browser.post("/suggest/", data={
            "text": f"第{n}个想法：操场需要更多树荫", "plan_id": "hengyang",
            "idempotency_key": secrets.token_urlsafe(24)}).status_code == 303


@pytest.fixture
def facilitator(client, auth):
    auth.staff("facilitator")
    return client


def _lock(session, nickname="小明") -> Member:
    kid = member(session, nickname)
    kid.pin_failures, kid.pin_locked_at = pin_guard.LOCK_AFTER, utcnow()
    session.add(kid)
    session.commit()
    return kid


def test_the_facilitator_sees_the_lock_and_lifts_it(app, facilitator, session):
    kid = _lock(session)
    group_page = facilitator.get(f"/facilitator/groups/{kid.group_id}").get_data(as_text=True)
    assert "密码锁住了" in group_page
    page_url = f"/facilitator/groups/{kid.group_id}/members/{kid.id}"
    assert 'id="pin-locked"' in facilitator.get(page_url).get_data(as_text=True)
    assert facilitator.post(f"{page_url}/unlock").status_code == 302
    session.refresh(kid)
    assert kid.pin_locked_at is None and kid.pin_failures == 0
    assert _try(app.test_client(), "1234").status_code == 302


def test_a_new_pin_is_shown_once_and_the_old_one_stops_working(app, facilitator, session):
    kid = _lock(session)
    page_url = f"/facilitator/groups/{kid.group_id}/members/{kid.id}"
    shown = facilitator.post(f"{page_url}/pin").get_data(as_text=True)
    pin = re.search(r'id="new-pin">[^<]*<strong class="code">(\d{6})</strong>', shown).group(1)
    assert pin not in facilitator.get(page_url).get_data(as_text=True)
    child = app.test_client()
    assert _try(child, "1234").status_code == 200
    assert _try(child, pin).status_code == 302


def test_another_facilitator_cannot_unlock_or_reset(client, auth, session):
    kid = _lock(session)
    auth.staff("facilitator2")
    page_url = f"/facilitator/groups/{kid.group_id}/members/{kid.id}"
    assert client.post(f"{page_url}/unlock").status_code == 404
    assert client.post(f"{page_url}/pin").status_code == 404
    session.refresh(kid)
    assert kid.pin_locked_at is not None
