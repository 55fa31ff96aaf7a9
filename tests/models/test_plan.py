"""The five seed plans load, pass their checks, and route to the units the documents name.

The pinned facts below were read from /work/shared/seeds/*; each quotes the line it rests on.
"""

from __future__ import annotations

import pytest

from classifier.topics import TOPIC_IDS
from models.plans.check import check_all, check_plan
from models.plans.plan import (
    PLAN_DIR,
    Plan,
    Route,
    UnknownPlan,
    load_all,
    load_plan,
    plan_ids,
)

SEEDS = ["changzhou", "dadukou", "hengyang", "meizhou", "xiuzhou"]

# plan, task, a fragment of its title, lead, partners ("、"-joined as the plans write them;
# None: partners not pinned). Each comment quotes the source line the fact rests on.
PINNED_TASKS = [
    # 常州 4.推进婴幼儿托育服务体系建设 …(市卫健委牵头,
    #   市发改委、市教育局、市资源规划局、市公安局、市住建局、市财政局参与)
    (
        "changzhou",
        "4",
        "托育",
        "市卫健委",
        "市发改委、市教育局、市资源规划局、市公安局、市住建局、市财政局",
    ),
    # 常州 3.推动儿童积极参与城市生活 …(市政府妇儿工委办、市妇联牵头,
    #   市委宣传部、市教育局、市民政局、市资源规划局、市文广旅局、团市委参与)
    (
        "changzhou",
        "3",
        "儿童积极参与",
        "市政府妇儿工委办、市妇联",
        "市委宣传部、市教育局、市民政局、市资源规划局、市文广旅局、团市委",
    ),
    # 常州 9.丰富儿童文体服务供给 …(市文广旅局、市体育局、市教育局牵头,市委宣传部参与)
    ("changzhou", "9", "文体", "市文广旅局、市体育局、市教育局", "市委宣传部"),
    # 常州 12.提升残疾儿童康复服务水平 …(市残联牵头,市民政局、市卫健委、市教育局参与)
    ("changzhou", "12", "残疾儿童", "市残联", "市民政局、市卫健委、市教育局"),
    # 常州 10.加强困境儿童分类保障 …(市民政局牵头,
    #   市财政局、市卫健委、市医保局、团市委参与)
    ("changzhou", "10", "困境儿童", "市民政局", "市财政局、市卫健委、市医保局、团市委"),
    # 秀洲 (60)做好儿童欺凌防治工作 牵头单位:区公安分局
    #   配合单位:区教育体育局、区法院、区检察院、团区委、区妇联
    ("xiuzhou", "60", "欺凌", "区公安分局", "区教育体育局、区法院、区检察院、团区委、区妇联"),
    # 秀洲 (63)开展青少年普法与宣教工作 牵头单位:区司法局
    #   配合单位:区法院、区检察院、区教育体育局、区公安分局
    ("xiuzhou", "63", "普法", "区司法局", "区法院、区检察院、区教育体育局、区公安分局"),
    # 秀洲 (54)加大儿童用户量集中的网络平台日常监管和治理
    #   牵头单位:区委网信办 配合单位:区教育体育局、区公安分局
    ("xiuzhou", "54", "网络平台", "区委网信办", "区教育体育局、区公安分局"),
    # 秀洲 (34)构建全龄段儿童友好室内和户外公共空间
    #   牵头单位:区妇儿工委 力、区住建局 (「力」 is a scrape of 「办」)
    ("xiuzhou", "34", "公共空间", "区妇儿工委办、区住建局", None),
    # 秀洲 (41)完善儿童活动场所周边交通安全管理措施 牵头单位:区公安分局
    #   配合单位:…区交通运输局、区综[page break]合执法局
    (
        "xiuzhou",
        "41",
        "交通安全",
        "区公安分局",
        "区教育体育局、区资规分局、区住建局、区交通运输局、区综合执法局",
    ),
    # 秀洲 (2)培育各级各类儿童观察团组织 牵头单位:区妇儿工委办
    #   配合单位:区妇联、各镇(街道)   (各镇(街道) is not kept as an agency)
    ("xiuzhou", "2", "儿童观察团", "区妇儿工委办", "区妇联"),
    # 衡阳 任务22:拓展上下学智慧安全路径工程 牵头单位:市城市管理局、市交通运输局
    #   参与单位:市住房和城乡建设局、市教育局、市公安局、各县(市)区、高新区
    (
        "hengyang",
        "22",
        "上下学",
        "市城市管理局、市交通运输局",
        "市住房和城乡建设局、市教育局、市公安局",
    ),
    # 衡阳 任务30:强化儿童食品、药品、用品安全监管 牵头单位:市市场监管局
    #   (the annex garbles it as 「市场监管和管理局」) 参与单位:市教育局、市公安局
    ("hengyang", "30", "用品安全", "市市场监管局", "市教育局、市公安局"),
    # 衡阳 任务31:净化儿童网络环境 牵头单位:市委宣传部、市委网信办
    #   参与单位:市教育局、市公安局
    ("hengyang", "31", "网络环境", "市委宣传部、市委网信办", "市教育局、市公安局"),
    # 衡阳 任务17:常态化开展儿童参与社会公共活动 牵头单位:市文旅广体局、团市委
    ("hengyang", "17", "儿童参与", "市文旅广体局、团市委", None),
    # 衡阳 任务29:开展儿童权利保护法治教育 牵头单位:市司法局
    #   参与单位:市委政法委、市公安局、市教育局、市民政局、团市委、市妇联
    (
        "hengyang",
        "29",
        "法治教育",
        "市司法局",
        "市委政法委、市公安局、市教育局、市民政局、团市委、市妇联",
    ),
    # 衡阳 任务28:完善家庭教育指导服务体系 牵头单位:市妇联、市教育局
    #   参与单位:市文明办、市平安办、市民政局、市财政局
    ("hengyang", "28", "家庭教育", "市妇联、市教育局", "市文明办、市平安办、市民政局、市财政局"),
    # 梅州 附件1-3 指标55 儿童议事会:
    #   市教育局、市文化广电旅游局、团市委、市科协、市妇联等
    ("meizhou", "22", "儿童参与", "市教育局、市文化广电旅游局、团市委、市科协、市妇联", None),
    # 梅州 附件1-1 工程6 普惠托育服务工程: 市卫生健康局
    ("meizhou", "8", "托育", "市卫生健康局", None),
    # 梅州 附件1-1 工程5 儿童友好社区工程:
    #   市民政局、市住房城乡建设局、市妇联按职责分工负责
    ("meizhou", "14", "社区", "市民政局、市住房城乡建设局、市妇联", None),
    # 梅州 附件1-3 指标41 慢行交通系统占出行比例:
    #   市住房城乡建设局、市交通运输局、市公安局
    ("meizhou", "15", "出行", "市住房城乡建设局、市交通运输局、市公安局", None),
    # 梅州 附件1-3 指标36–38 残疾儿童康复: 市残联
    ("meizhou", "11", "残疾儿童", "市残联", None),
    # 梅州 附件1-3 指标47–48 家长学校或家庭教育指导服务站点: 市妇联、市教育局
    ("meizhou", "18", "家教家风", "市妇联、市教育局", None),
    # 大渡口 专栏一 指标25 普惠托育服务机构数量, 指标26 托位数: 区卫健委
    ("dadukou", "4.2", "托育", "区卫健委", None),
    # 大渡口 专栏一 指标27 儿童参加城乡居民基本医疗保险覆盖率: 区医保局
    ("dadukou", "4.1", "医疗保障", "区医保局", None),
    # 大渡口 专栏一 指标20 儿童暴力伤害发生率: 区公安分局、区教委、区卫健委
    ("dadukou", "2.4", "欺凌", "区公安分局、区教委、区卫健委", None),
    # 大渡口 专栏一 指标30–31 家长学校或家庭教育指导服务站点覆盖率: 区妇联、区教委
    ("dadukou", "5.4", "家庭教育", "区妇联、区教委", None),
    # 大渡口 专栏一 指标37 未成年人犯罪人数占比: 区法院;
    #   指标38 抓获刑事案件犯罪嫌疑人中未成年人占比: 区公安分局
    ("dadukou", "7.5", "违法犯罪", "区法院、区公安分局", None),
    # 大渡口 专栏一 指标39 镇(街道)未成年人保护工作站覆盖率: 区民政局
    ("dadukou", "4.5", "基层儿童关爱", "区民政局", None),
]

# plan, topic, task it routes to (None: the coordinator), lead agencies
PINNED_ROUTES = [
    ("changzhou", "childcare", "4", "市卫健委"),
    ("changzhou", "participation", "3", "市政府妇儿工委办、市妇联"),
    ("changzhou", "welfare", "10", "市民政局"),
    ("changzhou", "transport", None, "市政府妇儿工委办"),
    ("changzhou", "safety", None, "市政府妇儿工委办"),
    ("xiuzhou", "safety", "60", "区公安分局"),
    ("xiuzhou", "legal", "63", "区司法局"),
    ("xiuzhou", "online", "54", "区委网信办"),
    ("xiuzhou", "childcare", "10", "区卫健局"),
    ("xiuzhou", "participation", "2", "区妇儿工委办"),
    ("xiuzhou", "consumer_safety", "58", "区市场监管局"),
    ("hengyang", "transport", "22", "市城市管理局、市交通运输局"),
    ("hengyang", "consumer_safety", "30", "市市场监管局"),
    ("hengyang", "online", "31", "市委宣传部、市委网信办"),
    ("hengyang", "participation", "17", "市文旅广体局、团市委"),
    ("hengyang", "legal", "29", "市司法局"),
    ("meizhou", "participation", "22", "市教育局、市文化广电旅游局、团市委、市科协、市妇联"),
    ("meizhou", "childcare", "8", "市卫生健康局"),
    ("meizhou", "community", "14", "市民政局、市住房城乡建设局、市妇联"),
    ("meizhou", "transport", "15", "市住房城乡建设局、市交通运输局、市公安局"),
    ("meizhou", "online", None, "市妇儿工委办公室"),
    ("dadukou", "childcare", "4.2", "区卫健委"),
    ("dadukou", "safety", "2.4", "区公安分局、区教委、区卫健委"),
    ("dadukou", "family", "5.4", "区妇联、区教委"),
    ("dadukou", "welfare", "4.5", "区民政局"),
    ("dadukou", "consumer_safety", None, "区妇儿工委办公室"),
]

# plan, coordinator, domains, actions, tasks
SHAPES = [
    ("changzhou", "市政府妇儿工委办", 5, 0, 12),
    ("xiuzhou", "区妇儿工委办", 7, 28, 84),
    ("hengyang", "衡阳市儿童友好城市创建工作专班", 6, 14, 35),
    ("meizhou", "市妇儿工委办公室", 6, 0, 24),
    ("dadukou", "区妇儿工委办公室", 7, 0, 39),
]


def test_plan_ids_are_the_five_seeds():
    assert plan_ids() == SEEDS
    assert [p.id for p in load_all()] == SEEDS


@pytest.mark.parametrize("plan_id", SEEDS)
def test_plan_loads_and_passes_its_checks(plan_id):
    plan = load_plan(plan_id)
    assert plan.id == plan_id
    assert plan.source.endswith(".txt") and (PLAN_DIR / f"{plan_id}.toml").is_file()
    assert check_plan(plan) == []
    assert load_plan(plan_id) is plan  # cached


def test_check_all_is_clean():
    assert check_all() == {plan_id: [] for plan_id in SEEDS}


@pytest.mark.parametrize(("plan_id", "coordinator", "domains", "actions", "tasks"), SHAPES)
def test_plan_shape(plan_id, coordinator, domains, actions, tasks):
    plan = load_plan(plan_id)
    assert plan.coordinator == coordinator
    assert coordinator in plan.agency_names()
    assert (len(plan.domains), len(plan.actions), len(plan.tasks)) == (domains, actions, tasks)


@pytest.mark.parametrize(("plan_id", "task_id", "fragment", "lead", "partners"), PINNED_TASKS)
def test_pinned_tasks(plan_id, task_id, fragment, lead, partners):
    task = load_plan(plan_id).task(task_id)
    assert task is not None
    assert fragment in task.title
    assert task.lead == lead.split("、")
    if partners is not None:
        assert task.partners == partners.split("、")


@pytest.mark.parametrize(("plan_id", "topic", "task_id", "lead"), PINNED_ROUTES)
def test_pinned_routes(plan_id, topic, task_id, lead):
    route = load_plan(plan_id).route(topic)
    assert route.task_id == task_id
    assert route.lead_agencies == lead.split("、")
    assert route.to_coordinator is (task_id is None)


def test_at_least_five_pins_per_plan():
    for plan_id in SEEDS:
        assert sum(1 for p in PINNED_TASKS if p[0] == plan_id) >= 5


@pytest.mark.parametrize("plan_id", SEEDS)
@pytest.mark.parametrize("topic", TOPIC_IDS)
def test_every_topic_routes_somewhere(plan_id, topic):
    plan = load_plan(plan_id)
    route = plan.route(topic)
    assert isinstance(route, Route) and route.topic == topic and route.lead_agencies
    assert set(route.lead_agencies + route.partner_agencies) <= set(plan.agency_names())
    if route.to_coordinator:
        assert route.task_id is None and route.lead_agencies == [plan.coordinator]
    else:
        task = plan.task(route.task_id)
        assert route.task_title == task.title and route.domain_id == task.domain
        assert route.domain == plan.domain(task.domain).name
        # a topic is never sent to a task whose only "lead" is the coordinator by inference
        assert not (task.basis and task.lead == [plan.coordinator])


@pytest.mark.parametrize("plan_id", SEEDS)
@pytest.mark.parametrize("topic", [None, "", "weather", "Safety"])
def test_unknown_topics_go_to_the_coordinator(plan_id, topic):
    plan = load_plan(plan_id)
    route = plan.route(topic)
    assert route.to_coordinator and route.lead_agencies == [plan.coordinator]


def test_changzhou_says_where_the_scrape_stops():
    plan = load_plan("changzhou")
    assert any("task 13" in n and "cut off" in n for n in plan.notes)
    assert plan.task("13") is None
    assert [t.id for t in plan.tasks] == [str(n) for n in range(1, 13)]
    lost = "community transport safety online consumer_safety family environment legal"
    for topic in lost.split():
        assert plan.routes[topic] == "coordinator"
        assert plan.route(topic).to_coordinator


def test_scrape_garbling_is_repaired():
    names = {n for p in load_all() for n in p.agency_names()}
    for garbled in ("区妇儿工委力", "区妇儿工委 力", "区综", "市场监管和管理局"):
        assert garbled not in names
    hengyang = load_plan("hengyang").agency_names()
    assert "市应急管理局" in hengyang and "市应急局" not in hengyang
    assert "市发展改革委" in hengyang and "市发改委" not in hengyang
    assert all(" " not in n and not n.startswith("各") for n in names)


def test_agency_kinds():
    kinds = {a.name: a.kind for a in load_plan("xiuzhou").agencies}
    assert kinds["区法院"] == kinds["区检察院"] == "judicial"
    assert kinds["区妇联"] == kinds["团区委"] == kinds["区残联"] == "mass_org"
    assert kinds["区公安分局"] == "government"
    assert {a.kind for a in load_plan("hengyang").agencies if "法院" in a.name} == {"judicial"}


@pytest.mark.parametrize("plan_id", ["nowhere", "../hengyang", "Hengyang", "", "a/b", "x" * 60])
def test_unknown_plan_raises(plan_id):
    with pytest.raises(UnknownPlan):
        load_plan(plan_id)
    with pytest.raises(KeyError):
        load_plan(plan_id)


def _broken() -> Plan:
    data = load_plan("hengyang").model_dump()
    del data["routes"]["transport"]
    data["routes"]["online"] = "99"
    data["tasks"][0]["lead"] = ["市不存在局"]
    data["tasks"][1]["lead"] = []
    data["tasks"][2]["title"] = " "
    data["tasks"][3]["domain"] = "d9"
    data["tasks"][4]["action"] = "a99"
    data["tasks"].append(dict(data["tasks"][5]))
    data["coordinator"] = "市妇儿工委办"
    return Plan.model_validate(data)


def test_broken_plan_yields_problems():
    problems = check_plan(_broken())
    expected = [
        "topic 'transport' has no route",
        "topic 'online' routes to unknown task '99'",
        "task 1: agency '市不存在局' is not in [[agencies]]",
        "task 2: no lead agency",
        "task 3: no title",
        "task 4: unknown domain 'd9'",
        "task 5: unknown action 'a99'",
        "duplicate task id '6'",
        "coordinator '市妇儿工委办' is not in [[agencies]]",
    ]
    for line in expected:
        assert line in problems
    # the broken plan still routes without raising: a missing route goes to the coordinator
    assert _broken().route("transport").to_coordinator
    assert _broken().route("online").to_coordinator
