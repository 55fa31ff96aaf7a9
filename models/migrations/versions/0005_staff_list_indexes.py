"""indexes for paginated staff lists and SQL-side counts

Revision ID: 0005
Revises: 0004
"""
from alembic import op
import sqlalchemy as sa

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

# (name, table, columns, partial WHERE or None): mirrors the models' __table_args__.
INDEXES = [
    ("ix_suggestion_plan_status", "suggestion", ["plan_id", "status"], None),
    ("ix_suggestion_plan_newest", "suggestion", ["plan_id", "urgent", "created_at", "id"], None),
    ("ix_suggestion_plan_created", "suggestion", ["plan_id", "created_at", "id"], None),
    ("ix_suggestion_plan_overdue", "suggestion", ["plan_id"], "overdue"),
    ("ix_suggestion_group_status", "suggestion", ["group_id", "status"], None),
    ("ix_assignment_agency_current", "assignment", ["agency_id", "suggestion_id"], "is_current"),
    ("ix_event_reopen", "event", ["suggestion_id"], "action = 'reopen'"),
]


def upgrade() -> None:
    for name, table, columns, where in INDEXES:
        partial = {} if where is None else {"postgresql_where": sa.text(where),
                                            "sqlite_where": sa.text(where)}
        op.create_index(name, table, columns, unique=False, **partial)


def downgrade() -> None:
    for name, table, _columns, _where in reversed(INDEXES):
        op.drop_index(name, table_name=table)
