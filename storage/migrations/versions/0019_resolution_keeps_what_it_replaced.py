"""A queued conflict resolution keeps the values the record showed before the worker's
choice: when the service refuses the resolution (say, the worker may not change that
field), the conflict opens again and the record shows those values again, not a choice
the service never took.

Revision ID: 0019
Revises: 0018
"""

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("queued_resolution") as batch:
        batch.add_column(sa.Column("shown", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("queued_resolution") as batch:
        batch.drop_column("shown")
