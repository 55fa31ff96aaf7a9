"""Forms for sign-in codes, access reasons, safeguarding reports, reports and data deletion."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, PasswordField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Regexp

from models.privacy.audit import ACCESS_REASONS
from models.safety.report import REPORT_KINDS
from models.safety.safeguarding import REPORT_TARGETS
from webapp.forms.common import PIN_RULE
from webapp.i18n import choices


class TotpForm(FlaskForm):
    code = StringField(_l("手机验证器上的 6 位数字"), validators=[
        DataRequired(_l("请输入 6 位验证码。")),
        Regexp(r"^\s*\d{3}\s?\d{3}\s*$", message=_l("验证码是 6 位数字。"))])


class AccessReasonForm(FlaskForm):
    reason = SelectField(_l("为什么要看孩子写的原文？"),
                         choices=[("", _l("请选择"))] + choices(ACCESS_REASONS.items()),
                         validators=[DataRequired(_l("请选择查看原因。"))])
    note = StringField(_l("补充说明（可以不填，不要写孩子的话）"), validators=[
        Length(max=200, message=_l("补充说明请少于 200 字。"))])


class SafeguardingReportForm(FlaskForm):
    target = SelectField(_l("已经向哪里报告"),
                         choices=[("", _l("请选择"))] + choices(REPORT_TARGETS.items()),
                         validators=[DataRequired(_l("请选择向哪里报告。"))])
    reference = StringField(_l("回执或接警编号（如果有）"), validators=[
        Length(max=80, message=_l("编号太长了。"))])
    note = TextAreaField(_l("记录（何时、和谁通话、对方怎么说）"), validators=[
        Length(max=1000, message=_l("记录请少于 1000 字。"))])


class ReportForm(FlaskForm):
    kind = SelectField(_l("是什么问题？"),
                       choices=[("", _l("请选择"))] + choices(REPORT_KINDS.items()),
                       validators=[DataRequired(_l("请选择是什么问题。"))])
    message = TextAreaField(_l("发生了什么？（不用写你的真名、电话或地址）"), validators=[
        DataRequired(_l("请写一写发生了什么。")),
        Length(max=2000, message=_l("请少于 2000 字。"))])


class DeleteMyDataForm(FlaskForm):
    pin = PasswordField(_l("再输一次你的密码"), validators=[
        DataRequired(_l("请输入密码。")), PIN_RULE])
    sure = BooleanField(_l("我知道删除以后就找不回来了"),
                        validators=[DataRequired(_l("请勾选确认。"))])
