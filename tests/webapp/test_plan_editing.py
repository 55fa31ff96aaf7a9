"""The coordinator edits the plan in the browser; `tongsheng plans export` writes it back out."""

import tomllib

import pytest
from click.testing import CliRunner

from models.plans import plan as plans
from models.plans import versions
from models.plans.plan import Plan
from webapp.cli import cli


@pytest.fixture(autouse=True)
def shipped_plans_again():
    yield
    plans._edited.clear()
    versions._seen.clear()


def test_the_coordinator_edits_a_route_and_rolls_it_back(client, auth):
    auth.staff("coordinator")
    form = client.get("/coordinator/plan/routes/schooling").get_data(as_text=True)
    assert "市教育局" in form and "交给方案里的哪项任务" in form
    refused = client.post("/coordinator/plan/routes/schooling",
                          data={"task": "6", "lead": ["市公安局"], "reason": ""})
    assert refused.status_code == 400
    saved = client.post("/coordinator/plan/routes/schooling", data={
        "task": "6", "lead": ["市公安局"], "partners": ["市教育局"], "reason": "试点"})
    assert saved.status_code == 302
    page = client.get("/coordinator/plan/").get_data(as_text=True)
    assert "第 1 版" in page and "试点" in page and "妇儿工委办 王老师" in page
    assert "牵头 市教育局 → 市公安局" in page
    client.post("/coordinator/plan/versions/0/restore", data={"reason": "试点结束"})
    page = client.get("/coordinator/plan/").get_data(as_text=True)
    assert "第 2 版" in page and "回到第 0 版" in page


def test_deadlines_are_edited_with_a_reason(client, auth):
    auth.staff("coordinator")
    assert client.post("/coordinator/plan/deadlines", data={
        "sign_days": 99, "answer_days": 10, "reason": "x"}).status_code == 400
    client.post("/coordinator/plan/deadlines", data={"sign_days": 3, "answer_days": 10,
                                                     "reason": "加快答复"})
    assert "答复 15 → 10 个工作日" in client.get("/coordinator/plan/").get_data(as_text=True)


def test_plans_export_writes_toml_the_loader_accepts(tmp_path, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'x.sqlite3'}")
    target = tmp_path / "hengyang.toml"
    result = CliRunner().invoke(cli, ["plans", "export", "hengyang", "-o", str(target)])
    assert result.exit_code == 0, result.output
    again = Plan.model_validate(tomllib.loads(target.read_text(encoding="utf-8")))
    assert again == plans.file_plan("hengyang")
    assert CliRunner().invoke(cli, ["plans", "export", "nowhere"]).exit_code != 0


def test_a_street_office_joins_the_plan_and_can_lead_a_route(client, auth):
    auth.staff("coordinator")
    saved = client.post("/coordinator/plan/local-offices", data={
        "office-name": "先锋街道办事处", "office-kind": "street",
        "office-reason": "先锋街道的儿童之家归街道管"})
    assert saved.status_code == 302
    page = client.get("/coordinator/plan/").get_data(as_text=True)
    assert "先锋街道办事处（街道）" in page and "添加单位：先锋街道办事处" in page
    form = client.get("/coordinator/plan/routes/community").get_data(as_text=True)
    assert "先锋街道办事处" in form
    assert "先锋街道办事处" in plans.load_plan("hengyang").agency_names()
    client.post("/coordinator/plan/versions/0/restore", data={"reason": "撤回"})
    page = client.get("/coordinator/plan/").get_data(as_text=True)
    assert "去掉单位：先锋街道办事处" in page


@pytest.mark.parametrize("data, problem", [
    ({"name": "", "kind": "street", "reason": "试点"}, "请写下单位的全称"),
    ({"name": "先锋街道办事处", "kind": "street", "reason": ""}, "请写下为什么要改"),
    ({"name": "先锋街道办事处", "kind": "province", "reason": "试点"}, "has-error"),
    ({"name": "市教育局", "kind": "district", "reason": "试点"}, "方案里已经有这个单位了"),
])
def test_a_bad_local_office_is_refused_and_keeps_what_was_typed(client, auth, data, problem):
    auth.staff("coordinator")
    refused = client.post("/coordinator/plan/local-offices",
                          data={f"office-{key}": value for key, value in data.items()})
    page = refused.get_data(as_text=True)
    assert refused.status_code == 400 and problem in page
    if data["reason"]:
        assert f'value="{data["reason"]}"' in page
    assert "先锋街道办事处" not in plans.load_plan("hengyang").agency_names()
