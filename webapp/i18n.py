"""Chinese is the source language of every user-facing string; English can follow."""

from flask import Flask
from flask_babel import Babel

babel = Babel()


def init_app(app: Flask) -> None:
    babel.init_app(app, locale_selector=lambda: app.config["BABEL_DEFAULT_LOCALE"])
