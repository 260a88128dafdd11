"""The teams of the directory on the laptop (`team_name`): what the team ids of the cases
stand for, so that the screens name a team instead of showing its id. Filled at every sync
from a service that names teams; a service from before keeps the table empty.

Revision ID: 0015
Revises: 0014
"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "team_name",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("safety_team", sa.Boolean, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("team_name")
