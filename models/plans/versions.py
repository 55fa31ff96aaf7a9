"""Plans edited in the product: every change is a new version (who, when, what, why), any
version can be restored, and the file the city started from stays version 0.

A version keeps the whole plan as JSON, so restoring one is copying it forward. The plan in
force is the newest version, or the shipped file when there is none; ``sync`` puts it where
``load_plan`` finds it, so routing, deadlines and pages all read the edited plan. Every web
request and queue job calls ``sync`` (one small query), so all nodes follow an edit.
"""

from __future__ import annotations

from datetime import datetime

import tomli_w
from sqlalchemy import func
from sqlmodel import Field, Session, SQLModel, select

from models.common import utcnow
from models.plans import plan as plans
from models.plans.check import check_plan
from models.plans.importer import import_plan
from models.plans.plan import COORDINATOR, LOCAL_KINDS, Agency, Plan, load_plan

# The newest version id of each plan this process has loaded, so sync reads only what changed.
_seen: dict[str, int] = {}


class PlanVersion(SQLModel, table=True):
    """One saved state of a city's plan, with who made it and why."""

    __tablename__ = "plan_version"

    id: int | None = Field(default=None, primary_key=True)
    plan_id: str = Field(foreign_key="city_plan.id", index=True, max_length=40)
    number: int
    content: str
    changes: str = Field(default="", max_length=4000)
    reason: str = Field(max_length=1000)
    author_id: int | None = Field(default=None, foreign_key="account.id")
    author: str = Field(max_length=120)
    created_at: datetime = Field(default_factory=utcnow)


class PlanEditRefused(ValueError):
    """An edit that would break the plan, in words the coordinator can act on."""


def versions(session: Session, plan_id: str) -> list[PlanVersion]:
    query = select(PlanVersion).where(PlanVersion.plan_id == plan_id)
    return list(session.exec(query.order_by(PlanVersion.number.desc())))


def sync(session: Session) -> None:
    """Make ``load_plan`` return each plan's newest version (or its file when none)."""
    newest = dict(session.exec(select(PlanVersion.plan_id, func.max(PlanVersion.id))
                               .group_by(PlanVersion.plan_id)).all())
    for plan_id, version_id in newest.items():
        if _seen.get(plan_id) != version_id:
            row = session.get(PlanVersion, version_id)
            plans.use_edited(plan_id, Plan.model_validate_json(row.content))
            _seen[plan_id] = version_id
    for plan_id in set(_seen) - set(newest):
        plans.use_edited(plan_id, None)
        del _seen[plan_id]


def _words(old: Plan, new: Plan) -> str:
    """What changed, one line per route, task or deadline, in the coordinator's words."""
    lines = []
    for topic in sorted(set(old.routes) | set(new.routes)):
        if old.routes.get(topic) != new.routes.get(topic):
            lines.append(f"主题 {topic}：任务 {old.routes.get(topic, '—')} → "
                         f"{new.routes.get(topic, '—')}")
    before = {t.id: t for t in old.tasks}
    for task in new.tasks:
        was = before.get(task.id)
        if was and (was.lead, was.partners) != (task.lead, task.partners):
            lines.append(f"任务 {task.id}：牵头 {'、'.join(was.lead)} → {'、'.join(task.lead)}；"
                         f"配合 {'、'.join(was.partners) or '—'} → "
                         f"{'、'.join(task.partners) or '—'}")
    lines += _agency_words(old, new)
    if old.deadlines != new.deadlines:
        lines.append(f"期限：签收 {old.deadlines.sign_working_days} → "
                     f"{new.deadlines.sign_working_days} 个工作日，答复 "
                     f"{old.deadlines.answer_working_days} → "
                     f"{new.deadlines.answer_working_days} 个工作日")
    return "\n".join(lines)


def _agency_words(old: Plan, new: Plan) -> list[str]:
    before, after = set(old.agency_names()), set(new.agency_names())
    return ([f"添加单位：{a.name}" for a in new.agencies if a.name not in before]
            + [f"去掉单位：{a.name}" for a in old.agencies if a.name not in after])


def _save(session: Session, old: Plan, new: Plan, *, author_id: int | None, author: str,
          reason: str, changes: str | None = None) -> PlanVersion:
    reason = (reason or "").strip()
    if not reason:
        raise PlanEditRefused("请写下为什么要改，以后查得到。")
    problems = check_plan(new)
    if problems:
        raise PlanEditRefused("改完的方案有问题：" + "；".join(problems))
    changes = changes if changes is not None else _words(old, new)
    if not changes:
        raise PlanEditRefused("没有改动任何内容。")
    number = len(versions(session, new.id)) + 1
    row = PlanVersion(plan_id=new.id, number=number, content=new.model_dump_json(),
                      changes=changes[:4000], reason=reason[:1000], author_id=author_id,
                      author=author)
    session.add(row)
    session.flush()
    sync(session)
    return row


def edit_route(session: Session, plan_id: str, *, topic: str, task_id: str, lead: list[str],
               partners: list[str], author_id: int | None, author: str,
               reason: str) -> PlanVersion:
    """Route a topic to a task (or the coordinator) and set that task's lead and partners."""
    sync(session)
    old = load_plan(plan_id)
    known = set(old.agency_names())
    if task_id != COORDINATOR and old.task(task_id) is None:
        raise PlanEditRefused("请从方案里选一个任务。")
    if task_id != COORDINATOR and not lead:
        raise PlanEditRefused("请至少选一个牵头部门。")
    if set(lead) & set(partners):
        raise PlanEditRefused("同一个部门不能既牵头又配合。")
    if not set(lead) | set(partners) <= known:
        raise PlanEditRefused("请从方案里的部门中选择。")
    routes = {**old.routes, topic: task_id}
    tasks = [t.model_copy(update={"lead": list(lead), "partners": list(partners)})
             if t.id == task_id else t for t in old.tasks]
    new = old.model_copy(update={"routes": routes, "tasks": tasks})
    return _save(session, old, new, author_id=author_id, author=author, reason=reason)


def edit_deadlines(session: Session, plan_id: str, *, sign_days: int, answer_days: int,
                   author_id: int | None, author: str, reason: str) -> PlanVersion:
    """Change the working days an agency has to sign and to answer."""
    sync(session)
    old = load_plan(plan_id)
    if not (1 <= sign_days <= 30 and 1 <= answer_days <= 120):
        raise PlanEditRefused("签收 1 到 30 个工作日，答复 1 到 120 个工作日。")
    deadlines = old.deadlines.model_copy(update={"sign_working_days": sign_days,
                                                 "answer_working_days": answer_days})
    new = old.model_copy(update={"deadlines": deadlines})
    return _save(session, old, new, author_id=author_id, author=author, reason=reason)


def add_local_office(session: Session, plan_id: str, *, name: str, kind: str,
                     author_id: int | None, author: str, reason: str) -> PlanVersion:
    """Name a district or street office (属地) in the plan, so routes and 派单 can use it."""
    sync(session)
    old = load_plan(plan_id)
    name = (name or "").strip()
    if kind not in LOCAL_KINDS:
        raise PlanEditRefused("请选择区县或街道。")
    if not name or len(name) > 120:
        raise PlanEditRefused("请写下单位的全称（120 个字以内）。")
    if name in old.agency_names():
        raise PlanEditRefused("方案里已经有这个单位了。")
    new = old.model_copy(update={"agencies": [*old.agencies, Agency(name=name, kind=kind)]})
    row = _save(session, old, new, author_id=author_id, author=author, reason=reason)
    import_plan(session, new)
    session.flush()
    return row


def local_offices(plan: Plan) -> list[Agency]:
    """The plan's 属地 offices, in the order they were added."""
    return [agency for agency in plan.agencies if agency.kind in LOCAL_KINDS]


def roll_back(session: Session, plan_id: str, number: int, *, author_id: int | None,
              author: str, reason: str) -> PlanVersion:
    """Restore version ``number`` (0 is the shipped file) as a new version."""
    sync(session)
    old = load_plan(plan_id)
    if number == 0:
        target = plans.file_plan(plan_id)
    else:
        row = session.exec(select(PlanVersion).where(PlanVersion.plan_id == plan_id,
                                                     PlanVersion.number == number)).first()
        if row is None:
            raise PlanEditRefused("没有这个版本。")
        target = Plan.model_validate_json(row.content)
    changes = _words(old, target)
    return _save(session, old, target, author_id=author_id, author=author,
                 reason=f"回到第 {number} 版：{(reason or '').strip()}" if reason.strip() else "",
                 changes=f"回到第 {number} 版\n{changes}" if changes else None)


def to_toml(plan: Plan) -> str:
    """The plan as a TOML file ``load_plan`` reads back (defaults and all)."""
    return tomli_w.dumps(plan.model_dump(mode="json", exclude_none=True))
