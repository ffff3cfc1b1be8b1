"""responses.visible, visible_version: the visible answers each save stores for the export

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01 05:45:00.000000

Nothing is filled in: a response's stored visible answers are used only while they are as of
its version, and until its next save the export works them out from its answers as before.
"""

from alembic import op
import sqlalchemy as sa


revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("responses", sa.Column("visible", sa.JSON(), nullable=True))
    op.add_column("responses", sa.Column("visible_version", sa.Integer(), nullable=True))


def downgrade():
    # in place (SQLite 3.35 and later, PostgreSQL): a batch copy of the table would break the
    # foreign keys that point at it
    op.execute("ALTER TABLE responses DROP COLUMN visible_version")
    op.execute("ALTER TABLE responses DROP COLUMN visible")
