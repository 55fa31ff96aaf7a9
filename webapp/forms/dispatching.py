"""The coordinator's forms of the city office: 派单, 属地 offices, 退单 review, staff sheets,
plan edits."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import (
    BooleanField,
    IntegerField,
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Length, NumberRange, Optional


class ChooseAgenciesForm(FlaskForm):
    """主办 and 协办 from the city's agencies; the choices are set by the view."""

    leads = SelectMultipleField(_l("主办部门（要签收和答复，可以选几个）"), coerce=int,
                                validators=[DataRequired(_l("请至少选一个主办部门。"))])
    partners = SelectMultipleField(_l("协办部门（可以看和留言，可不选）"), coerce=int,
                                   validators=[Optional()])
    note = StringField(_l("说明（可选，部门会看到）"), validators=[
        Optional(), Length(max=500, message=_l("最多 500 字。"))])

    def offer(self, agencies: dict[int, str]) -> ChooseAgenciesForm:
        choices = list(agencies.items())
        self.leads.choices = self.partners.choices = choices
        return self


class LocalOfficeForm(FlaskForm):
    name = StringField(_l("属地单位全称（例如：雁峰区人民政府、先锋街道办事处）"), validators=[
        DataRequired(_l("请写下单位的全称。")), Length(max=120, message=_l("最多 120 字。"))])
    kind = SelectField(_l("级别"), choices=[("district", _l("区县")), ("street", _l("街道"))])


class PlanLocalOfficeForm(LocalOfficeForm):
    """A 属地 office added to the plan itself: a new version, so it needs a reason."""

    reason = StringField(_l("为什么加（必填，会记进版本记录）"), validators=[
        DataRequired(_l("请写下为什么要改。")), Length(max=1000, message=_l("最多 1000 字。"))])


class ReviewReturnForm(FlaskForm):
    decision = RadioField(_l("这张退单"), choices=[
        ("accept", _l("同意退单（这个部门不再办）")),
        ("reject", _l("不同意，退回给这个部门办"))],
        validators=[DataRequired(_l("请选择同意或不同意。"))])
    answer = TextAreaField(_l("说明（不同意时必填，部门会看到）"), validators=[
        Optional(), Length(max=1000, message=_l("最多 1000 字。"))])


class StaffSheetForm(FlaskForm):
    """A CSV or Excel sheet of agency staff (部门, 姓名, 用户名, 邮箱)."""

    sheet = FileField(_l("名单文件（.csv 或 .xlsx，第一行：部门、姓名、用户名、邮箱）"),
                      validators=[FileRequired(_l("请先选一个文件。"))])
    only_check = BooleanField(_l("只检查，先不创建账号"), default=True)


class RouteEditForm(FlaskForm):
    """One topic's route: the task it goes to, and that task's lead and partners."""

    task = SelectField(_l("交给方案里的哪项任务"))
    lead = SelectMultipleField(_l("牵头单位"))
    partners = SelectMultipleField(_l("配合单位（可不选）"), validators=[Optional()])
    reason = StringField(_l("为什么改（必填，会记进版本记录）"), validators=[
        DataRequired(_l("请写下为什么要改。")), Length(max=1000, message=_l("最多 1000 字。"))])


class DeadlinesForm(FlaskForm):
    sign_days = IntegerField(_l("签收期限（工作日）"), validators=[
        DataRequired(_l("请填一个数字。")), NumberRange(1, 30, _l("1 到 30 个工作日。"))])
    answer_days = IntegerField(_l("答复期限（工作日）"), validators=[
        DataRequired(_l("请填一个数字。")), NumberRange(1, 120, _l("1 到 120 个工作日。"))])
    reason = StringField(_l("为什么改（必填，会记进版本记录）"), validators=[
        DataRequired(_l("请写下为什么要改。")), Length(max=1000, message=_l("最多 1000 字。"))])


class RollbackForm(FlaskForm):
    reason = StringField(_l("为什么回到这一版（必填）"), validators=[
        DataRequired(_l("请写下为什么要改。")), Length(max=1000, message=_l("最多 1000 字。"))])


class FollowUpForm(FlaskForm):
    note = TextAreaField(_l("回访情况（必填，比如孩子或辅导员怎么说）"), validators=[
        DataRequired(_l("请写下回访的情况。")), Length(max=2000, message=_l("最多 2000 字。"))])
