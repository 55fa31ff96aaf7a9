"""Dashboard rollup: a big city's settled figures per day, so any period is a sum

Revision ID: 0023
Revises: 0022
"""
import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = '0023'
down_revision = "0022"
branch_labels = None
depends_on = None

WHEN = sqlmodel.sql.sqltypes.UTCDateTime
COUNTS = ("received", "signed", "signed_on_time", "waiting_to_sign_late", "returned",
          "answered", "answered_on_time", "waiting_for_answer_late", "rated", "content", "overdue", "weight_adopted", "weight_partly",
          "weight_not_adopted", "weight_already_done")


def upgrade() -> None:
    op.create_table('dashboard_day',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('agency_id', sa.Integer(), nullable=False),
    sa.Column('part', sa.String(length=12), nullable=False),
    sa.Column('key', sa.String(length=200), nullable=True),
    *[sa.Column(name, sa.Integer(), nullable=False) for name in COUNTS],
    sa.Column('overdue_days', sa.Float(), nullable=False),
    sa.Column('overdue_days_max', sa.Float(), nullable=False),
    sa.PrimaryKeyConstraint('id'))
    op.create_index('ix_dashboard_day_plan', 'dashboard_day', ['plan_id', 'part', 'day'])
    op.create_index('ix_dashboard_day_agency', 'dashboard_day', ['agency_id', 'part', 'day'])
    op.create_table('dashboard_rollup_mark',
    sa.Column('plan_id', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('counted_at', WHEN(), nullable=False),
    sa.Column('built_on', sa.Date(), nullable=True),
    sa.PrimaryKeyConstraint('plan_id'))


def downgrade() -> None:
    op.drop_table('dashboard_rollup_mark')
    op.drop_index('ix_dashboard_day_agency', table_name='dashboard_day')
    op.drop_index('ix_dashboard_day_plan', table_name='dashboard_day')
    op.drop_table('dashboard_day')
