"""A child carries an anonymous suggestion to another device with a one-time ticket

Revision ID: 0011
Revises: 0010
"""
import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = '0011'
down_revision = "0010"
branch_labels = None
depends_on = None

STRING = sqlmodel.sql.sqltypes.AutoString
WHEN = sqlmodel.sql.sqltypes.UTCDateTime


def upgrade() -> None:
    op.create_table('carry_ticket',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', STRING(length=16), nullable=False),
    sa.Column('suggestion_id', sa.Integer(), nullable=False),
    sa.Column('created_at', WHEN(), nullable=False),
    sa.Column('expires_at', WHEN(), nullable=False),
    sa.Column('used_at', WHEN(), nullable=True),
    sa.Column('used_by_hash', STRING(length=64), nullable=True),
    sa.ForeignKeyConstraint(['suggestion_id'], ['suggestion.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_carry_ticket_code'), 'carry_ticket', ['code'], unique=True)
    op.create_index(op.f('ix_carry_ticket_suggestion_id'), 'carry_ticket', ['suggestion_id'],
                    unique=False)
    op.create_index(op.f('ix_carry_ticket_used_by_hash'), 'carry_ticket', ['used_by_hash'],
                    unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_carry_ticket_used_by_hash'), table_name='carry_ticket')
    op.drop_index(op.f('ix_carry_ticket_suggestion_id'), table_name='carry_ticket')
    op.drop_index(op.f('ix_carry_ticket_code'), table_name='carry_ticket')
    op.drop_table('carry_ticket')
