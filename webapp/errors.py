"""Error pages in plain Chinese: what happened and what to do next.

A domain ``Refusal`` that no view caught is answered here, the same way on every page:
its own status, its words flashed on an HTML page or as ``{"error": ...}`` to the API.
Any other exception is a bug: a 500 with nothing of the request kept.
"""

from collections.abc import Callable

from flask import Flask, current_app, flash, render_template, request
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError

from models.refusals import Refusal
from webapp import i18n

MESSAGES = {
    400: ("请求有问题", "页面可能过期了。请返回上一页，刷新后再试一次，你写的内容不会丢。"),
    403: ("这里不能进", "这个页面不属于你的账号。如果你觉得不对，请联系辅导员或管理员。"),
    404: ("没有找到", "这个页面不存在，或者你没有权限看。"),
    405: ("操作方式不对", "请用页面上的按钮来操作。"),
    409: (_l("现在不能这样做"), _l("它的状态已经变了。请刷新页面看看现在的情况。")),
    413: ("文件太大了", "照片请小于 5MB。"),
    429: ("太频繁啦", "试了太多次，请休息几分钟再试。"),
    500: ("出错了", "服务器出了点问题，我们已经记下来了。请稍后再试。"),
    503: ("暂时忙不过来", "请稍后再试，你写的内容不会丢。"),
}


def init_app(app: Flask) -> None:
    app.extensions["machine_errors"] = {}
    for code in MESSAGES:
        app.register_error_handler(code, _handler(code))
    app.register_error_handler(CSRFError, lambda _e: _render(400))
    app.register_error_handler(Refusal, refused)


def wants_json() -> bool:
    """API clients (and fetch calls asking for JSON) get JSON errors, people get pages."""
    best = request.accept_mimetypes.best_match(["application/json", "text/html"])
    return request.path.startswith("/open311") or request.path.startswith("/api") or \
        best == "application/json"


def refused(refusal: Refusal):
    """The one answer to a refusal no view caught: its status, its words."""
    if wants_json():
        return {"error": str(refusal), "status": refusal.status}, refusal.status
    flash(i18n.refused(refusal))
    return _render(refusal.status if refusal.status in MESSAGES else 400)[0], refusal.status


def for_machines(app: Flask, prefix: str, render: Callable[[int], object]) -> None:
    """Under ``prefix`` (an API), every error is ``render(code)`` in the API's own format,
    never a page meant for people: also for URLs no view matched."""
    app.extensions["machine_errors"][prefix] = render


def _handler(code: int):
    """The plain page, unless the code that refused already made one (a form kept filled in)."""
    return lambda error: getattr(error, "response", None) or _render(code)


def _render(code: int):
    for prefix, render in current_app.extensions["machine_errors"].items():
        if request.path.startswith(prefix):
            return render(code)
    title, message = MESSAGES[code]
    return render_template("errors/error.html", code=code, title=_(title),
                           message=_(message)), code


def refusal_status(problem: Exception) -> int:
    """The status a refusal carries (409 for the item's state, 403 for the role, 400 for
    what was sent); anything that is not a refusal is a bug."""
    return problem.status if isinstance(problem, Refusal) else 500
