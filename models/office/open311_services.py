"""What an Open311 client reads before it posts: services, their definitions, discovery.

A service is a topic of the city's plan. Every service has the same two attributes, both
about the child rather than the topic: whether the child agrees that the suggestion may be
shown publicly, and the child's age, which decides whether that agreement is enough.
"""

from __future__ import annotations

from models.office.open311 import Open311Error

SPECIFICATION = "http://wiki.open311.org/GeoReport_v2"
CHANGESET = "2026-12-06T00:00:00+08:00"
FORMATS = ["application/json", "text/xml"]
CONSENT, AGE = "consent_to_publish", "child_age"
YES, NO = "yes", "no"
ATTRIBUTES = [
    {"variable": True, "code": CONSENT, "datatype": "singlevaluelist", "required": False,
     "datatype_description": "yes | no", "order": 1,
     "description": "孩子同意把这条建议（不带名字）公开在“你说我办”上吗？不填就是不公开。",
     "values": [{"key": YES, "name": "同意公开"}, {"key": NO, "name": "不公开"}]},
    {"variable": True, "code": AGE, "datatype": "number", "required": False,
     "datatype_description": "6 到 18 之间的整数", "order": 2,
     "description": "孩子几岁？只用来判断孩子自己的同意够不够：不满 14 岁要监护人同意，"
                    "接口里没法确认，所以不会公开。年龄不保存。"},
]


def services(plan_id: str) -> list[dict]:
    """One service per topic, described by the task of this plan that owns it."""
    from classifier.topics import TOPIC_IDS, TOPIC_LABELS
    from models.plans.plan import load_plan

    plan = load_plan(plan_id)
    out = []
    for topic in TOPIC_IDS:
        route = plan.route(topic)
        out.append({"service_code": topic, "service_name": TOPIC_LABELS[topic],
                    "description": route.task_title or f"由{plan.coordinator}统筹办理",
                    "metadata": True, "type": "realtime", "keywords": topic,
                    "group": route.domain or plan.coordinator})
    return out


def service_definition(plan_id: str, code: str) -> dict:
    """GET services/{code}: the attributes a POST for this service may carry."""
    if code not in {service["service_code"] for service in services(plan_id)}:
        raise Open311Error(404, f"unknown service_code {code}")
    return {"service_code": code, "attributes": ATTRIBUTES}


def discovery(base_url: str, key_contact: str) -> dict:
    """The discovery document: where the endpoint is, what it speaks, how to get a key."""
    return {"changeset": CHANGESET,
            "contact": "TongSheng 童声 Open311: ask the city's coordinator (妇儿工委办)",
            "key_service": key_contact,
            "endpoints": [{"specification": SPECIFICATION, "url": base_url.rstrip("/"),
                           "changeset": CHANGESET, "type": "production", "formats": FORMATS}]}
