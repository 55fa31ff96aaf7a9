"""Pages anyone can open: the home page for children, privacy rules, about."""

from flask import Blueprint, render_template

from models.suggestions import plain_words
from webapp.access import public
from webapp.i18n import localise

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


@bp.route("/words")
@public
def words():
    """大人的话，小朋友的话: the glossary of office words a child may meet on their timeline."""
    glossary = [(term, localise(plain), localise(meaning))
                for term, plain, meaning in plain_words.glossary()]
    return render_template("public/words.html", glossary=glossary)
