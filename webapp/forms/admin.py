"""Forms of the coordinator's administration pages."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SelectField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Email, Length, Optional, Regexp, ValidationError

from models.people.tables import ROLE_LABELS, Role
from webapp.i18n import lazy

PHONE = Regexp(r"^[0-9+\- ]{0,20}$", message=_l("电话只能包含数字、空格、加号和短横线。"))


class AgencyContactForm(FlaskForm):
    contact_name = StringField(_l("联络人"), validators=[Length(max=80, message=_l("太长了。"))])
    contact_email = StringField(_l("联络邮箱"), validators=[
        Optional(), Email(message=_l("邮箱格式不对。")), Length(max=200)])
    contact_phone = StringField(_l("联络电话"), validators=[Length(max=40), PHONE])


class NewAccountForm(FlaskForm):
    username = StringField(_l("用户名"), validators=[
        DataRequired(_l("请填用户名。")),
        Regexp(r"^[a-z0-9_.-]{3,40}$",
               message=_l("用户名用 3 到 40 个小写字母、数字、点或短横线。"))])
    display_name = StringField(_l("显示名称"), validators=[
        DataRequired(_l("请填显示名称。")), Length(max=80, message=_l("太长了。"))])
    email = StringField(_l("邮箱"), validators=[Optional(), Email(message=_l("邮箱格式不对。"))])
    role = SelectField(_l("角色"), choices=[SelectChoice(role.value, lazy(label))
                                            for role, label in ROLE_LABELS.items()])
    agency_id = SelectField(_l("部门（部门工作人员必选）"), coerce=int, choices=[])

    def validate_agency_id(self, field) -> None:
        if self.role.data == Role.AGENCY_STAFF and not field.data:
            raise ValidationError(_l("部门工作人员必须选择一个部门。"))
