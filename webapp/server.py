"""Gunicorn, embedded: the production WSGI server behind `tongsheng serve`."""

from __future__ import annotations

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
    """Serve with pre-forked workers; no database connection is shared across the fork."""
    app.extensions["engine"].dispose()
    options = {"bind": f"{host}:{port}", "workers": workers, "accesslog": "-",
               "graceful_timeout": 10, "timeout": 60}
    _Server(app, options).run()
