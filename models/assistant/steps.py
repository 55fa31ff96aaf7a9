"""The assistant's steps as data: what each asks, which answer it keeps, where it leads."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from classifier.topics import CHILD_LABELS, Topic
from models.assistant.faq import STOP_WORDS, squash
from models.councils.checklists import CHECKLISTS
from models.i18n import N_, Message, data_of, joined
from models.plans.plan import load_plan

MAX_TEXT = 500
MAX_LOG = 80
CONTINUE = N_("我想接着说")
STOP_TALKING = N_("我不想说了")
SKIP = N_("跳过")
AGAIN = N_("再说一个")
YES, NO = N_("对"), N_("不对")
PUBLIC_YES, PUBLIC_NO = N_("可以公开"), N_("不要公开")
KEEP, DROP = N_("留下来，送出去"), N_("删掉")
NONE_OF_THEM = N_("都不是")
SPLIT_YES, SPLIT_NO = N_("分成两个建议"), N_("就当一个")
DONT_KNOW = N_("不知道名字")
# The age band a child without an account taps once: under 14 waits for a guardian's OK.
AGE_BANDS = {"6 岁及以下": "under7", "7–9 岁": "7-9", "10–13 岁": "10-13",
             "14 岁及以上": "14+", "不想说": "unknown"}
ADULT_BAND = "14+"
PLACES = (N_("🏫 学校门口"), N_("🛝 公园"), N_("🏘️ 小区"), N_("🚌 上学的路上"), N_("🏥 医院"),
          N_("📚 图书馆"))
EMOJI = {
    "childcare": "🧸", "schooling": "🏫", "special_needs": "♿", "health": "🩺",
    "mental_health": "💗", "culture_sports": "⚽", "welfare": "🤝", "participation": "🙋",
    "public_space": "🛝", "community": "🏘️", "transport": "🚸", "safety": "🛡️",
    "online": "📱", "consumer_safety": "🍎", "family": "👪", "environment": "🌳", "legal": "⚖️",
}
PII_WORDS = {"phone": N_("电话"), "name": N_("名字"), "address": N_("住址"),
             "id_card": N_("身份证号"), "email": N_("邮箱"), "qq": N_("QQ 号"),
             "wechat": N_("微信号"), "bank_card": N_("银行卡号"), "number": N_("号码"),
             "birthday": N_("生日"), "class": N_("班级"), "account": N_("账号")}
HELP_TEXT = (N_("我是童声小助手，帮你把想法送给城市。你可以：直接告诉我你想改变什么；"
             "发「查进度」和查询码，看建议到哪了；发「我不想说了」，随时停下。"))
DANGER_TEXT = (N_("谢谢你告诉我，你很勇敢。这不是你的错。"
               "如果你现在有危险，请马上打 110。想找人说说话，可以打 12355，"
               "那里的叔叔阿姨会认真听你说。我已经请负责保护孩子的大人尽快来关心你。"))
# Once a conversation is a safeguarding case the assistant only listens, calmly.
LISTEN_TEXT = N_("你愿意多说一点吗？我会把你说的都告诉保护孩子的大人。")
HEARD_TEXT = N_("我听到了，谢谢你告诉我。你愿意多说一点吗？我会把你说的都告诉保护孩子的大人。")
PAUSE_TEXT = N_("好的，没关系。想说的时候随时回来，我一直在这里听。")
CASE_TEXT = (N_("这是你的个案码：%(code)s。想回来接着说，在这台手机上再打开童声小助手就行；"
             "换了手机，点「用个案码回来」，输入这个码。"))


def say(text: str, quick: tuple[str, ...] | list[str] = (), kind: str = "say", **extra) -> dict:
    """One message from the assistant; quick replies are buttons that send their own words.

    The state is kept as JSON, so the message and the buttons' words are kept as data too
    (``msg``, ``quick_msgs``): the page shows them in the child's language, while a button
    still sends the Chinese words the steps understand.
    """
    said = {"who": "bot", "kind": kind, "text": text, "quick": list(quick), **extra}
    if isinstance(text, Message):
        said["msg"] = text.as_data()
    if any(isinstance(word, Message) for word in quick):
        said["quick_msgs"] = [data_of(word) for word in quick]
    return said


@dataclass(frozen=True)
class Step:
    """A question the assistant asks, the answer it keeps, and which step comes next."""

    prompt: str | Callable[[dict], str]
    field: str | None = None
    next: str | Callable[[dict], str] = ""
    quick: tuple[str, ...] | Callable[[dict], tuple[str, ...]] = ()


def _after_why(state: dict) -> str:
    """Confirm a clear topic, offer choices for an unsure one, or hand over to a person."""
    guess = state.get("guess") or {}
    if guess.get("topic"):
        state["topic"] = guess["topic"]
        return "confirm"
    hint = [state["hint"]] if state.get("hint") in EMOJI else []
    top = [t for t in likeliest(state) if t not in hint]
    state["choices"] = (hint + top)[:3]
    if state["choices"]:
        return "choose"
    state["to_person"] = True
    return "consent"


def _confirm_prompt(state: dict) -> str:
    """Name the topic in the child's words and say who will get it, from the city's plan."""
    topic = state["topic"]
    route = load_plan(state["plan_id"]).route(topic)
    who = joined(route.lead_agencies, N_("和"))
    where = (N_("%(who)s，他们会找到负责的部门") % {"who": who}) if route.to_coordinator else who
    return (N_("你说的是关于『%(child_labels)s』吧？这件事会交给%(where)s。对吗？")
            % {"child_labels": CHILD_LABELS[Topic(topic)], "where": where})


def _choice_label(topic: str) -> str:
    """A topic button: its picture and its name in the child's words."""
    return Message("%(emoji)s %(topic)s",
                   {"emoji": EMOJI[topic], "topic": CHILD_LABELS[Topic(topic)]})


def _choices(state: dict) -> tuple[str, ...]:
    return tuple(_choice_label(t) for t in state.get("choices", [])) + (NONE_OF_THEM,)


def checklist_items(state: dict) -> tuple[str, ...]:
    """An observer's checklist offers its items while the child has not said what yet."""
    checklist = CHECKLISTS.get(state.get("checklist") or "")
    if checklist is None or state.get("item"):
        return ()
    return tuple(item.label for item in checklist.items)


def _what_prompt(state: dict) -> str:
    if state.get("item"):
        return (N_("『%(item)s』怎么了？怎样会更好？说说看吧。") % {"item": state['item']})
    if checklist_items(state):
        return N_("你在观察时，哪一项需要变得更好？点一个，或者直接说说看。")
    return N_("你想让什么变得更好？说说看吧。")


def _places(state: dict) -> tuple[str, ...]:
    """The usual places; an observer's checklist puts the place being observed first."""
    checklist = CHECKLISTS.get(state.get("checklist") or "")
    if checklist is None:
        return PLACES + (SKIP,)
    others = tuple(p for p in PLACES if place_name(p) not in checklist.name)
    return (f"📋 {checklist.name}",) + others + (SKIP,)


def _split_prompt(state: dict) -> str:
    first, second = state["split"]["parts"]
    return N_("你说了两件事：①「%(first)s」②「%(second)s」。要分成两个建议吗？"
              "这样每件事都能交给对的部门，哪件也不会丢。") % {"first": first, "second": second}


def _where_more_prompt(state: dict) -> str:
    where = state["answers"].get("where", "")
    kind = next((name for word, name in VAGUE_KINDS if word in where), N_("地方"))
    return N_("是哪个%(kind)s呢？写上名字或者在哪条路，负责的大人才找得到。"
              "不知道名字也没关系。") % {"kind": kind}


STEPS: dict[str, Step] = {
    "what": Step(_what_prompt, field="what", next="where", quick=checklist_items),
    "split": Step(_split_prompt, quick=(SPLIT_YES, SPLIT_NO)),
    "where": Step(N_("这件事在哪里呢？点一个地方，或者自己写。"), field="where", next="why",
                  quick=_places),
    "where_more": Step(_where_more_prompt, quick=(DONT_KNOW,)),
    "why": Step(N_("为什么这件事很重要？怎样会更好？"), field="why", next=_after_why,
                quick=(SKIP,)),
    "confirm": Step(_confirm_prompt, quick=(YES, NO)),
    "choose": Step(N_("我不太确定。你说的是哪一种？点一个吧。"), quick=_choices),
    "consent": Step(N_("可以把你的建议（不带名字和电话）放到「你说我办」公开栏，让大家看到吗？"),
                    quick=(PUBLIC_YES, PUBLIC_NO)),
    "age": Step(N_("最后一个问题：你几岁啦？点一个就好，不想说也可以。"), quick=tuple(AGE_BANDS)),
    "stopping": Step("好的，没关系。刚才说的话要留下来送给城市吗？不留的话，我会全部删掉。",
                     quick=(DROP, KEEP)),
    "done": Step(N_("想再说一个新想法吗？"), quick=(AGAIN,)),
    "stopped": Step(N_("想说的时候随时回来找我。👋"), quick=(AGAIN,)),
    "listening": Step(LISTEN_TEXT, quick=(CONTINUE, STOP_TALKING)),
}


def prompt(state: dict) -> dict:
    """The question of the step the conversation is at."""
    step = STEPS[state["step"]]
    text = step.prompt(state) if callable(step.prompt) else step.prompt
    quick = step.quick(state) if callable(step.quick) else step.quick
    return say(text, quick, kind="help" if state["step"] == "listening" else "say")


def listening_state(plan_id: str, case_code: str | None) -> dict:
    """A conversation that is a safeguarding case from its first line (form, meeting, visit)."""
    state = new_state(plan_id)
    state.update(step="listening", urgent=True, case=case_code, log=[])
    log_messages(state, [say(DANGER_TEXT, kind="help")] + case_note(case_code) + [prompt(state)])
    return state


def case_note(code: str | None, quick: tuple[str, ...] = ()) -> list[dict]:
    """The case code and how to come back, said calmly (nothing when there is no case).

    It carries the quick replies too: the buttons shown are the last message's.
    """
    return [say(CASE_TEXT % {"code": code}, quick, kind="case", case=code)] if code else []


def again(state: dict) -> list[dict]:
    """Ask the current step's question again, unless the conversation is finished."""
    return [] if state["step"] in ("done", "stopped") else [prompt(state)]


def likeliest(state: dict) -> list[str]:
    """The model's likeliest topics for this suggestion, best first."""
    return [t for t, _p in (state.get("guess") or {}).get("top", []) if t in EMOJI]


def new_state(plan_id: str, *, round_: int = 0, checklist: str | None = None) -> dict:
    """A fresh conversation that starts by asking what the child wants to change."""
    state = {"plan_id": plan_id, "step": "what", "answers": {}, "guess": None, "topic": None,
             "choices": [], "chosen_by_child": False, "to_person": False, "urgent": False,
             "consent": None, "code": None, "seq": 0, "round": round_, "log": [],
             "checklist": checklist if checklist in CHECKLISTS else None}
    watching = CHECKLISTS.get(state["checklist"] or "")
    greeting = say((N_("你好！我是童声小助手。🌱 你的想法，城市想听。你们在观察『%(name)s』。")
                    % {"name": watching.name}) if watching
                   else N_("你好！我是童声小助手。🌱 你的想法，城市想听。"))
    log_messages(state, [greeting, prompt(state)])
    return state


def suggestion_text(state: dict) -> str:
    """What the child asked for, in their words (already masked), as one text."""
    answers = state["answers"]
    what = answers.get("what")
    if what and state.get("item"):
        what = f"{state['item']}：{what}"
    return "。".join(part for part in (what, answers.get("why")) if part)


def log_messages(state: dict, messages: list[dict]) -> None:
    """Keep the recent messages, so a reload shows the conversation as it was."""
    state["log"] = (state["log"] + messages)[-MAX_LOG:]


def note_photo(state: dict, name: str) -> dict:
    """Remember the photo for this round and say it arrived."""
    state["photo"] = name
    log_messages(state, [{"who": "child", "kind": "photo", "text": "📷", "quick": [],
                                "photo": name},
                         say(N_("照片收到啦！📷")), prompt(state)])
    return state


def pick_item(state: dict, text: str) -> str | None:
    """The checklist item a child tapped: remembered, with its topic as a hint for later."""
    checklist = CHECKLISTS.get(state.get("checklist") or "")
    item = next((i for i in checklist.items if i.label == text.strip()), None) \
        if checklist and not state.get("item") else None
    if item is not None:
        state.update(item=item.label, hint=item.topic)
    return item and item.label


# A place an agency cannot find without a name: (the word, what to ask for).
VAGUE_KINDS = (
    ("学校", N_("学校")), ("幼儿园", N_("幼儿园")), ("公园", N_("公园")),
    ("小区", N_("小区")), ("医院", N_("医院")), ("图书馆", N_("图书馆")),
    ("马路", N_("路")), ("路上", N_("路")), ("路口", N_("路口")),
    ("街上", N_("街")), ("广场", N_("广场")), ("车站", N_("车站")),
    ("门口", N_("地方")), ("附近", N_("地方")), ("这里", N_("地方")),
    ("那里", N_("地方")), ("楼下", N_("小区")),
)
VAGUE_PLACES = frozenset({
    "学校", "学校门口", "学校附近", "学校里", "学校旁边", "我们学校", "幼儿园", "公园", "公园里",
    "小区", "小区里", "我家小区", "医院", "图书馆", "马路", "马路上", "路上", "上学的路上",
    "上学路上", "路口", "街上", "广场", "车站", "门口", "附近", "这里", "那里", "我家楼下",
    "楼下", "家附近"})


def is_vague_place(text: str) -> bool:
    """A place typed without a name ("学校门口"): which school, which street?"""
    return squash(text) in VAGUE_PLACES


def place_name(text: str) -> str:
    """A place chosen from the buttons is kept without its picture."""
    if text.startswith("📋 "):
        return text[2:]
    for place in PLACES:
        if text == place:
            return place.split(" ", 1)[1]
    return text


def is_control(state: dict, text: str) -> bool:
    """Our own words sent back (a quick reply, a stop phrase) carry no danger of their own."""
    offered = next((m["quick"] for m in reversed(state["log"]) if m["who"] == "bot"), [])
    fixed = {squash(word) for word in (*offered, *STOP_WORDS, CONTINUE)}
    return squash(text) in fixed


def age_band(text: str) -> str | None:
    """The band a child tapped, or typed ("我8岁", "十岁"); None if it is not an age."""
    text = (text or "").strip()
    if text in AGE_BANDS:
        return AGE_BANDS[text]
    flat = squash(text)
    if flat.startswith(("不想", "不告诉", "不说", "保密")):
        return "unknown"
    digits = "".join(c for c in flat if c.isdigit())
    words = {"六": 6, "七": 7, "八": 8, "九": 9, "十": 10, "十一": 11, "十二": 12, "十三": 13,
             "十四": 14, "十五": 15, "十六": 16}
    age = int(digits) if digits and len(digits) <= 2 else next(
        (value for word, value in sorted(words.items(), key=lambda w: -len(w[0]))
         if flat.startswith((word, "我" + word)) and "岁" in flat), None)
    if age is None:
        return None
    return ("under7" if age < 7 else "7-9" if age < 10 else "10-13" if age < 14
            else ADULT_BAND)


def waiting_words(state: dict, code: str) -> str:
    """What a child whose suggestion waits for a guardian is told, and how the OK happens."""
    if state.get("held_for") == "age":
        unknown = state.get("age") == "unknown"
        why = ("你没说自己几岁，所以" if unknown else "你还不满 14 岁，所以")
        return (f"{why}要先等爸爸妈妈（监护人）同意，它才会送到负责的部门，现在还没有送出去。"
                f"请把查询码 {code} 给爸爸妈妈看，请他们告诉辅导员或者妇儿工委办"
                "「我同意」；大人记下以后，建议就会送出去。")
    return ("不过你的爸爸妈妈（监护人）还没有同意，所以它要先等一等：现在还没有送出去。"
            "他们同意以后，才会送到负责的部门。请告诉爸爸妈妈，或者请辅导员帮忙。")
