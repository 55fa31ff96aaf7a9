"""Gunicorn, embedded: the production WSGI server behind `tongsheng serve`."""

from __future__ import annotations

import ctypes
import ctypes.util
import gc

from flask import Flask
from gunicorn.app.base import BaseApplication


class _Server(BaseApplication):
    def __init__(self, app: Flask, options: dict):
        self.application = app
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self) -> Flask:
        return self.application


def _malloc_trim():
    """glibc's ``malloc_trim``, or None on a C library without it.

    What a request allocates (a staff page's rows, a dashboard's figures) is freed once the
    page is sent, but glibc keeps the freed heap in the process (10–20 MB after a dashboard);
    trimming hands it back to the system in about 0.1 ms, so a warm worker stays near the
    size it had before the request. The master trims once before the fork.
    """
    name = ctypes.util.find_library("c")
    return getattr(ctypes.CDLL(name), "malloc_trim", None) if name else None


def run_gunicorn(app: Flask, *, host: str, port: int, workers: int) -> None:
    """Serve with pre-forked workers; no database connection is shared across the fork.

    The app and the model are loaded here, in the master, before the fork (the caller warms
    the classifier), so every worker shares those pages. ``gc.freeze`` moves what is loaded
    out of the collector's reach: a collection in a worker would otherwise write to every
    object's header and copy the shared pages one by one.
    """
    app.extensions["engine"].dispose()
    trim = _malloc_trim()
    gc.collect()
    if trim:
        trim(0)
    gc.freeze()
    options = {"bind": f"{host}:{port}", "workers": workers, "accesslog": "-",
               "graceful_timeout": 10, "timeout": 60}
    if trim:
        options["post_request"] = lambda _worker, _request, _environ, _response: trim(0)
    _Server(app, options).run()
