"""passage_translations: the translation memory of the passages summaries quote

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30 12:30:00.000000
"""

from alembic import op
import sqlalchemy as sa

import surveyapp.models.types


revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "passage_translations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source_hash", sa.String(length=64), nullable=False),
        sa.Column("source_text", sa.Text(), nullable=False),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("translated_by", sa.String(length=320), nullable=False),
        sa.Column(
            "translated_at", surveyapp.models.types.UTCDateTime(timezone=True), nullable=False
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("source_hash", "language"),
    )


def downgrade():
    op.drop_table("passage_translations")
