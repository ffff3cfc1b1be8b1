"""Guessing passwords and links: costly for the guesser, harmless for the owner."""

from __future__ import annotations

import statistics
import time

import pytest
from argon2 import PasswordHasher

from surveyapp.models import user as user_model
from tests.pages import log_in

OWNER_ADDRESS = "198.51.100.7"
ATTACKER_ADDRESS = "203.0.113.66"


def client_from(app, address: str):
    """A test client whose requests come from ``address``."""
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = address
    return client


@pytest.fixture
def hashes_verified(monkeypatch):
    """A list that grows by one (the hash) for every Argon2 verification."""
    calls = []

    class CountingHasher(PasswordHasher):
        def verify(self, hash_, password):
            calls.append(hash_)
            return super().verify(hash_, password)

    monkeypatch.setattr(user_model, "_hasher", CountingHasher())
    return calls


# -- logins ---------------------------------------------------------------------------------


def test_an_unknown_address_costs_one_password_hash_like_a_wrong_password(
    app, client, create_user, hashes_verified
):
    email, _password = create_user("analyst")
    assert log_in(client, email, "not the password").status_code == 401
    assert log_in(client, "nobody@example.org", "not the password").status_code == 401
    assert len(hashes_verified) == 2
    # The stand-in hash has the same Argon2 parameters as the account's
    stand_in, real = hashes_verified[1], hashes_verified[0]
    assert stand_in.split("$")[1:4] == real.split("$")[1:4]


def test_a_deactivated_account_costs_one_password_hash_too(
    app, client, create_user, hashes_verified
):
    from surveyapp import operations
    from surveyapp.extensions import db
    from surveyapp.models import User

    email, password = create_user("analyst")
    with app.app_context():
        user = db.session.scalar(db.select(User).filter_by(email=email))
        operations.set_user_active(user, False, actor="test")
        db.session.commit()
    assert log_in(client, email, password).status_code == 401
    assert len(hashes_verified) == 1


@pytest.mark.production_password_hashing
def test_an_unknown_address_takes_as_long_as_a_wrong_password(app, client, create_user):
    app.config["SURVEYAPP_LOGIN_LIMIT_ACCOUNT"] = "100 per minute"
    app.config["SURVEYAPP_LOGIN_LIMIT_ADDRESS"] = "100 per minute"
    email, _password = create_user("analyst")
    log_in(client, "warm-up@example.org", "not the password")
    wrong, unknown = [], []
    for attempt in range(7):
        for address, times in ((email, wrong), (f"nobody{attempt}@example.org", unknown)):
            start = time.perf_counter()
            assert log_in(client, address, "not the password").status_code == 401
            times.append(time.perf_counter() - start)
    ratio = statistics.median(unknown) / statistics.median(wrong)
    assert 0.5 < ratio < 2, (statistics.median(unknown), statistics.median(wrong))


def test_wrong_passwords_from_one_address_do_not_lock_the_owner_out(app, create_user):
    email, password = create_user("analyst")
    attacker = client_from(app, ATTACKER_ADDRESS)
    for _attempt in range(5):
        assert log_in(attacker, email, "a guess at the password").status_code == 401
    assert log_in(attacker, email, password).status_code == 429
    assert log_in(client_from(app, OWNER_ADDRESS), email, password).status_code == 302


def test_one_address_trying_many_accounts_is_limited(app, create_user):
    app.config["SURVEYAPP_LOGIN_LIMIT_ADDRESS"] = "6 per 15 minutes"
    email, password = create_user("analyst")
    attacker = client_from(app, ATTACKER_ADDRESS)
    for number in range(6):
        assert log_in(attacker, f"person{number}@example.org", "guess").status_code == 401
    assert log_in(attacker, email, password).status_code == 429
    assert log_in(client_from(app, OWNER_ADDRESS), email, password).status_code == 302


# -- respondent links and API tokens ---------------------------------------------------------


def test_bad_links_from_an_address_do_not_block_its_valid_link(app, create_invitation):
    token, _response_id = create_invitation("EGY")
    ministry = client_from(app, OWNER_ADDRESS)
    for attempt in range(25):
        ministry.get(f"/r/guess-{attempt}/")
    assert ministry.get(f"/r/{token}/").status_code == 200


def test_bad_bearer_tokens_do_not_block_the_valid_one(app, create_invitation):
    token, _response_id = create_invitation("EGY")
    fuzzer = client_from(app, OWNER_ADDRESS)
    for attempt in range(25):
        fuzzer.get("/api/v1/response", headers={"Authorization": f"Bearer bad-{attempt}"})
    reply = fuzzer.get("/api/v1/response", headers={"Authorization": f"Bearer {token}"})
    assert reply.status_code == 200


def test_guessing_beyond_the_limit_is_refused_with_a_time_to_wait(app):
    guesser = client_from(app, ATTACKER_ADDRESS)
    statuses = [guesser.get(f"/r/guess-{attempt}/").status_code for attempt in range(21)]
    assert statuses[:20] == [404] * 20
    assert statuses[20] == 429
    reply = guesser.get("/api/v1/response", headers={"Authorization": "Bearer guess"})
    assert reply.status_code == 429
    assert 0 < int(reply.headers["Retry-After"]) <= 600


def test_another_address_is_not_refused_for_someone_elses_guessing(app):
    guesser = client_from(app, ATTACKER_ADDRESS)
    for attempt in range(21):
        guesser.get(f"/r/guess-{attempt}/")
    assert client_from(app, OWNER_ADDRESS).get("/r/mistyped/").status_code == 404


def test_one_stale_link_reloaded_again_and_again_is_not_guessing(app):
    """A browser or script retrying one unknown link counts it once, not once per request."""
    owner = client_from(app, OWNER_ADDRESS)
    statuses = [owner.get("/r/an-old-withdrawn-link/").status_code for _attempt in range(30)]
    assert statuses == [404] * 30
    headers = {"Authorization": "Bearer the-same-wrong-token"}
    assert {owner.get("/api/v1/response", headers=headers).status_code for _ in range(30)} == {401}
    # ...while twenty distinct guesses still reach the limit, repeated ones included.
    for attempt in range(18):
        owner.get(f"/r/guess-{attempt}/")
    assert owner.get("/r/an-old-withdrawn-link/").status_code == 429
