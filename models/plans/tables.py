"""A city's plan and its agencies as rows, imported from the plan files and editable."""

from sqlmodel import Field, SQLModel, UniqueConstraint


class CityPlan(SQLModel, table=True):
    """One city's plan; the file is the source, the row lets the coordinator pick it."""

    __tablename__ = "city_plan"

    id: str = Field(primary_key=True, max_length=40)
    city: str = Field(max_length=80)
    title: str = Field(max_length=300)
    period: str = Field(max_length=40)
    coordinator: str = Field(max_length=120)
    is_active: bool = True


class Agency(SQLModel, table=True):
    """A government body that answers children, with the contact the coordinator keeps."""

    __table_args__ = (UniqueConstraint("plan_id", "name"),)

    id: int | None = Field(default=None, primary_key=True)
    plan_id: str = Field(foreign_key="city_plan.id", index=True, max_length=40)
    name: str = Field(max_length=120)
    kind: str = Field(default="government", max_length=20)
    contact_name: str = Field(default="", max_length=80)
    contact_email: str = Field(default="", max_length=200)
    contact_phone: str = Field(default="", max_length=40)
    is_coordinator: bool = False
