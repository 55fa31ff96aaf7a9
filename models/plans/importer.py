"""Copy the plan files into rows, so the coordinator can edit agencies and contacts.

The files stay the source of the plan's structure; an import adds what is new and never
overwrites contacts a coordinator has typed in.
"""

from __future__ import annotations

from sqlmodel import Session, select

from models.plans.plan import Plan, load_all
from models.plans.tables import Agency, CityPlan


def import_plan(session: Session, plan: Plan) -> list[str]:
    """Add the plan and any agencies not yet known; return what changed."""
    changes = []
    if session.get(CityPlan, plan.id) is None:
        session.add(CityPlan(id=plan.id, city=plan.city, title=plan.title, period=plan.period,
                             coordinator=plan.coordinator))
        session.flush()
        changes.append(f"plan {plan.id}")
    known = set(session.exec(select(Agency.name).where(Agency.plan_id == plan.id)))
    for agency in plan.agencies:
        if agency.name not in known:
            session.add(Agency(plan_id=plan.id, name=agency.name, kind=agency.kind,
                               is_coordinator=agency.name == plan.coordinator))
            changes.append(f"agency {plan.id}/{agency.name}")
    return changes


def import_all(session: Session, *, commit: bool = True) -> list[str]:
    """Import every shipped plan; a dry run reports the changes and rolls them back."""
    changes = [change for plan in load_all() for change in import_plan(session, plan)]
    if commit:
        session.commit()
    else:
        session.rollback()
    return changes


def agency_by_name(session: Session, plan_id: str, name: str) -> Agency | None:
    query = select(Agency).where(Agency.plan_id == plan_id, Agency.name == name)
    return session.exec(query).first()
