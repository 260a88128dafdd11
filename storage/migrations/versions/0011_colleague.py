"""The team directory on the laptop (`colleague`): who the user ids of the cases stand for,
so that the screens name colleagues instead of saying "a colleague". Filled at every sync.

Revision ID: 0011
Revises: 0010
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "colleague",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("display_name", sa.Text, nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("team_ids", sa.JSON, nullable=False),
        sa.Column("safety_team", sa.Boolean, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("colleague")
