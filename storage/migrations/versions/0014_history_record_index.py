"""The timeline by record: the monitor finds when each plan was submitted (the latest entry
of that plan setting its status to `submitted`) without reading the whole case's timeline.

Revision ID: 0014
Revises: 0011
"""

from alembic import op

revision = "0014"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_history_record_at", "history", ["record_id", "at"])


def downgrade() -> None:
    op.drop_index("ix_history_record_at", table_name="history")
