"""records.field_revs: per field, the rev at which it last changed

Merge rule 3 compares values; a value that went A -> B -> A on the service looks untouched
to a device that saw A. The push and the resolve consult these revs so that such an edit
becomes a conflict instead of silently undoing the one in between (docs/protocol.md,
"Changed since its base"). Existing records get null: the code then falls back to the
record's rev, which is never older than any of its fields' last change.

Revision ID: 0003_record_field_revs
Revises: 0002_case_closed_seen_on
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0003_record_field_revs"
down_revision = "0002_case_closed_seen_on"
branch_labels = None
depends_on = None


def upgrade() -> None:
    json_type = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
    op.add_column("records", sa.Column("field_revs", json_type, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("records") as batch:
        batch.drop_column("field_revs")
