"""Accounts: list, create, change role, deactivate and reactivate."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import _
from flask_login import current_user
from sqlalchemy import select

from surveyapp import operations
from surveyapp.admin.blueprint import blueprint
from surveyapp.admin.forms import RoleForm, UserForm
from surveyapp.auth.access import actor
from surveyapp.extensions import db
from surveyapp.i18n import role_name
from surveyapp.models import User


@blueprint.route("/users", methods=["GET", "POST"])
def users():
    """The accounts, and a form to create one."""
    form = UserForm()
    if form.validate_on_submit():
        try:
            operations.create_user(
                form.email.data, form.password.data, form.role.data, actor=actor()
            )
        except ValueError as error:
            form.password.errors = [*form.password.errors, str(error)]
            db.session.rollback()
        else:
            db.session.commit()
            flash(_("Account %(email)s created.", email=form.email.data.strip().lower()))
            return redirect(url_for("admin.users"))
    accounts = db.session.scalars(select(User).order_by(User.role, User.email)).all()
    return render_template("admin/users.html", form=form, accounts=accounts, role_form=RoleForm())


@blueprint.post("/users/<int:user_id>/role")
def change_role(user_id: int):
    """Give an account another role."""
    user = db.session.get(User, user_id) or abort(404)
    form = RoleForm()
    if not form.validate_on_submit():
        abort(400, _("Choose a role."))
    if user.id == current_user.id:
        flash(_("You cannot change your own role."))
        return redirect(url_for("admin.users"))
    operations.set_user_role(user, form.role.data, actor=actor())
    db.session.commit()
    flash(_("%(email)s is now %(role)s.", email=user.email, role=role_name(form.role.data)))
    return redirect(url_for("admin.users"))


@blueprint.post("/users/<int:user_id>/active")
def toggle_active(user_id: int):
    """Deactivate an account (it can no longer log in) or reactivate it."""
    user = db.session.get(User, user_id) or abort(404)
    if user.id == current_user.id:
        flash(_("You cannot deactivate your own account."))
        return redirect(url_for("admin.users"))
    operations.set_user_active(user, not user.active, actor=actor())
    db.session.commit()
    if user.active:
        flash(_("%(email)s can log in again.", email=user.email))
    else:
        flash(_("%(email)s can no longer log in.", email=user.email))
    return redirect(url_for("admin.users"))
