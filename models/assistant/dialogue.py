"""The children's assistant: one child's message in, the new state and the replies out.

``reply(state, text, ...)`` is pure: no Flask and no database. Storing the suggestion, raising
the alarm and looking up a tracking code are functions the caller passes in, and the state is
plain JSON that the caller keeps on ``Conversation``. The steps themselves are data in
``dialogue_steps``; this module is the engine that walks them.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass

from classifier.topics import CHILD_LABELS, Topic
from models.assistant import faq, problems
from models.assistant import steps as flow
from models.assistant.steps import (
    STEPS,
    is_control,
    log_messages,
    new_state,
    note_photo,
    place_name,
    prompt,
    say,
    suggestion_text,
)
from models.i18n import N_, joined
from models.plans.plan import load_plan

__all__ = ["STEPS", "new_state", "note_photo", "prompt", "reply", "suggestion_text"]


@dataclass(frozen=True)
class Services:
    """What the caller does for the dialogue: analyse, store, alarm and look up."""

    analyser: Callable
    submit: Callable[[dict], str]
    alarm: Callable[[str], str | None]
    lookup: Callable[[str], str | None]
    hold: Callable[[str], None]


def _nothing(_value):
    return None


def reply(state: dict, text: str, *, analyser: Callable, submit=_nothing, alarm=_nothing,
          lookup=_nothing, hold=_nothing) -> tuple[dict, list[dict]]:
    """Take one message from the child; return the new state and what the assistant says.

    ``alarm(text)`` opens the safeguarding case and returns its code; ``hold(text)`` adds a
    later message to it.
    """
    services = Services(analyser, submit, alarm, lookup, hold)
    state = copy.deepcopy(state)
    text = (text or "").strip()[:flow.MAX_TEXT]
    if not text:
        return state, [say(N_("你还没有写字哦。")), prompt(state)]
    found = services.analyser(text)
    state["seq"] += 1
    child = {"who": "child", "kind": "say", "text": found.redaction.text, "quick": []}
    log_messages(state, [child])
    messages = _respond(state, text, found, services)
    log_messages(state, messages)
    return state, [child, *messages]


def _respond(state: dict, text: str, found, services: Services) -> list[dict]:
    """Overrides first (a case, danger, stop, progress, help, questions), then the step's answer."""
    if state["step"] == "listening":
        return _listen(state, text, services)
    if found.urgency.urgent and not is_control(state, text):
        code = services.alarm(text)
        state.update(urgent=True, step="listening", case=code)
        quick = (flow.CONTINUE, flow.STOP_TALKING)
        return [say(flow.DANGER_TEXT, quick, kind="help"), *flow.case_note(code, quick)]
    if text == flow.CONTINUE:
        return [prompt(state)]
    handled = override(state, text, services)
    if handled is not None:
        return handled
    messages = []
    if found.redaction.found:
        words = joined(flow.PII_WORDS.get(kind, kind) for kind in found.redaction.found)
        messages.append(say((N_("你写了%(words)s。这些不用告诉我哦，我已经帮你藏起来了：")
                             % {"words": words}),
                            kind="masked", masked=found.redaction.text))
    return messages + answer_step(state, found, services)


def _listen(state: dict, text: str, services: Services) -> list[dict]:
    """A safeguarding case: every word goes to it, no suggestion is collected, help stays near."""
    services.hold(text)
    if text == flow.CONTINUE:
        return [prompt(state)]
    if faq.intent(text) is faq.Intent.STOP:
        return [say(flow.PAUSE_TEXT, (flow.CONTINUE,), kind="help"),
                *flow.case_note(state.get("case"), (flow.CONTINUE,))]
    return [say(flow.HEARD_TEXT, (flow.CONTINUE, flow.STOP_TALKING), kind="help")]


def override(state: dict, text: str, services: Services) -> list[dict] | None:
    """Messages that answer a stop, progress, help or small-talk request; None for an answer."""
    if state["step"] == "stopping":
        return None
    intent = faq.intent(text)
    if intent is None:
        return None
    if intent is faq.Intent.STOP:
        return _stop(state)
    if intent is faq.Intent.TRACK:
        return _track(faq.tracking_code(text), services) + flow.again(state)
    if intent is faq.Intent.HELP:
        return [say(flow.HELP_TEXT)] + flow.again(state)
    if intent is faq.Intent.SMALL_TALK:
        return [say(faq.small_talk(text), kind="small_talk")] + flow.again(state)
    if intent is faq.Intent.FAQ:
        facts = faq.plan_facts(load_plan(state["plan_id"]))
        return [say(faq.faq_answer(text, facts))] + flow.again(state)
    return [say(faq.chit_chat(text))] + flow.again(state)


def _track(code: str | None, services: Services) -> list[dict]:
    if code is None:
        return [say(N_("请把查询码发给我，比如 TS-7KQ2MX。"))]
    status = services.lookup(code)
    if status is None:
        return [say(N_("我没有找到 %(code)s。看看有没有写错？查询码像 TS-7KQ2MX 这样。")
                    % {"code": code})]
    return [say((N_("%(code)s 现在的情况是：%(status)s。")
                 % {"code": code, "status": status}), kind="track", code=code)]


def _stop(state: dict) -> list[dict]:
    """Stop at once; if something was said, ask whether to keep it (nothing kept by default)."""
    if state["step"] in ("done", "stopped") or not state["answers"].get("what"):
        _forget(state)
        return [say(N_("好的，没关系。")), prompt(state)]
    state["step"] = "stopping"
    return [prompt(state)]


def _new_round(state: dict, **keep) -> None:
    """Start the next round in place: nothing of the last one stays but what is kept."""
    fresh = new_state(state["plan_id"], round_=state["round"] + 1,
                      checklist=state.get("checklist"))
    fresh.update(seq=state["seq"], urgent=state["urgent"], ask_age=state.get("ask_age", False),
                 age=state.get("age"), **keep)
    state.clear()
    state.update(fresh)


def _forget(state: dict) -> None:
    """Drop everything the child said in this round; only the farewell stays."""
    _new_round(state, step="stopped", log=[])


def answer_step(state: dict, found, services: Services) -> list[dict]:
    """Take the message as the answer to the current step and move on."""
    handler = HANDLERS.get(state["step"], _field_answer)
    return handler(state, found, services)


def _field_answer(state: dict, found, services: Services) -> list[dict]:
    """Keep a free-text answer (masked), run the classifier on all said so far, go on.

    An answer that does not fit the question is not kept: the question comes again.
    """
    step = STEPS[state["step"]]
    text = found.redaction.text.strip()
    if step.field == "what":
        if flow.pick_item(state, text):
            return [prompt(state)]
        if len(faq.squash(text)) < 2:
            return [say("能多说一点吗？比如：学校门口的马路太难过了，想要一个红绿灯。")]
        offered = problems.offer_split(state, text, services.analyser)
        if offered:
            return [prompt(state)]
    elif step.field == "where":
        misfit = problems.misplaced(state, text, found)
        if misfit is not None:
            return misfit + [prompt(state)]
    elif step.field == "why" and problems.off_topic_reason(state, text, found):
        return [say("这句话好像和你的想法没什么关系哦。"), prompt(state)]
    return keep_answer(state, step, text, services, understood=problems.understood(text))


def keep_answer(state: dict, step, text: str, services: Services,
                understood: str | None = None) -> list[dict]:
    """Store the answer to this step and ask the next question."""
    state["answers"][step.field] = "" if text == flow.SKIP else place_name(text)
    messages = [say(problems.echo(understood))] if understood else []
    if step.field in ("what", "why"):
        messages += _understand(state, services, first=step.field == "what")
    # The model learnt ``none`` from Chinese: on pinyin or English it read only in part, its
    # "not a suggestion" is a guess, so the child is not asked to start again.
    if step.field == "what" and state.pop("not_suggestion", False) and not understood \
            and not (state.get("nudged") or state.get("item")):
        state["nudged"] = True
        state["answers"].pop("what")
        if problems.mostly_latin(text):
            return [say("我还不太会看拼音和英文。能用汉字再说一次吗？不会写的字，"
                        "拼音中间加个空格也可以。")]
        return [say("我还没听明白你想让什么变得更好。可以说说看，比如：公园里想要更多秋千。")]
    if step.field == "where" and flow.is_vague_place(text):
        state["step"] = "where_more"
        return messages + [prompt(state)]
    state["step"] = step.next(state) if callable(step.next) else step.next
    if state["step"] == "consent" and state["to_person"]:
        messages.append(say(N_("这件事我会请一位大人帮你看看，该交给哪个部门。")))
    return messages + [prompt(state)]


def _split(state: dict, found, services: Services) -> list[dict]:
    """Two problems in one message: two suggestions, or one, as the child says; none is lost."""
    split = state.pop("split")
    flat = faq.squash(found.redaction.text)
    first, second = split["parts"]
    if "分" in flat or "两" in flat or flat.startswith(("好", "嗯", "对", "是", "可以")):
        state["queue"] = [*state.get("queue", []), second]
        return [say(f"好的！先说第一件：「{first}」。第二件等一下接着说。")] + keep_answer(
            state, STEPS["what"], first, services)
    return keep_answer(state, STEPS["what"], split["whole"], services)


def _where_more(state: dict, found, services: Services) -> list[dict]:
    """The name of the school or street, added to the vague place (or not known: fine)."""
    detail = found.redaction.text.strip()
    if detail not in (flow.DONT_KNOW, flow.SKIP) and not faq.squash(detail).startswith("不知道"):
        state["answers"]["where"] = f"{state['answers'].get('where', '')}（{detail[:60]}）"
    state["step"] = "why"
    return [prompt(state)]


def _age(state: dict, found, services: Services) -> list[dict]:
    band = flow.age_band(found.redaction.text)
    if band is None:
        return [say("点一个就好，不想说也可以点「不想说」。"), prompt(state)]
    state["age"] = band
    return _finish(state, services)


def _understand(state: dict, services: Services, *, first: bool) -> list[dict]:
    """Run the classifier on everything said so far and remember its best guess."""
    found = services.analyser(suggestion_text(state))
    prediction = found.prediction
    if prediction is None:
        state["guess"] = None
        return []
    state["guess"] = {"topic": prediction.topic, "confidence": prediction.confidence,
                      "top": [list(pair) for pair in prediction.top]}
    state["not_suggestion"] = bool(first and prediction.not_suggestion)
    if first and prediction.topic:
        return [say(N_("嗯，听起来是关于『%(child_labels)s』的事。")
                    % {"child_labels": CHILD_LABELS[Topic(prediction.topic)]})]
    return []


def _confirm(state: dict, found, services: Services) -> list[dict]:
    flat = faq.squash(found.redaction.text)
    if flat.startswith(("不", "错", "no")):
        offered = state["choices"] or flow.likeliest(state)
        state["choices"] = [t for t in offered if t != state["topic"]][:3]
        state["topic"], state["step"] = None, "choose"
        if not state["choices"]:
            state.update(to_person=True, step="consent")
            return [say(N_("没关系！我会请一位大人帮你看看，该交给哪个部门。")), prompt(state)]
        return [prompt(state)]
    if flat.startswith(("对", "是", "嗯", "没错", "yes", "好")):
        state["step"] = "consent"
        return [prompt(state)]
    return [say(N_("点「对」或者「不对」就好。")), prompt(state)]


def _choose(state: dict, found, services: Services) -> list[dict]:
    text = found.redaction.text
    picked = [t for i, t in enumerate(state["choices"], 1)
              if CHILD_LABELS[Topic(t)] in text or faq.squash(text) == str(i)]
    if picked:
        state.update(topic=picked[0], chosen_by_child=True, step="consent")
        return [say(N_("好的，是『%(child_labels)s』。")
                    % {"child_labels": CHILD_LABELS[Topic(picked[0])]}), prompt(state)]
    if flow.NONE_OF_THEM in text or "不知道" in text:
        state.update(topic=None, to_person=True, step="consent")
        return [say(N_("没关系！我会请一位大人帮你看看，该交给哪个部门。")), prompt(state)]
    return [say(N_("点一个最像的，或者点「都不是」。")), prompt(state)]


def _consent(state: dict, found, services: Services) -> list[dict]:
    flat = faq.squash(found.redaction.text)
    if flat.startswith(("不", "别")):
        state["consent"] = False
    elif flat.startswith(("可以", "好", "行", "公开", "嗯", "对")):
        state["consent"] = True
    else:
        return [say("点「可以公开」或者「不要公开」就好。"), prompt(state)]
    if state.get("ask_age") and not state.get("age"):
        state["step"] = "age"
        return [prompt(state)]
    return _finish(state, services)


def _finish(state: dict, services: Services) -> list[dict]:
    """Hand the suggestion to the caller and show the tracking code to keep.

    Nothing says "sent" before it is: a suggestion waiting for a guardian says so plainly.
    """
    state["code"] = services.submit(state)
    state["step"] = "done"
    code = state["code"]
    thanks = say(N_("收到啦！🎉 谢谢你，你的想法很重要。记住你的查询码：%(code)s")
                 % {"code": code}, kind="done", code=code)
    if state.get("held"):
        messages = [thanks, say(flow.waiting_words(state, code), kind="consent")]
    else:
        messages = [thanks, say(N_("工作人员看过以后，就会送到负责的部门。"
                                   "用查询码可以随时看看你的建议到哪一步了。"))]
    return messages + _next_in_queue(state, services)


def _next_in_queue(state: dict, services: Services) -> list[dict]:
    """The second problem of a message the child split: its own round starts now."""
    queue = list(state.get("queue") or [])
    if not queue:
        return [prompt(state)]
    nxt = queue.pop(0)
    _new_round(state, log=state["log"], queue=queue)
    return [say(f"我们接着说第二件事：「{nxt}」。")] + keep_answer(
        state, STEPS["what"], nxt, services)


def _stopping(state: dict, found, services: Services) -> list[dict]:
    text = found.redaction.text
    if "删" in text or faq.squash(text).startswith(("不", "别")):
        _forget(state)
        return [say(N_("好的，都删掉了。")), prompt(state)]
    if "留" in text or "送" in text:
        state["consent"] = False
        return _finish(state, services)
    return [prompt(state)]


def _restart(state: dict, found, services: Services) -> list[dict]:
    """After a finished or stopped round, a new message starts a new one and is its answer."""
    _new_round(state, log=state["log"])
    if found.redaction.text.strip() == flow.AGAIN or len(faq.squash(found.redaction.text)) < 4:
        return [say(N_("好呀，我们再说一个！")), prompt(state)]
    return _field_answer(state, found, services)


HANDLERS = {"confirm": _confirm, "choose": _choose, "consent": _consent, "split": _split,
            "where_more": _where_more, "age": _age,
            "stopping": _stopping, "done": _restart, "stopped": _restart}
