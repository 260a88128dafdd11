"""case_access.closed_seen_on: the day the service learned a case was closed

Retention counts from this date instead of the `closed_on` a laptop sends. Cases that are
closed already get their `closed_on` (or, without one, the day of the upgrade): the service
cannot know when it learned of them, and this keeps what has already left the laptops away.

Revision ID: 0002_case_closed_seen_on
Revises: 0001
Create Date: 2026-11-29
"""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from alembic import op

revision = "0002_case_closed_seen_on"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("case_access", sa.Column("closed_seen_on", sa.String(length=10), nullable=True))
    today = dt.datetime.now(dt.UTC).date().isoformat()
    op.get_bind().execute(
        sa.text(
            "UPDATE case_access SET closed_seen_on = COALESCE(closed_on, :today) "
            "WHERE status = 'closed'"
        ),
        {"today": today},
    )


def downgrade() -> None:
    with op.batch_alter_table("case_access") as batch:
        batch.drop_column("closed_seen_on")
