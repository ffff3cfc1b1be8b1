"""organisations.sort_name_*: each organisation's name as lists sort it, per language;
indexes on the columns the responses list counts by (regions, review states)

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01 05:30:00.000000
"""

import json
import re
import unicodedata

from alembic import op
import sqlalchemy as sa


revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

#: the columns added, one per language of the application when this revision was written
COLUMNS = ("sort_name_en", "sort_name_fr", "sort_name_es", "sort_name_ar")
SORT_TEXT = sa.Text().with_variant(sa.Text(collation="C"), "postgresql")


def folded(text):
    """The fold of this revision (``surveyapp.questionnaire.text.folded`` when written): case
    and accents aside; what no database can hold (a lone surrogate) as U+FFFD."""
    text = re.sub("[\ud800-\udfff]", "\ufffd", text)
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def upgrade():
    # NOT NULL with a default for the rows there (SQLite adds such a column in place; altering
    # a column would copy the table, which the foreign keys that point at it forbid)
    for column in COLUMNS:
        op.add_column(
            "organisations", sa.Column(column, SORT_TEXT, nullable=False, server_default="")
        )
    connection = op.get_bind()
    organisations = sa.table(
        "organisations",
        sa.column("id", sa.Integer),
        sa.column("names", sa.Text),
        *(sa.column(column, sa.Text) for column in COLUMNS),
    )
    rows = connection.execute(sa.select(organisations.c.id, organisations.c.names)).all()
    for organisation_id, names in rows:
        names = (json.loads(names) if isinstance(names, str) else names) or {}
        connection.execute(
            organisations.update()
            .where(organisations.c.id == organisation_id)
            .values(
                {
                    column: folded(names.get(column[-2:]) or names.get("en") or "")
                    for column in COLUMNS
                }
            )
        )
    op.create_index("ix_organisations_region", "organisations", ["region"])
    op.create_index("ix_responses_review_status", "responses", ["review_status"])


def downgrade():
    op.drop_index("ix_responses_review_status", "responses")
    op.drop_index("ix_organisations_region", "organisations")
    # in place (SQLite 3.35 and later, PostgreSQL): a batch copy of the table would break the
    # foreign keys that point at it
    for column in reversed(COLUMNS):
        op.execute(f"ALTER TABLE organisations DROP COLUMN {column}")
