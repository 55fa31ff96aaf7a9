"""Observer checklists for the places the plans name, from their child-friendly standards.

Each item says, in a child's words, what to look at; its topic is where a "需要改进" on it
is routed when the classifier cannot tell from the comment alone.
"""

from __future__ import annotations

from dataclasses import dataclass

from models.i18n import N_


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
    return Item("toilets", N_("儿童厕位和洗手池"),
                N_("有没有小朋友用的矮马桶、小便池，洗手池和洗手液够不够得着"), topic)


def _accessible(topic: str = "special_needs") -> Item:
    return Item("accessible", N_("无障碍"),
                N_("坐轮椅、推婴儿车能不能顺利进出，有没有坡道、电梯、扶手"), topic)


def _signs(topic: str = "public_space") -> Item:
    return Item("signs", N_("适儿化标识"),
                N_("指示牌有没有图画、字大、挂得不太高，小朋友一看就懂"), topic)


CHECKLISTS: dict[str, Checklist] = {c.key: c for c in (
    Checklist("park", N_("公园"), (
        Item("play", N_("游乐设施"),
             N_("滑梯、秋千结不结实，有没有坏的地方，地面摔倒疼不疼"), "public_space"),
        Item("shade", N_("遮阳避雨"),
             N_("有没有树荫、亭子，热天雨天能躲一躲"), "public_space"),
        _toilets(), _signs(), _accessible(),
        Item("water", N_("水边安全"), N_("湖边、河边有没有栏杆和提醒牌"), "safety"),
        Item("clean", N_("干净卫生"),
             N_("有没有垃圾、碎玻璃或别的危险东西"), "environment"),
    )),
    Checklist("school_route", N_("学校及上学路"), (
        Item("crossing", N_("安全过街"),
             N_("校门口有没有斑马线、红绿灯，绿灯时间够不够小朋友走完"), "transport"),
        Item("sidewalk", N_("人行道"),
             N_("人行道是不是连着的，有没有被车或摊位占住"), "transport"),
        Item("slow", N_("车辆慢行"),
             N_("校门口有没有减速带、限速牌，有没有人指挥交通"), "transport"),
        Item("waiting", N_("接送等候区"),
             N_("等家长的地方能不能遮阳避雨，和车道隔开"), "transport"),
        Item("snacks", N_("周边小卖部"),
             N_("学校附近卖的零食、玩具看起来安全吗"), "consumer_safety"),
        Item("lights", N_("路灯照明"), N_("冬天放学天黑时路上亮不亮"), "transport"),
    )),
    Checklist("hospital", N_("医院"), (
        Item("waiting", N_("儿科候诊区"),
             N_("有没有适合小朋友的座位、绘本或玩的地方"), "health"),
        Item("baby_room", N_("母婴室"),
             N_("有没有母婴室，好不好找，干不干净"), "health"),
        _toilets("health"), _signs("health"), _accessible(),
        Item("explain", N_("听得懂的解释"),
             N_("医生护士会不会用小朋友听得懂的话说明"), "health"),
    )),
    Checklist("library", N_("图书馆"), (
        Item("books", N_("儿童书区"),
             N_("有没有适合不同年龄的书，新书多不多"), "culture_sports"),
        Item("furniture", N_("桌椅书架高度"),
             N_("桌子、椅子、书架小朋友用着合不合适"), "culture_sports"),
        Item("hours", N_("开放时间"), N_("放学后和周末能不能来"), "culture_sports"),
        _toilets("culture_sports"), _accessible(),
        Item("help", N_("找人帮忙"),
             N_("需要帮助时有没有工作人员可以问"), "culture_sports"),
    )),
    Checklist("community", N_("社区"), (
        Item("play", N_("儿童活动空间"),
             N_("有没有儿童之家或户外可以玩的地方"), "community"),
        Item("roads", N_("小区道路安全"),
             N_("小区里车开得慢吗，人和车是不是分开走"), "community"),
        Item("lights", N_("照明"), N_("晚上路灯亮不亮，角落暗不暗"), "community"),
        Item("activities", N_("儿童活动"),
             N_("社区有没有给小朋友办活动、听小朋友的意见"), "participation"),
        Item("green", N_("绿化和自然"),
             N_("有没有可以亲近花草、小动物的地方"), "environment"),
        _accessible(),
    )),
    Checklist("restrooms", N_("公共场所母婴室/儿童厕位"), (
        Item("baby_room", N_("母婴室"),
             N_("有没有母婴室，门口标识清不清楚，能不能锁门"), "public_space"),
        Item("changing", N_("换尿布台和洗手"),
             N_("有没有换尿布台、洗手池，干不干净"), "public_space"),
        _toilets(),
        Item("family", N_("家庭卫生间"),
             N_("爸爸带女儿、妈妈带儿子时有没有可以一起用的卫生间"), "public_space"),
        _signs(), _accessible(),
    )),
    Checklist("bus_stop", N_("公交站"), (
        Item("shelter", N_("遮阳避雨"),
             N_("站台有没有棚子，下雨会不会淋湿"), "transport"),
        Item("seats", N_("座位"), N_("有没有可以坐着等车的地方"), "transport"),
        Item("info", N_("站牌信息"),
             N_("站牌上的线路、时间小朋友看得懂、够得着吗"), "transport"),
        Item("safe_wait", N_("候车安全"), N_("等车的地方和车道隔开了吗"), "transport"),
        Item("crossing", N_("安全过街"),
             N_("车站附近有没有安全过马路的地方"), "transport"),
        _accessible("transport"),
    )),
)}

RATINGS = {"good": N_("好"), "fair": N_("一般"), "needs_work": N_("需要改进")}
NEEDS_WORK = "needs_work"
