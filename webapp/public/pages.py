"""Pages anyone can open: the home page for children, privacy rules, about."""

from flask import Blueprint, render_template

from webapp.access import public

bp = Blueprint("public", __name__)


@bp.route("/")
@public
def home():
    return render_template("public/home.html")


@bp.route("/privacy")
@public
def privacy():
    return render_template("public/privacy.html")


@bp.route("/about")
@public
def about():
    return render_template("public/about.html")
