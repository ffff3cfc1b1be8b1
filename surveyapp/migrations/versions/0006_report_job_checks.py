"""report_jobs: checks of summaries as jobs, and jobs that leave illustrative answers out

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30 12:05:00.000000
"""

from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql


revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("report_jobs") as batch:
        batch.add_column(sa.Column("subject", sa.String(length=64), nullable=True))
        batch.add_column(
            sa.Column("illustrative", sa.Boolean(), nullable=False, server_default=sa.true())
        )
        batch.add_column(
            sa.Column(
                "findings",
                sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
                nullable=True,
            )
        )


def downgrade():
    with op.batch_alter_table("report_jobs") as batch:
        batch.drop_column("findings")
        batch.drop_column("illustrative")
        batch.drop_column("subject")
