"""Gunicorn, embedded: the production WSGI server behind `tongsheng serve`."""

from __future__ import annotations

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


def run_gunicorn(app: Flask, *, host: str, port: int, workers: int) -> None:
    """Serve with pre-forked workers; no database connection is shared across the fork.

    The app and the model are loaded here, in the master, before the fork (the caller warms
    the classifier), so every worker shares those pages. ``gc.freeze`` moves what is loaded
    out of the collector's reach: a collection in a worker would otherwise write to every
    object's header and copy the shared pages one by one.
    """
    app.extensions["engine"].dispose()
    gc.collect()
    gc.freeze()
    options = {"bind": f"{host}:{port}", "workers": workers, "accesslog": "-",
               "graceful_timeout": 10, "timeout": 60}
    _Server(app, options).run()
