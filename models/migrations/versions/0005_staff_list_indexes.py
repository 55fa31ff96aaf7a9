"""indexes for paginated staff lists and SQL-side counts; export jobs

Revision ID: 0005
Revises: 0004
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel

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
    ("ix_suggestion_open", "suggestion",
     ["plan_id", "status", "overdue", "sign_due", "answer_due", "updated_at", "id"],
     "status IN ('dispatched', 'accepted', 'in_progress') OR overdue"),
    ("ix_suggestion_queue", "suggestion",
     ["plan_id", "status", "urgent", "created_at", "id", "abstained", "group_id", "topic"],
     "status IN ('submitted', 'in_review', 'returned')"),
    ("ix_assignment_agency_current", "assignment", ["agency_id", "assigned_at", "suggestion_id"],
     "is_current"),
    ("ix_event_reopen", "event", ["suggestion_id"], "action = 'reopen'"),
]


def upgrade() -> None:
    op.create_table(
        'export_job',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('token', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column('account_id', sa.Integer(), nullable=False),
        sa.Column('plan_id', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column('kind', sa.String(length=8), nullable=False),
        sa.Column('filters', sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=False),
        sa.Column('status', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column('done_rows', sa.Integer(), nullable=False),
        sa.Column('total_rows', sa.Integer(), nullable=False),
        sa.Column('file_name', sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
        sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column('finished_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(['account_id'], ['account.id'], ),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('token'),
    )
    op.create_index('ix_export_job_account_id', 'export_job', ['account_id'], unique=False)
    for name, table, columns, where in INDEXES:
        partial = {} if where is None else {"postgresql_where": sa.text(where),
                                            "sqlite_where": sa.text(where)}
        op.create_index(name, table, columns, unique=False, **partial)


def downgrade() -> None:
    op.drop_index('ix_export_job_account_id', table_name='export_job')
    op.drop_table('export_job')
    for name, table, _columns, _where in reversed(INDEXES):
        op.drop_index(name, table_name=table)
