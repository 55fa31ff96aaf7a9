"""Adults never message a child privately: every word staff send is on a suggestion or a meeting.

The rule is kept by construction — there is no staff route that takes words for a child
except on a suggestion's thread, a meeting, a visit or a safeguarding case, and each of
those writes to a history the group's facilitator can read.
"""

import pytest
from sqlmodel import select

from models.people.tables import Account, Role
from models.suggestions import lifecycle
from models.suggestions.tables import Assignment
from tests.flow import actor, dispatched

# Staff POST endpoints that are not tied to a suggestion, meeting, visit or case. None of
# them carries words to a child; a new one must be added here only after checking that.
NO_WORDS_FOR_A_CHILD = {
    "facilitator.new_group", "facilitator.edit_group", "facilitator.new_code",
    "facilitator.new_member",  # nickname, birth month and PIN only
    "facilitator.record_consent", "facilitator.remove_member",  # a choice, no text
    "facilitator.unlock", "facilitator.new_pin",  # a button; the new PIN is shown to staff
    "meetings.new",  # the agenda is shown to the whole room, never to one child
    "observer.visits",
    "admin.agency", "admin.new_account", "admin.set_active",
    "accesslog.reason",  # why staff opened a record: kept for audit, never shown to a child
    "export_jobs.start",  # a spreadsheet for the coordinator
    "safeguarding_leads.add", "safeguarding_leads.remove",  # who is on duty, no text
    "classroom.start",  # a button: the tablet turns into the group's classroom tablet
    "onboarding.staff_import_page",  # a sheet of agency staff accounts
    "plan_editing.deadlines", "plan_editing.route", "plan_editing.restore",  # the city's plan
    "api_keys.issue", "api_keys.revoke",  # keys for other systems
    "plan_editing.local_office",  # a district or street office named in the plan
    "places_admin.add", "places_admin.edit", "places_admin.import_table",  # places on the map
}
THREADED = ("suggestion_id", "meeting_id", "visit_id", "case_id")


def _staff_posts(app):
    for rule in app.url_map.iter_rules():
        access = getattr(app.view_functions[rule.endpoint], "access", "")
        if access.startswith("staff") and "POST" in rule.methods:
            yield rule


def test_no_staff_route_sends_words_to_a_child_outside_a_thread_or_meeting(app):
    loose = [rule.endpoint for rule in _staff_posts(app)
             if not set(THREADED) & set(rule.arguments)
             and rule.endpoint not in NO_WORDS_FOR_A_CHILD]
    assert loose == []
    names = " ".join(f"{r.endpoint} {r.rule}" for r in app.url_map.iter_rules()).lower()
    for word in ("message", "/dm", "private", "inbox/child", "whisper"):
        assert word not in names


def test_no_staff_route_addresses_one_child_with_text(app):
    for rule in _staff_posts(app):
        if "member_id" in rule.arguments:
            assert rule.endpoint in {"facilitator.record_consent", "facilitator.remove_member",
                                     "facilitator.unlock", "facilitator.new_pin"}


def _agency_login(session, suggestion) -> str:
    query = (select(Account.username).join(Assignment, Assignment.agency_id == Account.agency_id)
             .where(Assignment.suggestion_id == suggestion.id, Assignment.is_current,
                    Account.role == Role.AGENCY_STAFF))
    return session.exec(query).first()


def test_what_an_agency_says_to_a_child_is_logged_and_the_facilitator_sees_it(client, session,
                                                                               auth):
    suggestion = dispatched(session)
    auth.staff(_agency_login(session, suggestion))
    client.post(f"/agency/items/{suggestion.id}/note", data={"text": "我们下周去学校看看。"})
    lifecycle.accept(session, suggestion, actor=actor(session, _agency_login(session, suggestion)))
    lifecycle.answer(session, suggestion, actor=actor(session, _agency_login(session, suggestion)),
                     child_text="谢谢你！下学期每个班多加一份菜。", due_weight="adopted")
    session.commit()
    auth.signout()
    auth.staff("facilitator")
    client.post(f"/staff/access/reason/suggestion/{suggestion.id}", data={"reason": "meeting"})
    page = client.get(f"/facilitator/review/{suggestion.group_id}/{suggestion.id}")
    text = page.get_data(as_text=True)
    assert "我们下周去学校看看。" in text and "谢谢你！下学期每个班多加一份菜。" in text
    actions = [e.action for e in lifecycle.history(session, suggestion.id)]
    assert {"comment", "answer"} <= set(actions)


@pytest.mark.parametrize("who", ["facilitator", "agency1", "coordinator"])
def test_staff_cannot_write_into_a_childs_chat(app, client, auth, who):
    auth.child()
    first = client.post("/chat/new/turn", json={"text": "校门口要有红绿灯", "seq": 0})
    conversation = first.get_json()["urls"]["turn"].split("/")[2]
    staff = app.test_client()
    staff.post("/signin/staff", data={"username": who, "password": "TongSheng-demo-2026"})
    for path in (f"/chat/{conversation}", f"/chat/{conversation}/say"):
        response = staff.post(path, data={"text": "悄悄告诉你"}) if path.endswith("say") \
            else staff.get(path)
        assert response.status_code == 404, path
