"""Rejected changes kept for the worker: the purge of a case no longer takes them along.

Changes the service refused before this revision (outbox rows in state `rejected`) are
copied in, with the title of their case where the laptop still holds it.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "rejected_change",
        sa.Column("change_id", sa.String(36), primary_key=True),
        sa.Column("case_id", sa.String(36), nullable=False),
        sa.Column("case_title", sa.Text, nullable=True),
        sa.Column("record_id", sa.String(36), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("record_label", sa.Text, nullable=True),
        sa.Column("values", sa.JSON, nullable=False),
        sa.Column("delete", sa.Boolean, nullable=False),
        sa.Column("error_code", sa.Text, nullable=False),
        sa.Column("rejected_at", sa.String(32), nullable=False),
    )
    op.execute(
        'INSERT INTO rejected_change (change_id, case_id, case_title, record_id, kind, '
        '"values", "delete", error_code, rejected_at) '
        'SELECT o.change_id, o.case_id, c.title, o.record_id, o.kind, o."set", o."delete", '
        "COALESCE(o.error_code, 'rejected'), o.created_at "
        "FROM outbox o LEFT JOIN rec_case c ON c.id = o.case_id WHERE o.state = 'rejected'"
    )


def downgrade() -> None:
    op.drop_table("rejected_change")
