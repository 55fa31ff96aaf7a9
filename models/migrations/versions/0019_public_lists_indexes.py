"""indexes for the public board, Open311's list and the agency inbox's size

Revision ID: 0019
Revises: 0015
"""
import sqlalchemy as sa
from alembic import op

revision = '0019'
down_revision = "0017"
branch_labels = None
depends_on = None

# Written out here (not imported from the models), so the revision never changes after it
# shipped: the columns of publication.public_condition as its SQL reads.
PUBLIC = "consent_to_publish IS true AND urgent IS false AND case_id IS NULL"
PUBLIC_STATUSES = "('dispatched', 'accepted', 'in_progress', 'answered', 'closed', 'returned')"
# (name, table, columns, partial WHERE or None): mirrors the models' __table_args__.
INDEXES = [
    ("ix_suggestion_public", "suggestion", ["plan_id", "created_at", "id"],
     f"{PUBLIC} AND status IN {PUBLIC_STATUSES}"),
    ("ix_suggestion_board", "suggestion", ["plan_id", "domain", "tracking_code", "id"],
     f"{PUBLIC} AND status IN ('answered', 'closed')"),
    ("ix_assignment_agency_inbox", "assignment", ["agency_id"], "is_current"),
    ("ix_assignment_agency_role", "assignment", ["agency_id", "role", "suggestion_id"], None),
    ("ix_answer_newest", "answer", ["created_at", "id"], None),
    ("ix_answer_latest", "answer", ["suggestion_id", "id", "agency_id"], None),
]


def upgrade() -> None:
    for name, table, columns, where in INDEXES:
        partial = {} if where is None else {"postgresql_where": sa.text(where),
                                            "sqlite_where": sa.text(where)}
        op.create_index(name, table, columns, unique=False, **partial)


def downgrade() -> None:
    for name, table, _columns, _where in reversed(INDEXES):
        op.drop_index(name, table_name=table)
