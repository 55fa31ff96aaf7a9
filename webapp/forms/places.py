"""Forms of the coordinator's places: one place, and a CSV table of places."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileAllowed, FileField, FileRequired
from wtforms import DecimalField, SelectField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, NumberRange

from models.places.places import LAT_RANGE, LNG_RANGE
from models.places.tables import KIND_NAMES
from webapp.i18n import lazy


class PlaceForm(FlaskForm):
    name = StringField(_l("名称"), validators=[
        DataRequired(_l("请填地点的名称。")), Length(max=120, message=_l("太长了。"))])
    kind = SelectField(_l("种类"), choices=[SelectChoice(k.value, lazy(v))
                                            for k, v in KIND_NAMES.items()])
    district = StringField(_l("区或街道"), validators=[Length(max=40, message=_l("太长了。"))])
    lat = DecimalField(_l("纬度"), places=None, validators=[
        DataRequired(_l("请填纬度。")),
        NumberRange(*LAT_RANGE, message=_l("纬度不在中国境内。"))])
    lng = DecimalField(_l("经度"), places=None, validators=[
        DataRequired(_l("请填经度。")),
        NumberRange(*LNG_RANGE, message=_l("经度不在中国境内。"))])


class PlaceImportForm(FlaskForm):
    table = FileField(_l("地点表格（CSV）"), validators=[
        FileRequired(_l("请选一个 CSV 文件。")),
        FileAllowed(["csv"], _l("只能上传 CSV 文件。"))])
