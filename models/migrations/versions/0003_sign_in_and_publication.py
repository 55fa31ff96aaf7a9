"""sign-in throttling, PIN locks, tracking-code secrets, used one-time codes

Existing chat suggestions get their owner key from the chat that wrote them (the hash of
that device's token), so a child's old tracking links keep working on their own device.

Revision ID: 0003
Revises: 0002
"""
import json

from alembic import op
import sqlalchemy as sa
import sqlmodel

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('member') as batch:
        batch.add_column(sa.Column('pin_failures', sa.Integer(), nullable=False,
                                   server_default='0'))
        batch.add_column(sa.Column('pin_wait_until', sa.DateTime(), nullable=True))
        batch.add_column(sa.Column('pin_locked_at', sa.DateTime(), nullable=True))
    with op.batch_alter_table('account') as batch:
        batch.add_column(sa.Column('totp_last_step', sa.Integer(), nullable=True))
    with op.batch_alter_table('suggestion') as batch:
        batch.add_column(sa.Column('owner_key_hash', sqlmodel.sql.sqltypes.AutoString(length=64),
                                   nullable=True))
    _owner_keys_from_chats()


def _owner_keys_from_chats() -> None:
    """Every tracking code a chat showed belongs to the device that held that chat."""
    connection = op.get_bind()
    rows = connection.execute(sa.text("SELECT device_hash, state FROM conversation"))
    update = sa.text("UPDATE suggestion SET owner_key_hash = :key "
                     "WHERE tracking_code = :code AND owner_key_hash IS NULL")
    for device_hash, state in rows.fetchall():
        state = json.loads(state) if isinstance(state, str) else state or {}
        codes = {m.get('code') for m in state.get('log', []) if m.get('code')}
        codes.add(state.get('code'))
        for code in codes - {None}:
            connection.execute(update, {"key": device_hash, "code": code})


def downgrade() -> None:
    with op.batch_alter_table('suggestion') as batch:
        batch.drop_column('owner_key_hash')
    with op.batch_alter_table('account') as batch:
        batch.drop_column('totp_last_step')
    with op.batch_alter_table('member') as batch:
        batch.drop_column('pin_locked_at')
        batch.drop_column('pin_wait_until')
        batch.drop_column('pin_failures')
