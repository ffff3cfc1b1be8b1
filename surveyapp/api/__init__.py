"""The JSON API under ``/api/v1``: one blueprint whose access check denies by default."""

from surveyapp.api import analyst, routes  # noqa: F401 - attach their views to the blueprint
from surveyapp.api.blueprint import blueprint

__all__ = ["blueprint"]
