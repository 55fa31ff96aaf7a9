"""Observer checklists for the places the plans name, from their child-friendly standards.

Each item says, in a child's words, what to look at; its topic is where a "需要改进" on it
is routed when the classifier cannot tell from the comment alone.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Item:
    key: str
    label: str
    look_for: str
    topic: str


@dataclass(frozen=True)
class Checklist:
    key: str
    name: str
    items: tuple[Item, ...]

    def item(self, key: str) -> Item | None:
        return next((item for item in self.items if item.key == key), None)


def _toilets(topic: str = "public_space") -> Item:
    return Item("toilets", "儿童厕位和洗手池",
                "有没有小朋友用的矮马桶、小便池，洗手池和洗手液够不够得着", topic)


def _accessible(topic: str = "special_needs") -> Item:
    return Item("accessible", "无障碍",
                "坐轮椅、推婴儿车能不能顺利进出，有没有坡道、电梯、扶手", topic)


def _signs(topic: str = "public_space") -> Item:
    return Item("signs", "适儿化标识",
                "指示牌有没有图画、字大、挂得不太高，小朋友一看就懂", topic)


CHECKLISTS: dict[str, Checklist] = {c.key: c for c in (
    Checklist("park", "公园", (
        Item("play", "游乐设施",
             "滑梯、秋千结不结实，有没有坏的地方，地面摔倒疼不疼", "public_space"),
        Item("shade", "遮阳避雨",
             "有没有树荫、亭子，热天雨天能躲一躲", "public_space"),
        _toilets(), _signs(), _accessible(),
        Item("water", "水边安全", "湖边、河边有没有栏杆和提醒牌", "safety"),
        Item("clean", "干净卫生",
             "有没有垃圾、碎玻璃或别的危险东西", "environment"),
    )),
    Checklist("school_route", "学校及上学路", (
        Item("crossing", "安全过街",
             "校门口有没有斑马线、红绿灯，绿灯时间够不够小朋友走完", "transport"),
        Item("sidewalk", "人行道",
             "人行道是不是连着的，有没有被车或摊位占住", "transport"),
        Item("slow", "车辆慢行",
             "校门口有没有减速带、限速牌，有没有人指挥交通", "transport"),
        Item("waiting", "接送等候区",
             "等家长的地方能不能遮阳避雨，和车道隔开", "transport"),
        Item("snacks", "周边小卖部",
             "学校附近卖的零食、玩具看起来安全吗", "consumer_safety"),
        Item("lights", "路灯照明", "冬天放学天黑时路上亮不亮", "transport"),
    )),
    Checklist("hospital", "医院", (
        Item("waiting", "儿科候诊区",
             "有没有适合小朋友的座位、绘本或玩的地方", "health"),
        Item("baby_room", "母婴室",
             "有没有母婴室，好不好找，干不干净", "health"),
        _toilets("health"), _signs("health"), _accessible(),
        Item("explain", "听得懂的解释",
             "医生护士会不会用小朋友听得懂的话说明", "health"),
    )),
    Checklist("library", "图书馆", (
        Item("books", "儿童书区",
             "有没有适合不同年龄的书，新书多不多", "culture_sports"),
        Item("furniture", "桌椅书架高度",
             "桌子、椅子、书架小朋友用着合不合适", "culture_sports"),
        Item("hours", "开放时间", "放学后和周末能不能来", "culture_sports"),
        _toilets("culture_sports"), _accessible(),
        Item("help", "找人帮忙",
             "需要帮助时有没有工作人员可以问", "culture_sports"),
    )),
    Checklist("community", "社区", (
        Item("play", "儿童活动空间",
             "有没有儿童之家或户外可以玩的地方", "community"),
        Item("roads", "小区道路安全",
             "小区里车开得慢吗，人和车是不是分开走", "community"),
        Item("lights", "照明", "晚上路灯亮不亮，角落暗不暗", "community"),
        Item("activities", "儿童活动",
             "社区有没有给小朋友办活动、听小朋友的意见", "participation"),
        Item("green", "绿化和自然",
             "有没有可以亲近花草、小动物的地方", "environment"),
        _accessible(),
    )),
    Checklist("restrooms", "公共场所母婴室/儿童厕位", (
        Item("baby_room", "母婴室",
             "有没有母婴室，门口标识清不清楚，能不能锁门", "public_space"),
        Item("changing", "换尿布台和洗手",
             "有没有换尿布台、洗手池，干不干净", "public_space"),
        _toilets(),
        Item("family", "家庭卫生间",
             "爸爸带女儿、妈妈带儿子时有没有可以一起用的卫生间", "public_space"),
        _signs(), _accessible(),
    )),
    Checklist("bus_stop", "公交站", (
        Item("shelter", "遮阳避雨",
             "站台有没有棚子，下雨会不会淋湿", "transport"),
        Item("seats", "座位", "有没有可以坐着等车的地方", "transport"),
        Item("info", "站牌信息",
             "站牌上的线路、时间小朋友看得懂、够得着吗", "transport"),
        Item("safe_wait", "候车安全", "等车的地方和车道隔开了吗", "transport"),
        Item("crossing", "安全过街",
             "车站附近有没有安全过马路的地方", "transport"),
        _accessible("transport"),
    )),
)}

RATINGS = {"good": "好", "fair": "一般", "needs_work": "需要改进"}
NEEDS_WORK = "needs_work"
