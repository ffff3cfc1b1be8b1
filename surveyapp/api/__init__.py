"""The JSON API under ``/api/v1``."""

from surveyapp.api import analyst  # noqa: F401  (attaches the analyst routes to the blueprint)
