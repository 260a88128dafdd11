"""Who of the family agreed the plan (`safety_plan.agreed_by`) and what happens when an
agreement is not kept (`plan_item.if_not_kept`): additions beyond design.md.

Revision ID: 0009
Revises: 0008_unknown
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008_unknown"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("rec_safety_plan") as batch:
        batch.add_column(sa.Column("agreed_by", sa.JSON, nullable=True))
    with op.batch_alter_table("rec_plan_item") as batch:
        batch.add_column(sa.Column("if_not_kept", sa.Text, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("rec_plan_item") as batch:
        batch.drop_column("if_not_kept")
    with op.batch_alter_table("rec_safety_plan") as batch:
        batch.drop_column("agreed_by")
