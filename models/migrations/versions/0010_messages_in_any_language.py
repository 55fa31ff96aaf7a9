"""Notices, platform notes and case steps kept as a message and its values, in each reader's language

Older rows keep only their Chinese text and are shown as before.

Revision ID: 0010
Revises: 0007
"""
import sqlalchemy as sa
from alembic import op

revision = '0010'
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('notification') as batch:
        batch.add_column(sa.Column('message_data', sa.JSON(), nullable=True))
    with op.batch_alter_table('event') as batch:
        batch.add_column(sa.Column('note_data', sa.JSON(), nullable=True))
    with op.batch_alter_table('safeguarding_entry') as batch:
        batch.add_column(sa.Column('text_data', sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('safeguarding_entry') as batch:
        batch.drop_column('text_data')
    with op.batch_alter_table('event') as batch:
        batch.drop_column('note_data')
    with op.batch_alter_table('notification') as batch:
        batch.drop_column('message_data')
