"""`tongsheng agency-staff import FILE`: agency staff of a city onboarded from a sheet."""

from __future__ import annotations

from pathlib import Path

import click
from sqlmodel import Session


@click.group("agency-staff")
def agency_staff() -> None:
    """Onboard agency staff (部门工作人员) in bulk."""


@agency_staff.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--plan", "plan_id", default=None, help="the city's plan id (default: the site's)")
@click.option("--check", "only_check", is_flag=True, help="check every row, create nobody")
def import_file(file: Path, plan_id: str | None, only_check: bool) -> None:
    """Create one account per row of a .csv or .xlsx (部门, 姓名, 用户名, 邮箱).

    Every row is checked first; if any is wrong, each problem is printed with its line and
    nothing is created. New accounts' first passwords are printed once.
    """
    from models.people import staff_import
    from webapp.cli.prepared import prepared_app

    app = prepared_app()
    plan_id = plan_id or app.config["DEFAULT_PLAN"]
    with Session(app.extensions["engine"], expire_on_commit=False) as session:
        try:
            rows = staff_import.check(session, plan_id,
                                      staff_import.read_sheet(file.read_bytes(), file.name))
        except staff_import.SheetProblem as problem:
            raise click.ClickException(str(problem)) from problem
        bad = [row for row in rows if row.problems]
        for row in bad:
            click.echo(f"第 {row.line} 行（{row.username or '?'}）：{'；'.join(row.problems)}",
                       err=True)
        if bad:
            raise click.ClickException(f"有 {len(bad)} 行需要改，什么都没有导入。")
        if only_check:
            click.echo(f"{len(rows)} 行都没有问题（--check：没有创建账号）。")
            return
        made_accounts = staff_import.import_staff(session, plan_id, rows)
        session.commit()
        for made in made_accounts:
            click.echo(f"{made.username}\t{made.name}\t{made.agency}\t{made.password}")
