"""Cross-references in a plan file: every topic routed, every agency known, no empty task.

The pydantic models in ``plan`` check each part's shape; these checks need the whole plan,
and report problems as sentences rather than raise, so a broken file can still be listed.
"""

from __future__ import annotations

from collections import Counter

from classifier.topics import TOPIC_IDS
from models.plans.plan import COORDINATOR, Plan, load_plan, plan_ids


def _duplicates(values: list[str]) -> list[str]:
    return sorted(v for v, n in Counter(values).items() if n > 1)


def check_plan(plan: Plan) -> list[str]:
    """Every cross-reference problem in a plan, as readable sentences; [] means usable."""
    problems: list[str] = []
    for label, ids in (
        ("domain", [d.id for d in plan.domains]),
        ("action", [a.id for a in plan.actions]),
        ("task", [t.id for t in plan.tasks]),
        ("agency", plan.agency_names()),
    ):
        problems += [f"duplicate {label} id {v!r}" for v in _duplicates(ids)]
    domain_ids = {d.id for d in plan.domains}
    actions = {a.id: a for a in plan.actions}
    agencies = set(plan.agency_names())
    if plan.coordinator not in agencies:
        problems.append(f"coordinator {plan.coordinator!r} is not in [[agencies]]")
    for a in plan.actions:
        if a.domain not in domain_ids:
            problems.append(f"action {a.id}: unknown domain {a.domain!r}")
    for t in plan.tasks:
        problems += _task_problems(t, domain_ids, actions, agencies)
    return problems + _route_problems(plan)


def _task_problems(t, domain_ids: set[str], actions: dict, agencies: set[str]) -> list[str]:
    problems = []
    if not t.title.strip():
        problems.append(f"task {t.id}: no title")
    if not t.lead:
        problems.append(f"task {t.id}: no lead agency")
    if t.domain not in domain_ids:
        problems.append(f"task {t.id}: unknown domain {t.domain!r}")
    if t.action is not None:
        action = actions.get(t.action)
        if action is None:
            problems.append(f"task {t.id}: unknown action {t.action!r}")
        elif action.domain != t.domain:
            problems.append(f"task {t.id}: action {t.action} is in domain {action.domain}")
    for name in _duplicates(t.lead + t.partners):
        problems.append(f"task {t.id}: agency {name!r} listed twice")
    for name in t.lead + t.partners:
        if name not in agencies:
            problems.append(f"task {t.id}: agency {name!r} is not in [[agencies]]")
    return problems


def _route_problems(plan: Plan) -> list[str]:
    """Every topic routed somewhere real, and no route for a topic that does not exist."""
    problems = []
    for topic in TOPIC_IDS:
        target = plan.routes.get(topic)
        if target is None:
            problems.append(f"topic {topic!r} has no route")
        elif target != COORDINATOR and plan.task(target) is None:
            problems.append(f"topic {topic!r} routes to unknown task {target!r}")
    for key in sorted((set(plan.routes) | set(plan.route_notes)) - set(TOPIC_IDS)):
        problems.append(f"route for unknown topic {key!r}")
    return problems


def check_all() -> dict[str, list[str]]:
    """Problems per plan id, including a file whose ``id`` differs from its name."""
    result: dict[str, list[str]] = {}
    for plan_id in plan_ids():
        plan = load_plan(plan_id)
        problems = check_plan(plan)
        if plan.id != plan_id:
            problems.insert(0, f"file {plan_id}.toml declares id {plan.id!r}")
        result[plan_id] = problems
    return result
