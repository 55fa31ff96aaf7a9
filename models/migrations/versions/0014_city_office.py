"""The city office: each group's district (figures by district); 派单 by a person (who chose
each agency, each lead's own 签收, 退单 reviewed by the coordinator)

Revision ID: 0014
Revises: 0011
"""
import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = '0014'
down_revision = "0011"
branch_labels = None
depends_on = None

STRING = sqlmodel.sql.sqltypes.AutoString
WHEN = sqlmodel.sql.sqltypes.UTCDateTime


def upgrade() -> None:
    with op.batch_alter_table('child_group') as batch:
        batch.add_column(sa.Column('district', STRING(length=40), nullable=False,
                                   server_default=''))
    with op.batch_alter_table('assignment') as batch:
        batch.add_column(sa.Column('signed_at', WHEN(), nullable=True))
        batch.add_column(sa.Column('chosen_by', STRING(length=120), nullable=False,
                                   server_default=''))
    op.create_table('return_review',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('suggestion_id', sa.Integer(), nullable=False),
    sa.Column('agency_id', sa.Integer(), nullable=False),
    sa.Column('category', STRING(length=20), nullable=False),
    sa.Column('reason', STRING(length=2000), nullable=False),
    sa.Column('state', sa.String(length=20), nullable=False),
    sa.Column('decided_by_id', sa.Integer(), nullable=True),
    sa.Column('decided_by', STRING(length=120), nullable=False),
    sa.Column('answer', STRING(length=2000), nullable=False),
    sa.Column('created_at', WHEN(), nullable=False),
    sa.Column('decided_at', WHEN(), nullable=True),
    sa.ForeignKeyConstraint(['agency_id'], ['agency.id'], ),
    sa.ForeignKeyConstraint(['decided_by_id'], ['account.id'], ),
    sa.ForeignKeyConstraint(['suggestion_id'], ['suggestion.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_return_review_suggestion_id'), 'return_review',
                    ['suggestion_id'], unique=False)
    op.create_index(op.f('ix_return_review_state'), 'return_review', ['state'], unique=False)
    op.create_table('plan_version',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', STRING(length=40), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('content', STRING(), nullable=False),
    sa.Column('changes', STRING(length=4000), nullable=False),
    sa.Column('reason', STRING(length=1000), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=True),
    sa.Column('author', STRING(length=120), nullable=False),
    sa.Column('created_at', WHEN(), nullable=False),
    sa.ForeignKeyConstraint(['author_id'], ['account.id'], ),
    sa.ForeignKeyConstraint(['plan_id'], ['city_plan.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_plan_version_plan_id'), 'plan_version', ['plan_id'], unique=False)
    with op.batch_alter_table('notification') as batch:
        batch.add_column(sa.Column('email_to', STRING(length=200), nullable=False,
                                   server_default=''))


def downgrade() -> None:
    op.drop_index(op.f('ix_plan_version_plan_id'), table_name='plan_version')
    op.drop_table('plan_version')
    with op.batch_alter_table('notification') as batch:
        batch.drop_column('email_to')
    op.drop_index(op.f('ix_return_review_state'), table_name='return_review')
    op.drop_index(op.f('ix_return_review_suggestion_id'), table_name='return_review')
    op.drop_table('return_review')
    with op.batch_alter_table('assignment') as batch:
        batch.drop_column('chosen_by')
        batch.drop_column('signed_at')
    with op.batch_alter_table('child_group') as batch:
        batch.drop_column('district')
