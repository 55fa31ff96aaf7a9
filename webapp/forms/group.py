"""Forms of the facilitator's tools: groups, members, consent, meetings and visits."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DateField,
    DateTimeLocalField,
    PasswordField,
    RadioField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Length, Optional

from models.councils.checklists import CHECKLISTS
from models.people.consent import CONSENT_METHODS, GIVERS
from models.people.groups import CHILD_LEAVING_LABELS, LEAVING_LABELS
from models.people.tables import GROUP_KIND_LABELS, GROUP_LEVEL_LABELS
from webapp.forms.common import NICKNAME_RULE, PIN_RULE, ChildBirthForm, trimmed
from webapp.i18n import choices


class GroupForm(FlaskForm):
    name = StringField(_l("小组名称"), validators=[
        DataRequired(_l("请给小组起个名字。")), Length(max=120, message=_l("名称太长了。"))])
    kind = SelectField(_l("类型"), choices=choices(GROUP_KIND_LABELS.items()))
    level = SelectField(_l("级别"), choices=choices(GROUP_LEVEL_LABELS.items()))
    district = StringField(_l("所在区县（市级小组不用填）"), validators=[
        Optional(), Length(max=40, message=_l("区县名称太长了。"))])
    is_active = BooleanField(_l("小组在用（取消后邀请码失效）"), default=True)


class ButtonForm(FlaskForm):
    """A single button (lift a PIN lock, give a new PIN): nothing but the CSRF token."""


class MemberForm(ChildBirthForm):
    nickname = StringField(_l("昵称（不要用真名）"), filters=[trimmed], validators=[
        DataRequired(_l("请填昵称。")), NICKNAME_RULE])
    pin = PasswordField(_l("登录密码（4 到 6 位数字，交给孩子本人）"), validators=[
        DataRequired(_l("请设一个密码。")), PIN_RULE])


class ConsentForm(FlaskForm):
    given_by = SelectField(_l("谁同意的"), choices=choices((g, g) for g in GIVERS))
    method = SelectField(_l("怎么同意的"), choices=choices((m, m) for m in CONSENT_METHODS))
    confirmed = BooleanField(_l("监护人已经看过当前版本的隐私规则"), validators=[
        DataRequired(_l("请先确认监护人看过当前版本的隐私规则。"))])


class LeaveForm(FlaskForm):
    leaving = RadioField(_l("还没送出的建议怎么办"), choices=choices(LEAVING_LABELS.items()),
                         default="keep", validators=[DataRequired(_l("请选一种处理方式。"))])


class ChildLeaveForm(FlaskForm):
    leaving = RadioField(_l("你还没送出的建议怎么办"),
                         choices=choices(CHILD_LEAVING_LABELS.items()), default="keep",
                         validators=[DataRequired(_l("请选一种处理方式。"))])
    sure = BooleanField(_l("我想好了，要离开这个小组"), validators=[
        DataRequired(_l("如果真的要离开，请先勾选“我想好了”。"))])


class MeetingForm(FlaskForm):
    title = StringField(_l("会议标题"), validators=[
        DataRequired(_l("请给会议起个标题。")), Length(max=120, message=_l("标题太长了。"))])
    topic = StringField(_l("议题"), validators=[Length(max=120, message=_l("议题太长了。"))])
    agenda = TextAreaField(_l("议程（一行一项）"), validators=[
        Length(max=4000, message=_l("议程太长了。"))])
    scheduled_at = DateTimeLocalField(_l("时间"), format="%Y-%m-%dT%H:%M", validators=[
        DataRequired(_l("请选会议时间。"))])


class BehalfForm(FlaskForm):
    member_id = SelectField(_l("替哪位小朋友填写"), coerce=int, validators=[
        DataRequired(_l("请选一位小朋友。"))])
    text = TextAreaField(_l("小朋友说的建议（尽量用孩子自己的话）"), validators=[
        DataRequired(_l("请写下建议的内容。")), Length(max=2000, message=_l("建议太长了。"))])


class PollForm(FlaskForm):
    question = StringField(_l("投票问题"), validators=[
        DataRequired(_l("请写下要大家投票的问题。")), Length(max=200, message=_l("问题太长了。"))])
    extra = TextAreaField(_l("其他选项（一行一个）"), validators=[
        Length(max=2000, message=_l("选项太长了。"))])


class VisitForm(FlaskForm):
    checklist = SelectField(_l("观察什么地方"),
                            choices=choices((c.key, c.name) for c in CHECKLISTS.values()))
    place_name = StringField(_l("具体地点"), validators=[
        DataRequired(_l("请写下观察的地点，比如“人民公园东门”。")),
        Length(max=200, message=_l("地点太长了。"))])
    visited_on = DateField(_l("观察日期"), validators=[DataRequired(_l("请选观察日期。"))])
    notes = TextAreaField(_l("备注"), validators=[Optional(), Length(max=4000)])
