"""Long exports in the background: the coordinator asks once, watches a progress bar, downloads."""

from __future__ import annotations

from flask import (
    Blueprint,
    Response,
    abort,
    flash,
    redirect,
    render_template,
    request,
    stream_with_context,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user

from models.files import storage
from models.office import export_jobs
from models.refusals import Refusal
from webapp import background
from webapp.db import commit, get_session
from webapp.i18n import refused
from webapp.staff.shared import coordinator_only

bp = Blueprint("export_jobs", __name__, url_prefix="/coordinator/exports")


def _mine(token: str) -> export_jobs.ExportJob:
    return export_jobs.mine(get_session(), current_user.account, token) or abort(404)


@bp.route("/", methods=["POST"])
@coordinator_only
def start():
    return begin(request.form.get("kind", "xlsx"), request.form)


def begin(kind: str, args):
    """Record the job and hand it to the queue (or build it now when there is no queue);
    then the page with its progress bar."""
    try:
        job = export_jobs.start(get_session(), current_user.account, kind, args)
    except Refusal as problem:
        flash(refused(problem))
        return redirect(url_for("coordinator.home", tab="all"))
    commit()
    background.run_export(get_session(), job.id)
    return redirect(url_for("export_jobs.show", token=job.token))


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
        if job.status != "expired":
            flash(_("文件还在生成，请稍等。"))
        return redirect(url_for(".show", token=token))
    stored = storage.get(get_session(), job.file_name) or abort(404)
    return Response(stream_with_context(storage.stream(get_session(), stored.name)),
                    mimetype=stored.content_type, headers={
                        "Content-Length": str(stored.size),
                        "Content-Disposition": f'attachment; filename="tongsheng-{job.plan_id}'
                                               f'.{job.kind}"'})
