"""Covering indexes for the case list, so its per-case counts and dates are read from the
indexes alone (every table page read costs SQLCipher a decrypt and an HMAC check).

Revision ID: 0003
Revises: 0002
"""

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_history_case_seq", "history")
    op.drop_index("ix_rec_safety_plan_case_review", "rec_safety_plan")
    op.create_index("ix_history_case_at", "history", ["case_id", "at"])
    op.create_index("ix_outbox_case_state", "outbox", ["case_id", "state"])
    op.create_index("ix_conflict_case_resolved", "conflict", ["case_id", "resolved"])
    op.create_index(
        "ix_rec_safety_plan_case_review", "rec_safety_plan", ["case_id", "deleted", "review_on"]
    )


def downgrade() -> None:
    op.drop_index("ix_rec_safety_plan_case_review", "rec_safety_plan")
    op.drop_index("ix_conflict_case_resolved", "conflict")
    op.drop_index("ix_outbox_case_state", "outbox")
    op.drop_index("ix_history_case_at", "history")
    op.create_index("ix_rec_safety_plan_case_review", "rec_safety_plan", ["case_id", "review_on"])
    op.create_index("ix_history_case_seq", "history", ["case_id", "seq"])
