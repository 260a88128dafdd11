"""What a newer release sends that this one does not know: a JSON column of unknown fields on
every record table, and a table for records of unknown kinds (design.md, "Compatibility
across versions": kept as they came, never dropped).

Revision ID: 0008_unknown
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = "0008_unknown"
down_revision = "0007"
branch_labels = None
depends_on = None

# The record tables at this revision (a migration is history: see 0001).
RECORD_TABLES = (
    "rec_case", "rec_person", "rec_relationship", "rec_safety_plan", "rec_plan_item",
    "rec_plan_version", "rec_visit", "rec_scaling_score", "rec_task", "rec_consent",
    "rec_map_snapshot",
)


def upgrade() -> None:
    for table in RECORD_TABLES:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("unknown_fields", sa.JSON(), nullable=True))
    op.create_table(
        "unknown_record",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("case_id", sa.String(36), nullable=False),
        sa.Column("rev", sa.Integer, nullable=False),
        sa.Column("deleted", sa.Boolean, nullable=False),
        sa.Column("fields", sa.JSON(), nullable=False),
        sa.Column("updated_by", sa.Text, nullable=True),
        sa.Column("updated_at", sa.String(32), nullable=True),
    )
    op.create_index("ix_unknown_record_case_id", "unknown_record", ["case_id"])


def downgrade() -> None:
    op.drop_index("ix_unknown_record_case_id", "unknown_record")
    op.drop_table("unknown_record")
    for table in RECORD_TABLES:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("unknown_fields")
