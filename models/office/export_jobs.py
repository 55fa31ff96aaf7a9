"""A long export as a job: asked for once, built in the background, shown with its progress.

The row is the job's whole state (who asked, what, how far, which stored file it made), so
any web process can draw the progress bar and serve the file to the coordinator who asked.
"""

from __future__ import annotations

import json
import secrets
import tempfile
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from sqlalchemy import String
from sqlmodel import Field, Session, SQLModel

from models.common import utcnow
from models.files import storage
from models.i18n import N_
from models.office import exports
from models.people.tables import Account

KINDS = ("csv", "xlsx")
CONTENT_TYPES = {"csv": "text/csv; charset=utf-8",
                 "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


class ExportJob(SQLModel, table=True):
    """One export a coordinator asked for, and how far it has got."""

    __tablename__ = "export_job"

    id: int | None = Field(default=None, primary_key=True)
    token: str = Field(default_factory=lambda: secrets.token_urlsafe(16), unique=True,
                       max_length=32)
    account_id: int = Field(foreign_key="account.id", index=True)
    plan_id: str = Field(max_length=40)
    kind: str = Field(sa_type=String(8))
    filters: str = Field(default="{}", max_length=1000)
    status: str = Field(default="waiting", max_length=20)
    done_rows: int = 0
    total_rows: int = 0
    file_name: str = Field(default="", max_length=80)
    created_at: datetime = Field(default_factory=utcnow)
    finished_at: datetime | None = None

    @property
    def percent(self) -> int:
        if self.status == "done":
            return 100
        return int(100 * self.done_rows / self.total_rows) if self.total_rows else 0


def start(session: Session, account: Account, kind: str, args) -> ExportJob:
    """Check the filters now (a bad one is refused at once) and record the job."""
    if kind not in KINDS:
        raise ValueError(N_("只能导出 CSV 或 Excel。"))
    filters = exports.Filters.from_args(args).check(session, account.plan_id)
    wanted = {key: args.get(key, "") for key in ("from", "to", "domain", "agency", "status")}
    job = ExportJob(account_id=account.id, plan_id=account.plan_id, kind=kind,
                    filters=json.dumps(wanted), total_rows=exports.count(
                        session, account.plan_id, filters))
    session.add(job)
    session.commit()
    return job


def mine(session: Session, account: Account, token: str) -> ExportJob | None:
    """The job if this coordinator asked for it; None (shown as 404) for anyone else."""
    from sqlmodel import select

    query = select(ExportJob).where(ExportJob.token == token,
                                    ExportJob.account_id == account.id)
    return session.exec(query).first()


def run(session: Session, job_id: int) -> ExportJob:
    """Build the file a chunk at a time, saving the progress after each chunk, then keep it
    in the database (``models.files.storage``) so whichever web node the coordinator reaches
    serves the download."""
    job = session.get(ExportJob, job_id)
    filters = exports.Filters.from_args(json.loads(job.filters))
    job.status = "running"
    session.commit()
    with tempfile.TemporaryDirectory() as folder, \
            Session(session.get_bind(), expire_on_commit=False) as reading:
        path = Path(folder) / f"export.{job.kind}"
        batches = _counted(exports.row_batches(reading, job.plan_id, filters), session, job)
        if job.kind == "csv":
            with open(path, "wb") as out:
                for block in exports.csv_stream(batches):
                    out.write(block)
        else:
            exports.write_xlsx(batches, str(path))
        name = storage.put_stream(session, _chunks(path), extension=job.kind,
                                  content_type=CONTENT_TYPES[job.kind])
    job.status, job.file_name, job.finished_at = "done", name, utcnow()
    session.commit()
    return job


def _chunks(path: Path) -> Iterator[bytes]:
    with open(path, "rb") as handle:
        while chunk := handle.read(storage.PART_BYTES):
            yield chunk


def _counted(batches, session: Session, job: ExportJob):
    for batch in batches:
        yield batch
        job.done_rows += len(batch)
        session.commit()
