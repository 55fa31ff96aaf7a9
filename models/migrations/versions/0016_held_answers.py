"""Answers held for their official words until the city office lets them through

Revision ID: 0016
Revises: 0015
"""
import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = '0016'
down_revision = "0015"
branch_labels = None
depends_on = None

STRING = sqlmodel.sql.sqltypes.AutoString
WHEN = sqlmodel.sql.sqltypes.UTCDateTime


def upgrade() -> None:
    op.create_table('held_answer',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('suggestion_id', sa.Integer(), nullable=False),
    sa.Column('account_id', sa.Integer(), nullable=False),
    sa.Column('child_text', STRING(length=600), nullable=False),
    sa.Column('formal_text', STRING(length=8000), nullable=False),
    sa.Column('due_weight', STRING(length=20), nullable=False),
    sa.Column('reason', STRING(length=2000), nullable=False),
    sa.Column('next_step', STRING(length=2000), nullable=False),
    sa.Column('next_date', WHEN(), nullable=True),
    sa.Column('created_at', WHEN(), nullable=False),
    sa.Column('decided_at', WHEN(), nullable=True),
    sa.Column('decided_by', STRING(length=120), nullable=False),
    sa.ForeignKeyConstraint(['account_id'], ['account.id'], ),
    sa.ForeignKeyConstraint(['suggestion_id'], ['suggestion.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_held_answer_suggestion_id'), 'held_answer', ['suggestion_id'],
                    unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_held_answer_suggestion_id'), table_name='held_answer')
    op.drop_table('held_answer')
