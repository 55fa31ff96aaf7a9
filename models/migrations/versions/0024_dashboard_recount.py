"""Dashboard recount: the days a change without an event leaves for the rollup's next run

Revision ID: 0024
Revises: 0023
"""
import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = '0024'
down_revision = "0023"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('dashboard_recount',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_dashboard_recount_plan_id'), 'dashboard_recount', ['plan_id'],
                    unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_dashboard_recount_plan_id'), table_name='dashboard_recount')
    op.drop_table('dashboard_recount')
