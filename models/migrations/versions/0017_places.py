"""Places of a city on a map; suggestions and observer visits may name one

Revision ID: 0017
Revises: 0015
"""
import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = '0017'
down_revision = "0016"
branch_labels = None
depends_on = None

STRING = sqlmodel.sql.sqltypes.AutoString
WHEN = sqlmodel.sql.sqltypes.UTCDateTime


def upgrade() -> None:
    op.create_table('place',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', STRING(length=40), nullable=False),
    sa.Column('name', STRING(length=120), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('district', STRING(length=40), nullable=False),
    sa.Column('city', STRING(length=40), nullable=False),
    sa.Column('lat', sa.Float(), nullable=False),
    sa.Column('lng', sa.Float(), nullable=False),
    sa.Column('source_url', STRING(length=500), nullable=False),
    sa.Column('created_at', WHEN(), nullable=False),
    sa.ForeignKeyConstraint(['plan_id'], ['city_plan.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('plan_id', 'name'))
    op.create_index(op.f('ix_place_plan_id'), 'place', ['plan_id'], unique=False)
    # Only ADD COLUMN and an index (no foreign key, as suggestion.case_id): SQLite needs no
    # rebuild of the suggestion table that so many rows point at.
    for table_name in ('suggestion', 'visit'):
        with op.batch_alter_table(table_name) as table:
            table.add_column(sa.Column('place_id', sa.Integer(), nullable=True))
            table.create_index(op.f(f'ix_{table_name}_place_id'), ['place_id'], unique=False)


def downgrade() -> None:
    for table_name in ('visit', 'suggestion'):
        with op.batch_alter_table(table_name) as table:
            table.drop_index(op.f(f'ix_{table_name}_place_id'))
            table.drop_column('place_id')
    op.drop_index(op.f('ix_place_plan_id'), table_name='place')
    op.drop_table('place')
