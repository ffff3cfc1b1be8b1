"""Queries answered in place, a round's contact address, a staff account's language

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-30 15:20:00.000000
"""

from alembic import op
import sqlalchemy as sa

import surveyapp.models.types


revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("responses") as batch:
        batch.add_column(sa.Column("query_item_code", sa.String(length=64), nullable=True))
        batch.add_column(
            sa.Column(
                "query_raised_at", surveyapp.models.types.UTCDateTime(timezone=True), nullable=True
            )
        )
        batch.add_column(sa.Column("query_reply", sa.Text(), nullable=True))
        batch.add_column(
            sa.Column(
                "query_replied_at", surveyapp.models.types.UTCDateTime(timezone=True), nullable=True
            )
        )
    with op.batch_alter_table("survey_rounds") as batch:
        batch.add_column(sa.Column("contact_email", sa.String(length=320), nullable=True))
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("language", sa.String(length=2), nullable=True))


def downgrade():
    with op.batch_alter_table("users") as batch:
        batch.drop_column("language")
    with op.batch_alter_table("survey_rounds") as batch:
        batch.drop_column("contact_email")
    with op.batch_alter_table("responses") as batch:
        batch.drop_column("query_replied_at")
        batch.drop_column("query_reply")
        batch.drop_column("query_raised_at")
        batch.drop_column("query_item_code")
