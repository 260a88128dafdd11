"""Whether a plan line was written together with the family in kitchen-table mode
(`plan_item.with_family`): an addition beyond design.md.

Revision ID: 0010
Revises: 0009
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("rec_plan_item") as batch:
        batch.add_column(sa.Column("with_family", sa.Boolean, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("rec_plan_item") as batch:
        batch.drop_column("with_family")
