"""Visit saves: the idempotency key of each save of an observer visit's form

Revision ID: 0025
Revises: 0024
"""
import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = '0025'
down_revision = "0024"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('visit_save',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('visit_id', sa.Integer(), nullable=False),
    sa.Column('idempotency_key', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['visit_id'], ['visit.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('idempotency_key')
    )
    op.create_index(op.f('ix_visit_save_visit_id'), 'visit_save', ['visit_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_visit_save_visit_id'), table_name='visit_save')
    op.drop_table('visit_save')
