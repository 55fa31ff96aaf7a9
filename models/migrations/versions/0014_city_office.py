"""The city office: the district of each group, for the coordinator's figures by district

Revision ID: 0014
Revises: 0007
"""
import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = '0014'
down_revision = '0007'
branch_labels = None
depends_on = None

STRING = sqlmodel.sql.sqltypes.AutoString


def upgrade() -> None:
    with op.batch_alter_table('child_group') as batch:
        batch.add_column(sa.Column('district', STRING(length=40), nullable=False,
                                   server_default=''))


def downgrade() -> None:
    with op.batch_alter_table('child_group') as batch:
        batch.drop_column('district')
