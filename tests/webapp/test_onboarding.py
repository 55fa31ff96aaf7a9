"""Nothing vanishes, on the coordinator's pages and on the command line: the agencies with no
account, the warning on an item, and staff onboarded from a sheet with errors per row."""

import io

from click.testing import CliRunner
from sqlmodel import Session, create_engine, func, select

from models.people.tables import Account
from models.plans.importer import agency_by_name
from models.suggestions import lifecycle
from tests.flow import actor, dispatched
from webapp.cli import cli

GOOD = "部门,姓名,用户名,邮箱\n市公安局,张警官,police1,zhang@example.cn\n"
BAD = "部门,姓名,用户名,邮箱\n市公安局,张警官,police1,zhang@example.cn\n市不存在局,李四,x,\n"


def _upload(client, text: str, only_check: bool):
    data = {"sheet": (io.BytesIO(text.encode("utf-8-sig")), "staff.csv")}
    if only_check:
        data["only_check"] = "y"
    return client.post("/coordinator/agencies/staff-import", data=data,
                       content_type="multipart/form-data")


def test_an_item_sent_to_an_agency_without_an_account_warns_on_its_page(client, auth, session):
    item = dispatched(session)
    lifecycle.return_(session, item, actor=actor(session, "agency1"), category="职能不符",
                      text="建议改派市公安局。")
    session.commit()
    auth.staff("coordinator")
    police = agency_by_name(session, "hengyang", "市公安局").id
    client.post(f"/coordinator/items/{item.id}/agencies", data={"leads": [police]})
    page = client.get(f"/coordinator/items/{item.id}").get_data(as_text=True)
    assert 'id="no-account"' in page and "请打电话联系它" in page
    board = client.get("/coordinator/agencies/no-account").get_data(as_text=True)
    assert "市公安局" in board and "市教育局</a>" not in board


def test_a_sheet_is_checked_row_by_row_then_imported(client, auth, session):
    auth.staff("coordinator")
    checked = _upload(client, BAD, only_check=False)
    page = checked.get_data(as_text=True)
    assert checked.status_code == 400 and "本市规划里没有“市不存在局”" in page
    assert "用户名要 3 到 40 个" in page
    assert session.exec(select(Account).where(Account.username == "police1")).first() is None
    previewed = _upload(client, GOOD, only_check=True)
    assert previewed.status_code == 200 and "没问题" in previewed.get_data(as_text=True)
    assert session.exec(select(Account).where(Account.username == "police1")).first() is None
    made = _upload(client, GOOD, only_check=False).get_data(as_text=True)
    assert "初始密码" in made and "police1" in made
    assert session.exec(select(Account).where(Account.username == "police1")).one().agency_id


def test_only_the_coordinator_onboards(client, auth):
    auth.staff("agency1")
    assert client.get("/coordinator/agencies/staff-import").status_code in (302, 403, 404)


def test_the_command_imports_a_sheet_or_lists_each_bad_row(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    monkeypatch.setenv("DATABASE_URL", url)
    bad, good = tmp_path / "bad.csv", tmp_path / "good.csv"
    bad.write_text(BAD, encoding="utf-8")
    good.write_text(GOOD, encoding="utf-8")
    refused = CliRunner().invoke(cli, ["agency-staff", "import", str(bad)])
    assert refused.exit_code != 0 and "第 3 行" in refused.output
    done = CliRunner().invoke(cli, ["agency-staff", "import", str(good)])
    assert done.exit_code == 0, done.output
    assert done.output.startswith("police1\t张警官\t市公安局\t")
    with Session(create_engine(url)) as session:
        assert session.exec(select(func.count()).select_from(Account)).one() == 1
