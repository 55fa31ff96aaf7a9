"""Forms for a suggestion's life: agency, coordinator, the child's view and the plain form."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import (
    BooleanField,
    DateField,
    HiddenField,
    RadioField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Length, Optional, Regexp

from classifier.topics import TOPIC_LABELS
from models.suggestions.handling import CHILD_TEXT_LIMIT, RETURN_REASONS
from models.suggestions.tables import DUE_WEIGHT_LABELS, RATING_LABELS
from webapp.i18n import choices

# The chat's age bands (models/assistant/steps.AGE_BANDS), as the plain form shows them.
AGE_CHOICES = [("under7", _l("6 岁及以下")), ("7-9", _l("7–9 岁")), ("10-13", _l("10–13 岁")),
               ("14+", _l("14 岁及以上")), ("unknown", _l("不想说"))]
TOPIC_CHOICES = [("", _l("请选择主题"))] + choices((str(k), v) for k, v in TOPIC_LABELS.items())
def no_nul(value):
    """Drop NUL characters, which no database keeps in text."""
    return value.replace("\x00", "") if isinstance(value, str) else value


KEY_RULE = Regexp(r"^[A-Za-z0-9_-]{16,64}$", message=_l("页面过期了，请刷新后再提交。"))


class ReturnForm(FlaskForm):
    category = SelectField(_l("退单原因"), choices=choices((r, r) for r in RETURN_REASONS),
                           validators=[DataRequired(_l("请选择退单原因。"))])
    text = TextAreaField(_l("说明（最好写明应该由哪个部门办）"), validators=[
        DataRequired(_l("请写明退单的理由。")), Length(max=2000, message=_l("最多 2000 字。"))])


class NoteForm(FlaskForm):
    text = TextAreaField(_l("进展或意见"), validators=[
        DataRequired(_l("请写下进展或意见。")), Length(max=2000, message=_l("最多 2000 字。"))])


class AskChildForm(FlaskForm):
    """The agency's question for the child, passed on by the facilitator."""

    question = TextAreaField(_l("想问孩子的问题"), validators=[
        DataRequired(_l("请写下想问孩子的问题。")), Length(max=300, message=_l("最多 300 字。"))])


class AgencyTextForm(FlaskForm):
    """The city's own words for the agencies, replacing what they read."""

    text = TextAreaField(_l("给部门看的说法"), validators=[
        DataRequired(_l("请写下给部门看的说法。")), Length(max=4000, message=_l("最多 4000 字。"))])


class AnswerForm(FlaskForm):
    child_text = TextAreaField(_l("给孩子的回复（必填，孩子能看懂的话）"), validators=[
        DataRequired(_l("请写一段给孩子看的回复。")),
        Length(max=CHILD_TEXT_LIMIT, message=_l("给孩子的回复最多 300 字。"))])
    formal_text = TextAreaField(_l("正式答复（可选）"), validators=[
        Optional(), Length(max=8000, message=_l("正式答复最多 8000 字。"))])
    due_weight = RadioField(_l("孩子的意见采纳得怎么样"),
                            choices=choices((str(k), v) for k, v in DUE_WEIGHT_LABELS.items()),
                            validators=[DataRequired(_l("请选择采纳情况。"))])
    reason = TextAreaField(_l("原因"), validators=[
        Optional(), Length(max=2000, message=_l("最多 2000 字。"))])
    next_step = StringField(_l("下一步"), validators=[
        Optional(), Length(max=2000, message=_l("最多 2000 字。"))])
    next_date = DateField(_l("下一步的日期"), validators=[Optional()])
    attachment = FileField(_l("附件（PDF、JPG 或 PNG，可选）"))
    ask_office = BooleanField(_l("我看过提醒了，还是想照原样发：请妇儿工委办看过再发给孩子"))


class ReleaseAnswerForm(FlaskForm):
    """The city office lets a held answer through: rewritten, or as written with a reason."""

    rewrite = TextAreaField(_l("改成孩子能看懂的话（改了就发改过的）"), validators=[
        Optional(), Length(max=CHILD_TEXT_LIMIT, message=_l("最多 300 字。"))])
    reason = TextAreaField(_l("照原样发送的原因（不改时必填）"), validators=[
        Optional(), Length(max=500, message=_l("最多 500 字。"))])


class AttachForm(FlaskForm):
    attachment = FileField(_l("附件（PDF、JPG 或 PNG）"))


class RouteForm(FlaskForm):
    topic = SelectField(_l("主题"), choices=TOPIC_CHOICES,
                        validators=[DataRequired(_l("请选择一个主题。"))])
    note = StringField(_l("说明（可选）"), validators=[
        Optional(), Length(max=500, message=_l("最多 500 字。"))])


class DeclineForm(FlaskForm):
    reason = TextAreaField(_l("不送出的原因（孩子会看到）"), validators=[
        DataRequired(_l("请写下孩子能看懂的原因。")),
        Length(max=2000, message=_l("最多 2000 字。"))])


class SuggestForm(FlaskForm):
    text = TextAreaField(_l("你的建议"), filters=[no_nul], validators=[
        DataRequired(_l("请写下你的建议。")), Length(max=1000, message=_l("最多写 1000 个字哦。"))])
    place = StringField(_l("在哪里（可以不填）"), filters=[no_nul], validators=[
        Optional(), Length(max=200, message=_l("地点写短一点吧。"))])
    place_id = HiddenField(_l("地图上选的地点"), filters=[no_nul], validators=[
        Optional(), Regexp(r"^\d{1,9}$", message=_l("地图上选的地点不对，请再选一次。"))])
    plan_id = SelectField(_l("你在哪个城市"), validators=[DataRequired(_l("请选择城市。"))])
    consent_to_publish = BooleanField(_l("可以把我的建议（不写名字）公开给大家看"))
    # Asked only of a child without an account, as in the chat; not tapped counts as 不想说.
    age_band = RadioField(_l("你几岁啦？"), choices=AGE_CHOICES, validators=[Optional()])
    idempotency_key = HiddenField(_l("提交编号"), validators=[
        DataRequired(_l("页面过期了，请刷新后再提交。")), KEY_RULE])


class RatingForm(FlaskForm):
    value = RadioField(_l("你觉得这个回复怎么样"),
                       choices=choices((str(k), v) for k, v in RATING_LABELS.items()),
                       validators=[DataRequired(_l("请选一个。"))])
    comment = TextAreaField(_l("还想说点什么吗（可以不填）"), validators=[
        Optional(), Length(max=500, message=_l("最多写 500 个字哦。"))])


class ContestForm(FlaskForm):
    text = TextAreaField(_l("你想补充什么"), validators=[
        DataRequired(_l("请写下你的想法。")), Length(max=500, message=_l("最多写 500 个字哦。"))])


class ReplyForm(FlaskForm):
    """The child's answer to the facilitator's question (see models/suggestions/questions)."""

    text = TextAreaField(_l("你的回答"), validators=[
        DataRequired(_l("写一写你的回答吧。")), Length(max=500, message=_l("最多写 500 个字哦。"))])


class TrackForm(FlaskForm):
    class Meta:
        csrf = False

    code = StringField(_l("查询码"), validators=[
        DataRequired(_l("请填查询码。")), Length(max=16, message=_l("查询码太长了。"))])


class EscalateForm(FlaskForm):
    level = RadioField(_l("这一步"), choices=[("1", _l("催办")), ("2", _l("督办")),
                                            ("3", _l("通报"))],
                       validators=[DataRequired(_l("请选择催办、督办或通报。"))])
    note = TextAreaField(_l("要求（部门会收到）"), validators=[
        Optional(), Length(max=1000, message=_l("最多 1000 字。"))])


class ExtensionForm(FlaskForm):
    new_date = DateField(_l("希望延到哪一天"), validators=[DataRequired(_l("请选择新的期限。"))])
    reason = TextAreaField(_l("延期的原因"), validators=[
        DataRequired(_l("请写下为什么需要延期。")), Length(max=1000, message=_l("最多 1000 字。"))])


class DecideExtensionForm(FlaskForm):
    decision = RadioField(_l("决定"), choices=[("approve", _l("同意延期")),
                                              ("refuse", _l("不同意"))],
                          validators=[DataRequired(_l("请选择同意或不同意。"))])
    answer = TextAreaField(_l("说明（不同意时必填，部门会看到）"), validators=[
        Optional(), Length(max=1000, message=_l("最多 1000 字。"))])
