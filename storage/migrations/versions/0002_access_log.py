"""The local access log (append-only, hash-chained), queued conflict resolutions, and the
indexes the case list needs.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "access_log",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("id", sa.String(36), nullable=False, unique=True),
        sa.Column("at", sa.String(32), nullable=False),
        sa.Column("user_id", sa.Text, nullable=True),
        sa.Column("device_id", sa.Text, nullable=True),
        sa.Column("case_id", sa.String(36), nullable=True),
        sa.Column("record_id", sa.String(36), nullable=True),
        sa.Column("action", sa.String(32), nullable=False),
        sa.Column("detail", sa.Text, nullable=True),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
        sa.Column("pushed", sa.Boolean, nullable=False),
    )
    # Append-only: only the `pushed` mark may change, and nothing may be deleted. The hash
    # chain catches what gets past these (someone dropping the triggers with the key).
    op.execute(
        "CREATE TRIGGER access_log_no_update BEFORE UPDATE ON access_log "
        "WHEN NEW.seq IS NOT OLD.seq OR NEW.id IS NOT OLD.id OR NEW.at IS NOT OLD.at "
        "OR NEW.user_id IS NOT OLD.user_id OR NEW.device_id IS NOT OLD.device_id "
        "OR NEW.case_id IS NOT OLD.case_id OR NEW.record_id IS NOT OLD.record_id "
        "OR NEW.action IS NOT OLD.action OR NEW.detail IS NOT OLD.detail "
        "OR NEW.prev_hash IS NOT OLD.prev_hash OR NEW.hash IS NOT OLD.hash "
        "BEGIN SELECT RAISE(ABORT, 'the access log is append-only'); END"
    )
    op.execute(
        "CREATE TRIGGER access_log_no_delete BEFORE DELETE ON access_log "
        "BEGIN SELECT RAISE(ABORT, 'the access log is append-only'); END"
    )
    op.create_table(
        "queued_resolution",
        sa.Column("conflict_id", sa.String(36), primary_key=True),
        sa.Column("change_id", sa.String(36), nullable=False, unique=True),
        sa.Column("value", sa.JSON, nullable=True),
        sa.Column("created_at", sa.String(32), nullable=False),
    )
    op.create_index("ix_history_case_seq", "history", ["case_id", "seq"])
    op.create_index("ix_rec_safety_plan_case_review", "rec_safety_plan", ["case_id", "review_on"])


def downgrade() -> None:
    op.drop_index("ix_rec_safety_plan_case_review", "rec_safety_plan")
    op.drop_index("ix_history_case_seq", "history")
    op.drop_table("queued_resolution")
    op.execute("DROP TRIGGER access_log_no_delete")
    op.execute("DROP TRIGGER access_log_no_update")
    op.drop_table("access_log")
