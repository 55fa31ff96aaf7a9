"""Web push: a browser's subscription and the suggestions it follows

Revision ID: 0021
Revises: 0020
"""
import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = '0021'
down_revision = "0020"
branch_labels = None
depends_on = None

STRING = sqlmodel.sql.sqltypes.AutoString
WHEN = sqlmodel.sql.sqltypes.UTCDateTime


def upgrade() -> None:
    op.create_table('push_subscription',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('endpoint', STRING(length=1000), nullable=False),
    sa.Column('p256dh', STRING(length=200), nullable=False),
    sa.Column('auth', STRING(length=100), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=True),
    sa.Column('lang', STRING(length=10), nullable=False),
    sa.Column('created_at', WHEN(), nullable=False),
    sa.Column('pending_at', WHEN(), nullable=True),
    sa.Column('sent_at', WHEN(), nullable=True),
    sa.ForeignKeyConstraint(['member_id'], ['member.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('endpoint'))
    op.create_index(op.f('ix_push_subscription_member_id'), 'push_subscription', ['member_id'],
                    unique=False)
    op.create_index(op.f('ix_push_subscription_pending_at'), 'push_subscription',
                    ['pending_at'], unique=False)
    op.create_table('push_follow',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('subscription_id', sa.Integer(), nullable=False),
    sa.Column('suggestion_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['subscription_id'], ['push_subscription.id'], ),
    sa.ForeignKeyConstraint(['suggestion_id'], ['suggestion.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('subscription_id', 'suggestion_id'))
    op.create_index(op.f('ix_push_follow_subscription_id'), 'push_follow', ['subscription_id'],
                    unique=False)
    op.create_index(op.f('ix_push_follow_suggestion_id'), 'push_follow', ['suggestion_id'],
                    unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_push_follow_suggestion_id'), table_name='push_follow')
    op.drop_index(op.f('ix_push_follow_subscription_id'), table_name='push_follow')
    op.drop_table('push_follow')
    op.drop_index(op.f('ix_push_subscription_pending_at'), table_name='push_subscription')
    op.drop_index(op.f('ix_push_subscription_member_id'), table_name='push_subscription')
    op.drop_table('push_subscription')
