"""督办 that acts: each 催办/督办/通报 step, and 延期申请 with the coordinator's decision

Revision ID: 0007
Revises: 0006
"""
import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None

STRING = sqlmodel.sql.sqltypes.AutoString
WHEN = sqlmodel.sql.sqltypes.UTCDateTime


def upgrade() -> None:
    op.create_table('supervision_step',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('suggestion_id', sa.Integer(), nullable=False),
    sa.Column('level', sa.Integer(), nullable=False),
    sa.Column('note', STRING(length=1000), nullable=False),
    sa.Column('agencies', STRING(length=500), nullable=False),
    sa.Column('due', WHEN(), nullable=True),
    sa.Column('days_overdue', sa.Integer(), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('actor_name', STRING(length=120), nullable=False),
    sa.Column('created_at', WHEN(), nullable=False),
    sa.ForeignKeyConstraint(['actor_id'], ['account.id'], ),
    sa.ForeignKeyConstraint(['suggestion_id'], ['suggestion.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_supervision_step_suggestion_id'), 'supervision_step',
                    ['suggestion_id'], unique=False)
    op.create_table('extension_request',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('suggestion_id', sa.Integer(), nullable=False),
    sa.Column('agency_id', sa.Integer(), nullable=True),
    sa.Column('requested_by_id', sa.Integer(), nullable=True),
    sa.Column('reason', STRING(length=1000), nullable=False),
    sa.Column('old_due', WHEN(), nullable=True),
    sa.Column('new_due', WHEN(), nullable=False),
    sa.Column('state', sa.String(length=20), nullable=False),
    sa.Column('answer', STRING(length=1000), nullable=False),
    sa.Column('decided_by_id', sa.Integer(), nullable=True),
    sa.Column('decided_at', WHEN(), nullable=True),
    sa.Column('created_at', WHEN(), nullable=False),
    sa.ForeignKeyConstraint(['agency_id'], ['agency.id'], ),
    sa.ForeignKeyConstraint(['decided_by_id'], ['account.id'], ),
    sa.ForeignKeyConstraint(['requested_by_id'], ['account.id'], ),
    sa.ForeignKeyConstraint(['suggestion_id'], ['suggestion.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_extension_request_suggestion_id'), 'extension_request',
                    ['suggestion_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_extension_request_suggestion_id'), table_name='extension_request')
    op.drop_table('extension_request')
    op.drop_index(op.f('ix_supervision_step_suggestion_id'), table_name='supervision_step')
    op.drop_table('supervision_step')
