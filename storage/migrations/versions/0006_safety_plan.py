"""The safety plan's review: `plan_item.part` and `addresses`, and the immutable
`plan_version` (what a team lead approved or returned, exactly as they saw it).

Revision ID: 0006
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

# The registry as it stood at this revision (a migration is history, see 0001).
PLAN_VERSION = (
    ("plan_id", sa.Text), ("version", sa.Integer), ("decision", sa.Text),
    ("comment", sa.Text), ("section_comments", sa.Text), ("content", sa.Text),
    ("based_on_rev", sa.Integer), ("decided_by", sa.Text), ("decided_at", sa.Text),
)


def upgrade() -> None:
    with op.batch_alter_table("rec_plan_item") as batch:
        batch.add_column(sa.Column("part", sa.Text, nullable=True))
        batch.add_column(sa.Column("addresses", sa.JSON, nullable=True))
    op.create_table(
        "rec_plan_version",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("case_id", sa.String(36), nullable=False),
        sa.Column("rev", sa.Integer, nullable=False),
        sa.Column("deleted", sa.Boolean, nullable=False),
        sa.Column("updated_by", sa.Text, nullable=True),
        sa.Column("updated_at", sa.String(32), nullable=True),
        *[sa.Column(name, type_(), nullable=True) for name, type_ in PLAN_VERSION],
    )
    op.create_index("ix_rec_plan_version_case_id", "rec_plan_version", ["case_id"])


def downgrade() -> None:
    op.drop_index("ix_rec_plan_version_case_id", "rec_plan_version")
    op.drop_table("rec_plan_version")
    with op.batch_alter_table("rec_plan_item") as batch:
        batch.drop_column("addresses")
        batch.drop_column("part")
