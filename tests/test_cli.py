"""The `tongsheng` console script."""

from click.testing import CliRunner
from sqlmodel import Session, create_engine, func, select

from models.people import Account
from webapp.cli import cli


def test_plans_lists_the_five_seed_cities():
    result = CliRunner().invoke(cli, ["plans"])
    assert result.exit_code == 0
    for city in ["常州", "秀洲", "衡阳", "梅州", "大渡口"]:
        assert city in result.output


def test_plans_check_passes():
    result = CliRunner().invoke(cli, ["plans", "check"])
    assert result.exit_code == 0, result.output
    assert result.output.count(": ok") >= 5


def test_demo_loads_once_and_prints_every_role(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'demo.sqlite3'}"
    monkeypatch.setenv("DATABASE_URL", url)
    first = CliRunner().invoke(cli, ["demo"])
    second = CliRunner().invoke(cli, ["demo"])
    assert first.exit_code == 0, first.output
    assert second.exit_code == 0, second.output
    for role in ["coordinator", "facilitator", "agency_staff", "child"]:
        assert role in first.output
    with Session(create_engine(url)) as session:
        assert session.exec(select(func.count()).select_from(Account)).one() == 6
