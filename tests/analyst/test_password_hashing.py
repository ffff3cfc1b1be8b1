"""Passwords are hashed with Argon2id at the recommended cost, whatever the tests use.

The test suite hashes with cheap parameters for speed (``tests/conftest.py``); the tests here
keep the production hasher, so that its parameters stay specified.
"""

from __future__ import annotations

import pytest
from argon2 import PasswordHasher

from surveyapp import operations

pytestmark = pytest.mark.production_password_hashing

#: the RFC 9106 "low memory" profile: argon2-cffi's defaults
RECOMMENDED = PasswordHasher()


def test_passwords_are_hashed_with_the_recommended_argon2id_parameters(app):
    with app.app_context():
        user = operations.create_user("new@example.org", "plum tractor lantern 42", "analyst")
        assert user.password_hash.startswith("$argon2id$")
        parameters = user.password_hash.split("$")[3]
        assert parameters == (
            f"m={RECOMMENDED.memory_cost},t={RECOMMENDED.time_cost},p={RECOMMENDED.parallelism}"
        )
        assert RECOMMENDED.memory_cost >= 65536 and RECOMMENDED.time_cost >= 3
