"""indexes for the dashboards' figures at scale

Revision ID: 0020
Revises: 0019
"""
import sqlalchemy as sa
from alembic import op

revision = '0020'
down_revision = "0019"
branch_labels = None
depends_on = None

# (name, table, columns, partial WHERE or None): mirrors the models' __table_args__.
# Written out here (not imported from the models), so the revision never changes after it
# shipped. An index is built from the rows already there: nothing else to fill.
INDEXES = [
    # The figures' 签收 and 退单 by an agency's own staff, read from the index alone.
    ("ix_event_agency_acts", "event", ["suggestion_id", "actor_id", "action", "created_at"],
     "action IN ('accept', 'return') AND actor_kind = 'agency_staff'"),
]


def upgrade() -> None:
    for name, table, columns, where in INDEXES:
        partial = {} if where is None else {"postgresql_where": sa.text(where),
                                            "sqlite_where": sa.text(where)}
        op.create_index(name, table, columns, unique=False, **partial)


def downgrade() -> None:
    for name, table, _columns, _where in reversed(INDEXES):
        op.drop_index(name, table_name=table)
