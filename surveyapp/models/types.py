"""Column types shared by the models."""

import datetime as dt

from sqlalchemy import JSON, DateTime
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator, TypeEngine


class JSONType(TypeDecorator):
    """JSON on SQLite, JSONB on PostgreSQL.

    The dialect's type is chosen when an engine first uses the column, so that importing the
    models does not import SQLAlchemy's PostgreSQL dialect (a tenth of a command's start-up)
    where the database is SQLite.
    """

    impl = JSON
    cache_ok = True
    # What JSON itself says: values (dicts, lists) are not hashable, and None is stored as
    # JSON null rather than left out of an INSERT.
    hashable = False
    should_evaluate_none = True

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine:
        """JSONB on PostgreSQL, the dialect's JSON elsewhere."""
        if dialect.name == "postgresql":
            from sqlalchemy.dialects.postgresql import JSONB

            return dialect.type_descriptor(JSONB())
        return dialect.type_descriptor(JSON())


class UTCDateTime(TypeDecorator):
    """A timestamp stored in UTC and always read back timezone-aware."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        """Store aware datetimes as UTC."""
        if value is not None and value.tzinfo is not None:
            value = value.astimezone(dt.UTC)
        return value

    def process_result_value(self, value, dialect):
        """Read naive values (SQLite) as UTC."""
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=dt.UTC)
        return value


def utcnow() -> dt.datetime:
    """The current time, timezone-aware in UTC."""
    return dt.datetime.now(dt.UTC)
