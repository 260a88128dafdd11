"""login_throttle: the failed-login counts in the database instead of each process's memory

With several service processes (uvicorn --workers, or several hosts on one PostgreSQL) a
count in memory gave a guesser a budget per process. One row per key (`user:` or `addr:`
and the SHA-256 of the username or address): the recent attempts as a JSON list of
[attempt id, time], the time the key is locked until, and when it was last seen (rows
unseen for longer than the window and the lock are swept away on a later write). Nothing
to carry over: the counts in memory were lost at every restart anyway.

Revision ID: 0004_login_throttle
Revises: 0003_record_field_revs
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_login_throttle"
down_revision = "0003_record_field_revs"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "login_throttle",
        sa.Column("key", sa.String(100), primary_key=True),
        sa.Column("attempts", sa.JSON(), nullable=False),
        sa.Column("locked_until", sa.Double(), nullable=False),
        sa.Column("seen_at", sa.Double(), nullable=False),
    )
    op.create_index("ix_login_throttle_seen_at", "login_throttle", ["seen_at"])


def downgrade() -> None:
    op.drop_index("ix_login_throttle_seen_at", table_name="login_throttle")
    op.drop_table("login_throttle")
