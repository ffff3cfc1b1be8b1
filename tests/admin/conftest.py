"""Fixtures of the administration tests: the workspace's logged-in clients, shared with
``tests/analyst``."""

from tests.analyst.conftest import (  # noqa: F401 - fixtures and helpers used by these tests
    admin_client,
    analyst_client,
    logged_in,
)
