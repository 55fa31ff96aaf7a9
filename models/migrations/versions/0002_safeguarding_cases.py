"""safeguarding across a conversation: leads, escalation, case codes

Revision ID: 0002
Revises: 0001
"""
import secrets

from alembic import op
import sqlalchemy as sa
import sqlmodel

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


def upgrade() -> None:
    # Only ADD COLUMN and new indexes: SQLite needs no table rebuild, and the rows that the
    # append-only safeguarding_report points at are never copied around.
    with op.batch_alter_table('account', schema=None) as batch_op:
        batch_op.add_column(sa.Column('safeguarding_lead_since',
                                      sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True))

    with op.batch_alter_table('suggestion', schema=None) as batch_op:
        batch_op.add_column(sa.Column('case_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_suggestion_case_id'), ['case_id'], unique=False)

    with op.batch_alter_table('safeguarding_case', schema=None) as batch_op:
        batch_op.add_column(sa.Column('code', sqlmodel.sql.sqltypes.AutoString(length=12),
                                      nullable=True))
        batch_op.add_column(sa.Column('thread', sqlmodel.sql.sqltypes.AutoString(length=120),
                                      nullable=False, server_default=''))
        batch_op.add_column(sa.Column('channel', sqlmodel.sql.sqltypes.AutoString(length=20),
                                      nullable=False, server_default=''))
        batch_op.add_column(sa.Column('conversation_id',
                                      sqlmodel.sql.sqltypes.AutoString(length=32), nullable=True))
        batch_op.add_column(sa.Column('acknowledged_at', sqlmodel.sql.sqltypes.UTCDateTime(),
                                      nullable=True))
        batch_op.add_column(sa.Column('acknowledged_by_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('escalation_level', sa.Integer(), nullable=False,
                                      server_default='0'))
        batch_op.add_column(sa.Column('due_at', sqlmodel.sql.sqltypes.UTCDateTime(),
                                      nullable=True))
        batch_op.create_index(batch_op.f('ix_safeguarding_case_code'), ['code'], unique=True)
        batch_op.create_index(batch_op.f('ix_safeguarding_case_thread'), ['thread'],
                              unique=False)
        batch_op.create_index(batch_op.f('ix_safeguarding_case_due_at'), ['due_at'],
                              unique=False)
    _give_every_case_a_code()

    op.create_table('safeguarding_entry',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('channel', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('text', sqlmodel.sql.sqltypes.AutoString(length=4000), nullable=False),
    sa.Column('account_id', sa.Integer(), nullable=True),
    sa.Column('suggestion_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['account_id'], ['account.id'], ),
    sa.ForeignKeyConstraint(['case_id'], ['safeguarding_case.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('safeguarding_entry', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_safeguarding_entry_case_id'), ['case_id'],
                              unique=False)
    _seal('safeguarding_entry')


def _give_every_case_a_code() -> None:
    """Cases opened before this revision get a code too (a child may still come back)."""
    bind = op.get_bind()
    case = sa.table('safeguarding_case', sa.column('id', sa.Integer),
                    sa.column('code', sa.String))
    for (case_id,) in bind.execute(sa.select(case.c.id).where(case.c.code.is_(None))).all():
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(6))
        bind.execute(case.update().where(case.c.id == case_id).values(code=code))


def _seal(table: str) -> None:
    """The case history is append-only in the database itself, like safeguarding_report."""
    message = "append-only table: history cannot be rewritten"
    if op.get_bind().dialect.name == "postgresql":
        op.execute("CREATE OR REPLACE FUNCTION ts_append_only() RETURNS trigger "
                   f"LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '{message} (%)', "
                   "TG_TABLE_NAME; END $$")
        op.execute(f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
                   "FOR EACH ROW EXECUTE FUNCTION ts_append_only()")
        op.execute(f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
                   "FOR EACH STATEMENT EXECUTE FUNCTION ts_append_only()")
        op.execute(f"REVOKE UPDATE, DELETE, TRUNCATE ON {table} FROM PUBLIC")
        return
    for verb in ("UPDATE", "DELETE"):
        op.execute(f"CREATE TRIGGER IF NOT EXISTS {table}_no_{verb.lower()} "
                   f"BEFORE {verb} ON {table} BEGIN SELECT RAISE(ABORT, '{message}'); END")


def downgrade() -> None:
    op.drop_table('safeguarding_entry')
    with op.batch_alter_table('safeguarding_case', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_safeguarding_case_due_at'))
        batch_op.drop_index(batch_op.f('ix_safeguarding_case_thread'))
        batch_op.drop_index(batch_op.f('ix_safeguarding_case_code'))
        for column in ('due_at', 'escalation_level', 'acknowledged_by_id', 'acknowledged_at',
                       'conversation_id', 'channel', 'thread', 'code'):
            batch_op.drop_column(column)
    with op.batch_alter_table('suggestion', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_suggestion_case_id'))
        batch_op.drop_column('case_id')
    with op.batch_alter_table('account', schema=None) as batch_op:
        batch_op.drop_column('safeguarding_lead_since')
