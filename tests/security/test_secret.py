"""The session secret (issue 12): from the environment in production, the same on every node;
a per-node file only for the single-machine SQLite site the README starts."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from webapp import MissingSecret, create_app

POSTGRES = "postgresql+psycopg://nobody@127.0.0.1:1/never"  # never connected to


@pytest.fixture
def no_secret(monkeypatch, tmp_path):
    monkeypatch.delenv("TONGSHENG_SECRET_KEY", raising=False)
    monkeypatch.delenv("TONGSHENG_PRODUCTION", raising=False)
    monkeypatch.delenv("FLASK_DEBUG", raising=False)
    monkeypatch.setattr("flask.Flask.auto_find_instance_path",
                        lambda _app: str(tmp_path / "instance"))
    return tmp_path / "instance" / "secret_key"


def test_the_single_machine_site_keeps_one_secret_across_restarts(no_secret, tmp_path):
    first = create_app({"DATABASE_URL": f"sqlite:///{tmp_path}/x.sqlite3"})
    again = create_app({"DATABASE_URL": f"sqlite:///{tmp_path}/x.sqlite3"})
    assert first.config["SECRET_KEY"] == again.config["SECRET_KEY"] == no_secret.read_text()
    assert no_secret.stat().st_mode & 0o777 == 0o600
    for app in (first, again):
        app.extensions["engine"].dispose()


@pytest.mark.parametrize("config", [{"DATABASE_URL": POSTGRES},
                                    {"DATABASE_URL": "sqlite://", "PRODUCTION": True}])
def test_production_without_the_environment_secret_is_refused(no_secret, config):
    with pytest.raises(MissingSecret, match="TONGSHENG_SECRET_KEY"):
        create_app(config)
    assert not no_secret.exists(), "no per-node secret file is made"


def test_serve_refuses_to_start_in_production_without_the_secret(no_secret, monkeypatch):
    from webapp.cli import server
    from webapp.cli.commands import cli

    monkeypatch.setenv("DATABASE_URL", POSTGRES)
    monkeypatch.setattr(server, "run_gunicorn", lambda *a, **k: pytest.fail("it started"))
    result = CliRunner().invoke(cli, ["serve"])
    assert result.exit_code != 0 and "TONGSHENG_SECRET_KEY" in result.output
    assert not no_secret.exists()


def test_every_node_signs_with_the_environment_secret(monkeypatch, tmp_path):
    monkeypatch.setenv("TONGSHENG_SECRET_KEY", "the-same-on-every-node")
    nodes = [create_app({"DATABASE_URL": f"sqlite:///{tmp_path}/x.sqlite3",
                         "PRODUCTION": True}) for _ in range(2)]
    assert {app.config["SECRET_KEY"] for app in nodes} == {"the-same-on-every-node"}
    for app in nodes:
        app.extensions["engine"].dispose()
