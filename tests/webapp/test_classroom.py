"""Classroom mode on a shared tablet: the facilitator hands it over, children take turns, and
each sign-out clears the browser and opens the sign-in for the next child."""

from tests.flow import council


def test_a_class_takes_turns_on_one_tablet(client, session, auth):
    group = council(session)
    auth.staff("facilitator")
    assert "在这台平板上开始课堂模式" in client.get(
        f"/facilitator/groups/{group.id}").get_data(as_text=True)
    started = client.post(f"/facilitator/groups/{group.id}/classroom")
    assert started.headers["Location"].endswith("/signin/child")
    assert client.get(f"/facilitator/groups/{group.id}").status_code in (302, 401, 403)

    signin = client.get("/signin/child").get_data(as_text=True)
    assert "课堂模式" in signin and f'value="{group.invite_code}"' in signin
    client.post("/signin/child", data={"invite_code": group.invite_code, "nickname": "小红",
                                       "pin": "2345"})
    assert "换下一位同学" in client.get("/me/").get_data(as_text=True)
    done = client.post("/signin/out")
    assert done.headers["Location"].endswith("/signin/child")
    assert done.headers["Clear-Site-Data"] == '"cache"'
    assert client.get("/me/").status_code in (302, 401, 403)

    ended = client.post("/classroom/end")
    assert "ts_classroom=;" in ended.headers["Set-Cookie"]


def test_without_classroom_mode_sign_out_goes_home_as_before(client, auth):
    auth.child()
    done = client.post("/signin/out")
    assert done.headers["Location"].endswith("/") and "Clear-Site-Data" not in done.headers
