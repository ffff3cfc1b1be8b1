"""summary_edits.language: an analyst's edit belongs to the summary in one language

Until now one edit replaced a section in every language, so an English edit printed in the
French summary. Existing edits are kept as English edits (the workspace opened in English, and
nothing recorded another language); the other languages print their drafts until edited.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30 09:30:00.000000
"""

from alembic import op
import sqlalchemy as sa

import surveyapp.models.types


revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

COPY_UP = (
    "INSERT INTO summary_edits_new (id, round_id, organisation_id, section_key, text, "
    "source_fingerprint, edited_by, edited_at, language) "
    "SELECT id, round_id, organisation_id, section_key, text, source_fingerprint, edited_by, "
    "edited_at, 'en' FROM summary_edits"
)
COPY_DOWN = (
    "INSERT INTO summary_edits_old (id, round_id, organisation_id, section_key, text, "
    "source_fingerprint, edited_by, edited_at) "
    "SELECT id, round_id, organisation_id, section_key, text, source_fingerprint, edited_by, "
    "edited_at FROM summary_edits WHERE language = 'en'"
)


def _create(name: str, unique: tuple[str, ...], with_language: bool) -> None:
    columns = [
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("section_key", sa.String(length=32), nullable=False),
    ]
    if with_language:
        columns.append(sa.Column("language", sa.String(length=8), nullable=False))
    op.create_table(
        name,
        *columns,
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("source_fingerprint", sa.String(length=64), nullable=False),
        sa.Column("edited_by", sa.String(length=320), nullable=False),
        sa.Column("edited_at", surveyapp.models.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["organisation_id"], ["organisations.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["round_id"], ["survey_rounds.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint(*unique),
    )


def upgrade():
    # A new table rather than ALTER: the old unique constraint has no name to drop on SQLite.
    _create(
        "summary_edits_new",
        ("round_id", "organisation_id", "section_key", "language"),
        with_language=True,
    )
    op.execute(COPY_UP)
    op.drop_table("summary_edits")
    op.rename_table("summary_edits_new", "summary_edits")


def downgrade():
    # Only the English edits can go back to the one-edit-for-every-language table.
    _create("summary_edits_old", ("round_id", "organisation_id", "section_key"), False)
    op.execute(COPY_DOWN)
    op.drop_table("summary_edits")
    op.rename_table("summary_edits_old", "summary_edits")
