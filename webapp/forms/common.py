"""Every HTML form, with checks that explain themselves in plain Chinese."""

from __future__ import annotations

from datetime import date

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import HiddenField, IntegerField, PasswordField, StringField
from wtforms.validators import DataRequired, Length, NumberRange, Optional, Regexp, ValidationError

from models.people.accounts import Joining

PIN_RULE = Regexp(r"^\d{4,6}$", message=_l("密码是 4 到 6 位数字。"))
def trimmed(value):
    """Spaces a child types before or after a nickname or code are dropped, not refused."""
    return value.strip() if isinstance(value, str) else value


NICKNAME_RULE = Regexp(r"^[\w\u4e00-\u9fff·-]{1,12}$",
                       message=_l("昵称用 1 到 12 个汉字、字母或数字就好。"))


class ChildSignInForm(FlaskForm):
    invite_code = StringField(_l("邀请码"), filters=[trimmed], validators=[
        DataRequired(_l("请填邀请码。")), Length(max=12, message=_l("邀请码太长了。"))])
    nickname = StringField(_l("昵称"), filters=[trimmed],
                           validators=[DataRequired(_l("请填昵称。")), NICKNAME_RULE])
    pin = PasswordField(_l("密码（4 到 6 位数字）"), validators=[
        DataRequired(_l("请填密码。")), PIN_RULE])


class ChildBirthForm(FlaskForm):
    """Birth year and month, which every new child account needs: they set the consent rule."""

    birth_year = IntegerField(_l("出生年份"), validators=[
        DataRequired(_l("请填出生年份，比如 2015。")),
        NumberRange(min=1990, max=2100, message=_l("年份看起来不对。"))])
    birth_month = IntegerField(_l("出生月份"), validators=[
        DataRequired(_l("请填出生月份（1 到 12）。")),
        NumberRange(min=1, max=12, message=_l("月份是 1 到 12。"))])

    def validate_birth_year(self, field) -> None:
        age = date.today().year - (field.data or 0)
        if not 4 <= age <= 18:
            raise ValidationError(_l("童声是给 4 到 18 岁的小朋友用的，请检查出生年份。"))


class ChildJoinForm(ChildBirthForm):
    invite_code = StringField(_l("邀请码"), filters=[trimmed], validators=[
        DataRequired(_l("请填邀请码。")), Length(max=12, message=_l("邀请码太长了。"))])
    nickname = StringField(_l("给自己起个昵称（不要用真名哦）"), filters=[trimmed], validators=[
        DataRequired(_l("请填昵称。")), NICKNAME_RULE])
    pin = PasswordField(_l("设一个密码（4 到 6 位数字）"), validators=[
        DataRequired(_l("请设一个密码。")), PIN_RULE])

    def to_joining(self) -> Joining:
        return Joining(invite_code=self.invite_code.data, nickname=self.nickname.data.strip(),
                       birth_year=self.birth_year.data, birth_month=self.birth_month.data,
                       pin=self.pin.data)


class StaffSignInForm(FlaskForm):
    username = StringField(_l("用户名"), validators=[
        DataRequired(_l("请填用户名。")), Length(max=80, message=_l("用户名太长。"))])
    password = PasswordField(_l("密码"), validators=[
        DataRequired(_l("请填密码。")), Length(max=128, message=_l("密码太长。"))])


class ChatTurnForm(FlaskForm):
    """One message to the assistant; seq is the turn the page showed, so retries are safe."""

    text = StringField(_l("写下你想说的"), validators=[
        DataRequired(_l("你还没有写字哦。")),
        Length(max=500, message=_l("太长啦，请少于 500 个字，可以分几次说。"))])
    seq = IntegerField(validators=[Optional()], widget=HiddenField.widget)


class ChatPlaceForm(FlaskForm):
    """A place picked on the map, sent to the chat as the answer to "where?"."""

    place_id = IntegerField(_l("地点"), validators=[DataRequired(_l("请选一个地点。"))],
                            widget=HiddenField.widget)


class ChatPhotoForm(FlaskForm):
    photo = FileField(_l("加一张照片（可以不加）"),
                      validators=[FileRequired(_l("请先选一张照片。"))])


class CaseCodeForm(FlaskForm):
    """A child coming back to a safeguarding conversation, on this or another device."""

    code = StringField(_l("个案码"), validators=[
        DataRequired(_l("请填个案码。")), Length(max=12, message=_l("个案码太长了。"))])


class StaffWordsForm(FlaskForm):
    """What a safeguarding lead writes into the child's chat (logged in the case)."""

    text = StringField(_l("想对孩子说的话"), validators=[
        DataRequired(_l("请写下想对孩子说的话。")), Length(max=500, message=_l("最多 500 个字。"))])
