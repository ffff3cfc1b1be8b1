"""Fixtures for tests that need a real HTTP server and concurrent clients."""

from __future__ import annotations

import json
import threading
import urllib.error
import urllib.request

import pytest

from tests.serving import served


@pytest.fixture
def http_server(app):
    """``app`` behind a threaded HTTP server on loopback; yields its base URL."""
    with served(app) as url:
        yield url


def call(method: str, url: str, token: str, body: dict | None = None) -> tuple[int, dict]:
    """One JSON request with a bearer token; returns (status, parsed body)."""
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, method=method)
    request.add_header("Authorization", f"Bearer {token}")
    request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=60) as reply:
            return reply.status, json.loads(reply.read() or b"{}")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"{}")


def all_at_once(count: int, action) -> list:
    """Run ``action(i)`` in ``count`` threads released together; returns their results."""
    barrier = threading.Barrier(count)
    results: list = [None] * count

    def run(index: int) -> None:
        barrier.wait()
        results[index] = action(index)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results
