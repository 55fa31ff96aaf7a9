"""Open311 that clients use: keys scoped to a city and revocable, tokens and points of
posted requests; the index the agency's "in progress" tab reads

Revision ID: 0015
Revises: 0014
"""
import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = '0015'
down_revision = "0014"
branch_labels = None
depends_on = None

STRING = sqlmodel.sql.sqltypes.AutoString
WHEN = sqlmodel.sql.sqltypes.UTCDateTime


def upgrade() -> None:
    with op.batch_alter_table('api_client') as table:
        table.add_column(sa.Column('plan_id', STRING(length=40), nullable=True))
        table.add_column(sa.Column('key_start', STRING(length=16), nullable=False,
                                   server_default=''))
        table.add_column(sa.Column('issued_by', STRING(length=120), nullable=False,
                                   server_default=''))
        table.add_column(sa.Column('revoked_at', WHEN(), nullable=True))
        table.add_column(sa.Column('revoked_by', STRING(length=120), nullable=False,
                                   server_default=''))
    with op.batch_alter_table('api_client') as table:
        for column in ('key_start', 'issued_by', 'revoked_by'):
            table.alter_column(column, server_default=None)
    op.create_table('open311_request',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('suggestion_id', sa.Integer(), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('token', STRING(length=32), nullable=False),
    sa.Column('latitude', sa.Float(), nullable=True),
    sa.Column('longitude', sa.Float(), nullable=True),
    sa.Column('created_at', WHEN(), nullable=False),
    sa.ForeignKeyConstraint(['client_id'], ['api_client.id'], ),
    sa.ForeignKeyConstraint(['suggestion_id'], ['suggestion.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('suggestion_id'),
    sa.UniqueConstraint('token')
    )
    op.create_index(op.f('ix_open311_request_client_id'), 'open311_request', ['client_id'],
                    unique=False)
    op.create_index('ix_assignment_current_suggestion', 'assignment',
                    ['suggestion_id', 'agency_id'], unique=False,
                    postgresql_where=sa.text('is_current'), sqlite_where=sa.text('is_current'))


def downgrade() -> None:
    op.drop_index('ix_assignment_current_suggestion', table_name='assignment')
    op.drop_index(op.f('ix_open311_request_client_id'), table_name='open311_request')
    op.drop_table('open311_request')
    with op.batch_alter_table('api_client') as table:
        for column in ('revoked_by', 'revoked_at', 'issued_by', 'key_start', 'plan_id'):
            table.drop_column(column)
