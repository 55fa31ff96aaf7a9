"""The `tongsheng` console script."""

from click.testing import CliRunner
from sqlmodel import Session, create_engine, func, select

from models.demo import DEMO_PASSWORD
from models.people.tables import Account
from webapp import create_app
from webapp.cli.commands import cli


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
        # coordinator, the second safeguarding lead, two facilitators, three agency contacts
        assert session.exec(select(func.count()).select_from(Account)).one() == 7
        leads = session.exec(select(Account.username).where(Account.is_safeguarding_lead))
        assert sorted(leads) == ["coordinator", "safeguarding"]


def test_demo_staff_sign_in_with_the_code_demo_code_prints(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'demo.sqlite3'}"
    monkeypatch.setenv("DATABASE_URL", url)
    loaded = CliRunner().invoke(cli, ["demo"])
    assert "tongsheng demo-code coordinator" in loaded.output
    code = CliRunner().invoke(cli, ["demo-code", "coordinator"]).output.strip()
    assert code.isdigit() and len(code) == 6
    app = create_app({"TESTING": True, "SECRET_KEY": "x", "DATABASE_URL": url,
                      "SESSION_COOKIE_SECURE": False, "RATELIMIT_STORAGE_URI": "memory://",
                      "WTF_CSRF_ENABLED": False})
    client = app.test_client()
    form = client.post("/signin/staff", data={"username": "coordinator",
                                              "password": DEMO_PASSWORD})
    assert form.headers["Location"].endswith("/signin/staff/code"), "the code is still asked for"
    signed_in = client.post("/signin/staff/code", data={"code": code})
    assert signed_in.status_code == 302 and "/coordinator/" in signed_in.headers["Location"]


def test_demo_code_never_shows_a_real_accounts_code(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'demo.sqlite3'}"
    monkeypatch.setenv("DATABASE_URL", url)
    CliRunner().invoke(cli, ["demo"])
    with Session(create_engine(url)) as session:
        real = session.exec(select(Account).where(Account.username == "coordinator")).one()
        real.email = "wang@city.gov.cn"
        session.add(real)
        session.commit()
    refused = CliRunner().invoke(cli, ["demo-code", "coordinator"])
    assert refused.exit_code != 0 and "not a demo staff account" in refused.output
