"""Breach drill (P2019 第二十一条, PIPL 第五十七条): list the guardians to notify, fast.

Usage: python scripts/breach_drill.py [--plan ID] [--group ID ...] [--since 2026-01-01]
Reads DATABASE_URL (default: the instance SQLite). Prints JSON: each affected child (by
nickname and group), the guardian on record (who, how consent was given), and the
facilitator who reaches that guardian, since TongSheng stores no guardian phone numbers.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import date, datetime
from datetime import time as day_start
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlmodel import Session, select  # noqa: E402

from models.db import make_engine  # noqa: E402
from models.people.tables import Account, Group, GroupFacilitator, GuardianConsent, Member  # noqa: E402


def affected(session: Session, *, plan_id: str | None = None, group_ids: list[int] | None = None,
             since: date | None = None) -> list[dict]:
    """One row per affected child: who to tell, and through whom."""
    query = select(Member, Group).join(Group, Group.id == Member.group_id)
    if plan_id:
        query = query.where(Group.plan_id == plan_id)
    if group_ids:
        query = query.where(Group.id.in_(group_ids))
    if since:
        query = query.where(Member.joined_at >= datetime.combine(since, day_start.min))
    rows = []
    for member, group in session.exec(query.order_by(Group.id, Member.id)):
        consents = session.exec(select(GuardianConsent).where(
            GuardianConsent.member_id == member.id).order_by(GuardianConsent.id)).all()
        contacts = session.exec(select(Account).join(
            GroupFacilitator, GroupFacilitator.account_id == Account.id).where(
            GroupFacilitator.group_id == group.id)).all()
        rows.append({
            "group": group.name, "child": member.nickname,
            "guardians": sorted({f"{c.given_by}（{c.method}）" for c in consents}) or ["未登记"],
            "reach_through": [{"name": a.display_name, "email": a.email} for a in contacts]})
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=None)
    parser.add_argument("--plan", default=None)
    parser.add_argument("--group", type=int, action="append", default=None)
    parser.add_argument("--since", type=date.fromisoformat, default=None)
    args = parser.parse_args(argv)
    from webapp import create_app

    url = args.database_url or create_app().config["DATABASE_URL"]
    started = time.monotonic()
    engine = make_engine(url)
    with Session(engine) as session:
        rows = affected(session, plan_id=args.plan, group_ids=args.group, since=args.since)
    engine.dispose()
    report = {"affected_children": len(rows), "rows": rows,
              "seconds": round(time.monotonic() - started, 3),
              "next_steps": ["立即止损并保全日志", "向网信部门报告", "通过辅导员逐一告知监护人",
                             "告知孩子可拨打 12355"]}
    sys.stdout.write(json.dumps(report, ensure_ascii=False, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
