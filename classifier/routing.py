"""Which topics a city's plan sends to the same lead agency (abstention needs no doubt there).

The plan is any object with `route(topic).lead_agencies` (models.plans.plan.Plan), so the classifier
still imports nothing of the domain; intake, the classify command and evaluation share it.
"""

from collections.abc import Callable


def lead_set(plan, topic: str) -> frozenset[str]:
    """The lead agencies the plan names for a topic (the coordinator when it names none)."""
    return frozenset(plan.route(topic).lead_agencies)


def same_lead(plan) -> Callable[[str, str], bool]:
    """same_route(a, b): True when the plan gives topics a and b the same lead agencies."""
    leads: dict[str, frozenset[str]] = {}

    def same(a: str, b: str) -> bool:
        for topic in (a, b):
            if topic not in leads:
                leads[topic] = lead_set(plan, topic)
        return leads[a] == leads[b]

    return same
