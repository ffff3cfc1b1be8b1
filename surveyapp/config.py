"""Configuration read from the environment (``SURVEYAPP_*``)."""

from __future__ import annotations

import os
import secrets
from pathlib import Path


def database_url(instance_path: str) -> str:
    """The database URL: ``SURVEYAPP_DATABASE_URL`` or SQLite in the instance folder."""
    url = os.environ.get("SURVEYAPP_DATABASE_URL")
    if url:
        return url
    return "sqlite:///" + str(Path(instance_path) / "surveyapp.sqlite3")


def secret_key(instance_path: str) -> str:
    """The secret key: ``SURVEYAPP_SECRET_KEY``, else one generated once per instance folder.

    The generated key is kept in the instance folder (never in the repository) so that sessions
    survive a restart of the embedded default.
    """
    key = os.environ.get("SURVEYAPP_SECRET_KEY")
    if key:
        return key
    if os.environ.get("SURVEYAPP_ENV") == "production":
        raise RuntimeError(
            "SURVEYAPP_SECRET_KEY must be set when SURVEYAPP_ENV=production: "
            "refusing to start with a generated key."
        )
    path = Path(instance_path) / "secret_key"
    if path.exists():
        return path.read_text().strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(48)
    path.write_text(key)
    path.chmod(0o600)
    return key


def from_environment(instance_path: str) -> dict:
    """Every setting the application reads, from the environment with defaults."""
    return {
        "SQLALCHEMY_DATABASE_URI": database_url(instance_path),
        "SECRET_KEY": secret_key(instance_path),
        "SURVEYAPP_BASE_URL": os.environ.get("SURVEYAPP_BASE_URL", "http://127.0.0.1:5000"),
        "SURVEYAPP_REDIS_URL": os.environ.get("SURVEYAPP_REDIS_URL"),
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": os.environ.get("SURVEYAPP_SECURE_COOKIES", "") == "1"
        or os.environ.get("SURVEYAPP_ENV") == "production",
        "WTF_CSRF_TIME_LIMIT": None,
        "MAX_CONTENT_LENGTH": 16 * 1024 * 1024,
        "SURVEYAPP_TOKEN_GUESS_LIMIT": os.environ.get(
            "SURVEYAPP_TOKEN_GUESS_LIMIT", "20 per 10 minutes"
        ),
        #: limits of renders done for web requests and jobs (0 or empty: none)
        "SURVEYAPP_RENDER_TIMEOUT": float(os.environ.get("SURVEYAPP_RENDER_TIMEOUT", "600") or 0),
        "SURVEYAPP_RENDER_MEMORY_MB": int(
            os.environ.get("SURVEYAPP_RENDER_MEMORY_MB", "2048") or 0
        ),
        #: behind a reverse proxy: how many proxies set X-Forwarded-For/-Proto/-Host
        "SURVEYAPP_PROXY_HOPS": int(os.environ.get("SURVEYAPP_PROXY_HOPS", "0") or 0),
        # SQLite: how long a writing request waits for another's write to end before it is
        # answered 503 ("busy, try again"), in milliseconds
        "SURVEYAPP_SQLITE_BUSY_MS": int(os.environ.get("SURVEYAPP_SQLITE_BUSY_MS", "10000") or 0),
    }
