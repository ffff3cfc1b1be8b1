"""Fixtures of the workspace tests: logged-in clients by role."""

from __future__ import annotations

import pytest

from tests.pages import log_in


@pytest.fixture
def logged_in(app, create_user):
    """Factory: a test client logged in with a new account of ``role``."""

    def make(role: str = "analyst"):
        client = app.test_client()
        email, password = create_user(role)
        reply = log_in(client, email, password)
        assert reply.status_code == 302, reply.get_data(as_text=True)
        return client

    return make


@pytest.fixture
def analyst_client(logged_in):
    """A client logged in as an analyst."""
    return logged_in("analyst")


@pytest.fixture
def admin_client(logged_in):
    """A client logged in as an administrator."""
    return logged_in("admin")
