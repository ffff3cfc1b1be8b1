"""The administrators' area: its start page; the other pages live in one module per resource."""

from __future__ import annotations

from flask import render_template

from surveyapp.admin import registry, rounds, users
from surveyapp.admin.blueprint import blueprint

__all__ = ["blueprint", "registry", "rounds", "users"]


@blueprint.get("/")
def index():
    """Links to accounts, rounds and the registry."""
    return render_template("admin/index.html")
