"""Onboarding agency staff in bulk from a CSV or Excel sheet, with a reason for every bad row.

The sheet has one person per row under the headers 部门, 姓名, 用户名, 邮箱 (English headers
agency, name, username, email are read too). Every row is checked first; if any row is wrong,
nothing is created, so a file can be fixed and sent again without leaving half a city behind.
Each new account gets a random first password, shown once to whoever imported the file.
"""

from __future__ import annotations

import csv
import io
import re
import secrets
from dataclasses import dataclass, field

from sqlmodel import Session, select

from models.people.accounts import create_account
from models.people.tables import Account, Role
from models.plans.tables import Agency

HEADERS = {"部门": "agency", "姓名": "name", "用户名": "username", "邮箱": "email",
           "agency": "agency", "name": "name", "username": "username", "email": "email"}
NEEDED = ("agency", "name", "username")
USERNAME = re.compile(r"^[A-Za-z0-9_.-]{3,40}$")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
MAX_ROWS = 2000


class SheetProblem(ValueError):
    """The file as a whole cannot be read (wrong type, no header, too long)."""


@dataclass
class Row:
    """One person of the sheet, with the line it came from and what is wrong with it."""

    line: int
    agency: str = ""
    name: str = ""
    username: str = ""
    email: str = ""
    problems: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Created:
    username: str
    name: str
    agency: str
    password: str


def _cells(data: bytes, filename: str) -> list[list[str]]:
    """Every row of the first sheet as text, whichever format it came in."""
    if filename.lower().endswith(".xlsx"):
        from openpyxl import load_workbook

        try:
            sheet = load_workbook(io.BytesIO(data), read_only=True, data_only=True).worksheets[0]
        except Exception as error:  # noqa: BLE001  (any broken workbook is one message)
            raise SheetProblem("这个 Excel 文件打不开，请另存为 .xlsx 再试。") from error
        return [["" if v is None else str(v).strip() for v in row]
                for row in sheet.iter_rows(values_only=True)]
    if filename.lower().endswith(".csv"):
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("gb18030", errors="replace")
        return [[cell.strip() for cell in row] for row in csv.reader(io.StringIO(text))]
    raise SheetProblem("请上传 .csv 或 .xlsx 文件。")


def read_sheet(data: bytes, filename: str) -> list[Row]:
    """The people in the file, one ``Row`` each (blank lines skipped)."""
    cells = _cells(data, filename)
    if not cells:
        raise SheetProblem("文件是空的。")
    columns = [HEADERS.get(name.strip().lower(), HEADERS.get(name.strip(), ""))
               for name in cells[0]]
    missing = [name for name in NEEDED if name not in columns]
    if missing:
        raise SheetProblem("第一行要有这几列：部门、姓名、用户名（邮箱可选）。")
    if len(cells) - 1 > MAX_ROWS:
        raise SheetProblem(f"一次最多导入 {MAX_ROWS} 人。")
    rows = []
    for line, values in enumerate(cells[1:], start=2):
        if not any(values):
            continue
        found = Row(line=line)
        for key, value in zip(columns, values, strict=False):
            if key:
                setattr(found, key, value)
        rows.append(found)
    return rows


def check(session: Session, plan_id: str, rows: list[Row]) -> list[Row]:
    """Fill in each row's problems: unknown agency, taken or repeated username, bad e-mail."""
    agencies = dict(session.exec(select(Agency.name, Agency.id).where(
        Agency.plan_id == plan_id)).all())
    taken = set(session.exec(select(Account.username).where(
        Account.username.in_([r.username for r in rows]))).all())
    seen: set[str] = set()
    for row in rows:
        if not row.agency:
            row.problems.append("没有填部门")
        elif row.agency not in agencies:
            row.problems.append(f"本市规划里没有“{row.agency}”，请照方案里的名称写")
        if not row.name:
            row.problems.append("没有填姓名")
        elif len(row.name) > 80:
            row.problems.append("姓名太长")
        if not USERNAME.match(row.username):
            row.problems.append("用户名要 3 到 40 个英文字母、数字或 _ . -")
        elif row.username in taken:
            row.problems.append(f"用户名 {row.username} 已经有人用了")
        elif row.username in seen:
            row.problems.append(f"用户名 {row.username} 在文件里出现了两次")
        seen.add(row.username)
        if row.email and not EMAIL.match(row.email):
            row.problems.append("邮箱格式不对")
    return rows


def import_staff(session: Session, plan_id: str, rows: list[Row]) -> list[Created]:
    """Create every account, or none if any row has a problem (then raises SheetProblem)."""
    check(session, plan_id, rows)
    bad = [r for r in rows if r.problems]
    if bad:
        raise SheetProblem(f"有 {len(bad)} 行需要改，什么都没有导入。")
    if not rows:
        raise SheetProblem("文件里没有人。")
    agencies = dict(session.exec(select(Agency.name, Agency.id).where(
        Agency.plan_id == plan_id)).all())
    created = []
    for row in rows:
        password = "-".join(secrets.token_urlsafe(4) for _ in range(3))
        create_account(session, username=row.username, display_name=row.name,
                       password=password, role=Role.AGENCY_STAFF, plan_id=plan_id,
                       agency_id=agencies[row.agency], email=row.email)
        created.append(Created(row.username, row.name, row.agency, password))
    session.flush()
    return created
