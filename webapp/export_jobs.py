"""Long exports in the background: the coordinator asks once, watches a progress bar, downloads."""

from __future__ import annotations

from pathlib import Path

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    send_file,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user

from models import export_jobs

from .coordinator import coordinator_only
from .db import get_session
from .jobs import run_export

bp = Blueprint("export_jobs", __name__, url_prefix="/coordinator/exports")


def export_folder() -> Path:
    """Where finished exports wait to be downloaded (EXPORT_FOLDER, or instance/exports)."""
    return Path(current_app.config.get("EXPORT_FOLDER")
                or Path(current_app.instance_path) / "exports")


def _mine(token: str) -> export_jobs.ExportJob:
    return export_jobs.mine(get_session(), current_user.account, token) or abort(404)


@bp.route("/", methods=["POST"])
@coordinator_only
def start():
    """Record the job and hand it to the queue (or build it now when there is no queue)."""
    try:
        job = export_jobs.start(get_session(), current_user.account,
                                request.form.get("kind", "xlsx"), request.form)
    except ValueError as problem:
        flash(str(problem))
        return redirect(url_for("coordinator.home", tab="all"))
    run_export(job.id, export_folder())
    return redirect(url_for(".show", token=job.token))


@bp.route("/<token>")
@coordinator_only
def show(token: str):
    job = _mine(token)
    get_session().refresh(job)
    return render_template("coordinator/export_job.html", job=job)


@bp.route("/<token>/file")
@coordinator_only
def download(token: str):
    job = _mine(token)
    if job.status != "done":
        flash(_("文件还在生成，请稍等。"))
        return redirect(url_for(".show", token=token))
    return send_file(export_folder() / job.file_name, as_attachment=True,
                     download_name=f"tongsheng-{job.plan_id}.{job.kind}")
