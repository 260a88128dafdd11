"""teams.safety_team: a team of the regional safety team

Its professionals work in duo with the local teams: every laptop's directory lists them, so
that a worker can share a case with one of them. Existing teams are local teams.

Revision ID: 0006_team_safety_team
Revises: 0004_login_throttle
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_team_safety_team"
down_revision = "0004_login_throttle"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("teams", sa.Column("safety_team", sa.Boolean(), nullable=False,
                                     server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table("teams") as batch:
        batch.drop_column("safety_team")
