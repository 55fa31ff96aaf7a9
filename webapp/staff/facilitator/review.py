"""The facilitator's review queue: approve, clarify, merge or link, decline — urgent items first."""

from __future__ import annotations

from flask import Blueprint, abort, render_template, request, url_for
from flask_babel import gettext as _

from classifier.topics import TOPIC_IDS
from models import paging
from models.councils import support
from models.people.groups import display_name
from models.people.tables import Group, Member
from models.privacy import scope
from models.refusals import Refusal
from models.suggestions import lifecycle, moderation, questions, similarity, timeline
from models.suggestions.status import Status
from models.suggestions.tables import Suggestion
from webapp.actions import run_step
from webapp.db import get_session
from webapp.staff.shared import access_gate, facilitator_only, me, owned_group, rules

bp = Blueprint("review", __name__, url_prefix="/facilitator/review")
PROBLEMS = (Refusal,)


def owned_suggestion(group: Group, suggestion_id: int) -> Suggestion:
    return moderation.group_suggestion(get_session(), group, suggestion_id) or abort(404)


@bp.route("/")
@facilitator_only
def queue():
    session = get_session()
    groups = scope.facilitator_groups(session, me())
    wanted = request.args.get("group", type=int)
    mine = scope.facilitator_suggestions(me())
    if wanted is not None:
        groups = [owned_group(wanted)]
        mine = mine.where(Suggestion.group_id == wanted)
    items = paging.page(session, moderation.review_query(mine),
                        paging.PageRequest.from_args(request.args))
    names = {group.id: group.name for group in groups}
    return render_template("facilitator/queue.html", items=items, names=names, group=wanted,
                           waiting=questions.waiting(session, [g.id for g in groups]),
                           agency_asks=questions.agency_waiting(session, [g.id for g in groups]),
                           steps=moderation.URGENT_STEPS,
                           supports=support.counts(session, [i.id for i in items]))


def _item_page(group: Group, suggestion: Suggestion, status: int = 200):
    session = get_session()
    matches = similarity.similar_open(session, suggestion, limit=8)
    mine = [m for m in matches if m.same_group]
    author = session.get(Member, suggestion.member_id) if suggestion.member_id else None
    council_name, shown, unnamed = support.signers(session, suggestion)
    return render_template(
        "facilitator/item.html", group=group, s=suggestion, author=display_name(author),
        history=lifecycle.history(session, suggestion.id), steps=moderation.URGENT_STEPS,
        answer=timeline.latest_answer(session, suggestion),
        actions={**timeline.ACTION_LABELS, **moderation.GROUP_ACTION_LABELS},
        mine=mine, elsewhere=len(matches) - len(mine), templates=moderation.DECLINE_TEMPLATES,
        topics=TOPIC_IDS, supports=support.count(session, suggestion),
        merged=moderation.merged_into(session, suggestion),
        held=moderation.consent.is_held(session, suggestion),
        council=(council_name, shown, unnamed),
        question=questions.open_question(session, suggestion),
        agency_question=questions.agency_question(session, suggestion),
        question_templates=questions.QUESTION_TEMPLATES,
        reviewable=suggestion.status in moderation.REVIEWABLE), status


@bp.route("/<int:group_id>/<int:suggestion_id>")
@facilitator_only
def item(group_id: int, suggestion_id: int):
    group = owned_group(group_id)
    found = owned_suggestion(group, suggestion_id)
    return access_gate("suggestion", found.id, default_reason=_purpose(found)) or \
        _item_page(group, found)


def _purpose(found: Suggestion) -> str | None:
    """Reviewing is the reason for items in review, passing an agency's question on for
    items it handles; anything else asks the facilitator why."""
    waiting = found.status == Status.WAITING_FOR_CHILD
    if found.status in moderation.REVIEWABLE or waiting:
        return "moderate"
    return "relay_question" if questions.agency_question(get_session(), found) else None


def _act(group_id: int, suggestion_id: int, action, done: str):
    """Run one moderation step; on a refusal, show the page again with the reason."""
    group = owned_group(group_id)
    suggestion = owned_suggestion(group, suggestion_id)
    return run_step(lambda session: action(session, group, suggestion),
                    done=lambda said: said or done, problems=PROBLEMS,
                    then=url_for(".item", group_id=group.id, suggestion_id=suggestion.id),
                    again=lambda status: _item_page(group, suggestion, status))


@bp.route("/<int:group_id>/<int:suggestion_id>/approve", methods=["POST"])
@facilitator_only
def approve(group_id: int, suggestion_id: int):
    def run(session, _group, suggestion):
        sent = moderation.approve(session, suggestion=suggestion, account=me(),
                                  topic=request.form.get("topic", ""), **rules())
        if sent:
            return _("已送到负责的部门。")
        if moderation.consent.is_held(session, suggestion):
            return _("已通过。监护人同意记录好之后会自动送出。")
        return _("已通过，妇儿工委办会帮忙找到负责的部门。")
    return _act(group_id, suggestion_id, run, "")


@bp.route("/<int:group_id>/<int:suggestion_id>/clarify", methods=["POST"])
@facilitator_only
def clarify(group_id: int, suggestion_id: int):
    def run(session, _group, suggestion):
        moderation.clarify(session, suggestion=suggestion, account=me(),
                           text=request.form.get("text", ""))
    return _act(group_id, suggestion_id, run, _("已保存给部门看的说法，孩子的原话也保留着。"))


@bp.route("/<int:group_id>/<int:suggestion_id>/decline", methods=["POST"])
@facilitator_only
def decline(group_id: int, suggestion_id: int):
    def run(session, _group, suggestion):
        reason = request.form.get("own_reason", "").strip() or request.form.get("template", "")
        moderation.decline(session, suggestion=suggestion, account=me(), reason=reason)
    return _act(group_id, suggestion_id, run, _("已告诉孩子这次为什么没有送出。"))


@bp.route("/<int:group_id>/<int:suggestion_id>/ask", methods=["POST"])
@facilitator_only
def ask(group_id: int, suggestion_id: int):
    """问一问孩子: instead of declining an unclear suggestion, wait for the child's answer."""
    def run(session, _group, suggestion):
        asked = request.form.get("own_question", "").strip() or request.form.get("template", "")
        questions.ask(session, suggestion, actor=lifecycle.actor_for_account(me()),
                      question=asked)
    return _act(group_id, suggestion_id, run, _("问题已经发给孩子，孩子回答后会回到审核队列。"))


@bp.route("/<int:group_id>/<int:suggestion_id>/relay", methods=["POST"])
@facilitator_only
def relay(group_id: int, suggestion_id: int):
    """The agency's question, in the facilitator's (child-friendly) words, to the child."""
    def run(session, _group, suggestion):
        questions.relay(session, suggestion, actor=lifecycle.actor_for_account(me()),
                        question=request.form.get("question", ""))
    return _act(group_id, suggestion_id, run,
                _("问题已经转给孩子，孩子的回答会记在经过里，部门也能看到。"))


@bp.route("/<int:group_id>/<int:suggestion_id>/keep-back", methods=["POST"])
@facilitator_only
def keep_back(group_id: int, suggestion_id: int):
    def run(session, _group, suggestion):
        questions.keep_back(session, suggestion, actor=lifecycle.actor_for_account(me()),
                            reason=request.form.get("reason", ""))
    return _act(group_id, suggestion_id, run, _("没有转给孩子，部门会看到你写的原因。"))


def _picked(session, group: Group) -> list[Suggestion]:
    ids = request.form.getlist("duplicate", type=int)
    picked = [moderation.group_suggestion(session, group, number) for number in ids]
    if any(item is None for item in picked):
        abort(404)
    return picked


@bp.route("/<int:group_id>/<int:suggestion_id>/merge", methods=["POST"])
@facilitator_only
def merge(group_id: int, suggestion_id: int):
    def run(session, group, suggestion):
        total = moderation.merge(session, target=suggestion, duplicates=_picked(session, group),
                                 account=me())
        return _("合并好了，现在有 %(n)d 位小朋友支持，回复会告诉每一个人。", n=total)
    return _act(group_id, suggestion_id, run, "")


@bp.route("/<int:group_id>/<int:suggestion_id>/link", methods=["POST"])
@facilitator_only
def link(group_id: int, suggestion_id: int):
    def run(session, group, suggestion):
        others = _picked(session, group)
        if not others:
            raise moderation.ModerationProblem(_("请选一条要关联的建议。"))
        for other in others:
            moderation.link(session, first=suggestion, second=other, account=me())
    return _act(group_id, suggestion_id, run, _("已关联。"))


@bp.route("/<int:group_id>/<int:suggestion_id>/council", methods=["POST"])
@facilitator_only
def council(group_id: int, suggestion_id: int):
    def run(session, group, suggestion):
        support.send_as_council(session, suggestion=suggestion, group=group, account=me())
    return _act(group_id, suggestion_id, run,
                _("这条建议会以小组的名义提出，由你联署。每个孩子自己决定是否显示昵称。"))
