"""Plans edited in the product: versions with who, what and why, rollback, and export."""

import tomllib

import pytest

from models.plans import plan as plans
from models.plans import versions
from models.plans.importer import agency_by_name
from models.plans.plan import Plan, load_plan
from models.plans.versions import PlanEditRefused
from models.suggestions.routing import current_assignments
from tests.flow import dispatched


@pytest.fixture(autouse=True)
def shipped_plans_again():
    """An edit lives in this process's plan registry: each test starts from the files."""
    yield
    plans._edited.clear()
    versions._seen.clear()


def _edit(session, **changes):
    values = dict(topic="schooling", task_id="7", lead=["市公安局"], partners=["市教育局"],
                  author_id=None, author="妇儿工委办 王老师", reason="学校周边安全归公安")
    return versions.edit_route(session, "hengyang", **{**values, **changes})


def test_an_edited_route_sends_new_items_to_the_new_lead_with_a_version(session):
    before = load_plan("hengyang").route("schooling")
    row = _edit(session)
    assert row.number == 1 and row.author == "妇儿工委办 王老师"
    assert "牵头" in row.changes and row.reason == "学校周边安全归公安"
    assert load_plan("hengyang").route("schooling").lead_agencies == ["市公安局"]
    item = dispatched(session)
    police = agency_by_name(session, "hengyang", "市公安局").id
    assert [a.agency_id for a in current_assignments(session, item) if a.role == "lead"] == [
        police]
    assert before.lead_agencies != ["市公安局"]


def test_rolling_back_restores_an_older_version_as_a_new_one(session):
    _edit(session)
    versions.edit_deadlines(session, "hengyang", sign_days=3, answer_days=10, author_id=None,
                            author="王老师", reason="加快答复")
    assert load_plan("hengyang").deadlines.answer_working_days == 10
    back = versions.roll_back(session, "hengyang", 1, author_id=None, author="王老师",
                              reason="期限改错了")
    assert back.number == 3 and back.changes.startswith("回到第 1 版")
    assert load_plan("hengyang").deadlines.answer_working_days == 15
    assert load_plan("hengyang").route("schooling").lead_agencies == ["市公安局"]
    versions.roll_back(session, "hengyang", 0, author_id=None, author="王老师", reason="全部还原")
    assert load_plan("hengyang") == plans.file_plan("hengyang")
    assert [v.number for v in versions.versions(session, "hengyang")] == [4, 3, 2, 1]


def test_a_bad_edit_is_refused_and_saves_nothing(session):
    for bad in (dict(reason=" "), dict(lead=[]), dict(lead=["不存在局"]), dict(task_id="999"),
                dict(lead=["市教育局"], partners=["市教育局"])):
        with pytest.raises(PlanEditRefused):
            _edit(session, **bad)
    assert versions.versions(session, "hengyang") == []
    with pytest.raises(PlanEditRefused, match="没有改动"):
        versions.edit_deadlines(session, "hengyang", sign_days=2, answer_days=15,
                                author_id=None, author="王老师", reason="试试")


def test_the_exported_toml_is_read_back_by_the_loader(session):
    _edit(session)
    exported = versions.to_toml(load_plan("hengyang"))
    again = Plan.model_validate(tomllib.loads(exported))
    assert again == load_plan("hengyang") and again.route("schooling").lead_agencies == [
        "市公安局"]


def test_another_process_follows_the_newest_version_and_a_fresh_database_the_file(session):
    _edit(session)
    plans._edited.clear()
    versions._seen.clear()                      # as a second node that has not synced yet
    assert load_plan("hengyang") == plans.file_plan("hengyang")
    versions.sync(session)
    assert load_plan("hengyang").route("schooling").lead_agencies == ["市公安局"]
