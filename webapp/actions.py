"""The one shape of every action on a page: check the form, one domain step, commit, redirect."""

from __future__ import annotations

from collections.abc import Callable

from flask import flash, redirect, url_for
from flask_login import current_user

from models.refusals import Refusal
from models.suggestions.lifecycle import actor_for_account
from webapp.db import commit, get_session
from webapp.errors import refusal_status
from webapp.i18n import refused


def run_step(step: Callable, *, done: str | Callable, then: str, again: Callable,
             problems: tuple = (Refusal,), form=None,
             status_of: Callable[[Exception], int] = refusal_status):
    """Run step(session) and commit, then flash `done` and go to `then`.

    Bad input or a refusal rolls back and shows the page again (`again(status)`) with what
    was typed and why. `done` may be a function of the step's result, for steps that say
    what happened themselves.
    """
    if form is not None and not form.validate_on_submit():
        return again(400)
    session = get_session()
    try:
        result = step(session)
        commit(session)
    except problems as problem:
        session.rollback()
        flash(refused(problem))
        return again(status_of(problem))
    flash(done(result) if callable(done) else done)
    return redirect(then)


def suggestion_steps(*, find: Callable, page: Callable, problems: tuple = (Refusal,),
                     status_of: Callable[[Exception], int] = refusal_status) -> Callable:
    """The `act` of a staff page about one suggestion: run(session, found, actor) by whoever
    is signed in, then back to `.item`; a refusal shows `page` again with the form as typed."""

    def act(suggestion_id: int, run, done: str, form_name: str | None = None, form=None):
        found = find(suggestion_id)
        extra = {form_name: form} if form_name else {}
        return run_step(
            lambda session: run(session, found, actor_for_account(current_user.account)),
            done=done, form=form, problems=problems, status_of=status_of,
            then=url_for(".item", suggestion_id=found.id),
            again=lambda status: page(found, status, **extra))

    return act
