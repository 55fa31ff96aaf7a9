"""uploads and generated files in the database (stored_file and its parts), copied from the
instance folder

Revision ID: 0006
Revises: 0005

The data step reads the folders an instance kept its uploads in (photos/ and attachments/,
passed by ``tongsheng db upgrade`` as the ``upload_folders`` attribute) and copies every file
whose name we generated into ``stored_file``. The files stay on disk: delete them once the
site has been checked (deploy/README.md says when).
"""
import re
from datetime import UTC, datetime
from pathlib import Path

import sqlalchemy as sa
import sqlmodel
from alembic import context, op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

PART_BYTES = 1024 * 1024  # as models.files.storage
CONTENT_TYPES = {"jpg": "image/jpeg", "png": "image/png", "pdf": "application/pdf"}
NAMES = {"photos": re.compile(r"^[0-9a-f]{32}\.jpg$"),
         "attachments": re.compile(r"^[0-9a-f]{32}\.(pdf|jpg|png)$")}


def upgrade() -> None:
    op.create_table('stored_file',
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
    sa.Column('content_type', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('name')
    )
    op.create_table('stored_file_part',
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('data', sa.LargeBinary(), nullable=False),
    sa.ForeignKeyConstraint(['name'], ['stored_file.name'], ),
    sa.PrimaryKeyConstraint('name', 'seq')
    )
    copy_instance_files(context.config.attributes.get("upload_folders") or {})


def copy_instance_files(folders: dict) -> int:
    """Every upload kept on disk, into the tables, one file at a time (uploads are at most
    5 MB, so each is one part of at most PART_BYTES or a few); returns the count."""
    table = sa.table("stored_file", sa.column("name"), sa.column("content_type"),
                     sa.column("size"),
                     sa.column("created_at", sqlmodel.sql.sqltypes.UTCDateTime()))
    parts = sa.table("stored_file_part", sa.column("name"), sa.column("seq"),
                     sa.column("data", sa.LargeBinary()))
    bind, copied = op.get_bind(), 0
    for kind, folder in folders.items():
        pattern = NAMES.get(kind)
        if pattern is None or not folder or not Path(folder).is_dir():
            continue
        for path in sorted(Path(folder).iterdir()):
            if not (path.is_file() and pattern.match(path.name)):
                continue
            if bind.execute(sa.select(table.c.name).where(table.c.name == path.name)).first():
                continue
            data = path.read_bytes()
            bind.execute(table.insert().values(
                name=path.name, content_type=CONTENT_TYPES[path.suffix[1:]], size=len(data),
                created_at=datetime.fromtimestamp(path.stat().st_mtime, UTC)))
            for seq, start in enumerate(range(0, len(data), PART_BYTES)):
                bind.execute(parts.insert().values(name=path.name, seq=seq,
                                                   data=data[start:start + PART_BYTES]))
            copied += 1
    return copied


def downgrade() -> None:
    op.drop_table('stored_file_part')
    op.drop_table('stored_file')
