"""The network map: new person and relationship fields and the immutable map_snapshot kind.

Revision ID: 0005
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

# The registry's additions at this revision (a migration is history: see 0001).
NEW_COLUMNS = {
    "rec_person": (
        ("index_person", sa.Boolean), ("ring", sa.Integer), ("eco_x", sa.Integer),
        ("eco_y", sa.Integer),
    ),
    "rec_relationship": (
        ("since", lambda: sa.String(10)), ("until", lambda: sa.String(10)),
        ("according_to", sa.Text),
    ),
}


def upgrade() -> None:
    for table, columns in NEW_COLUMNS.items():
        with op.batch_alter_table(table) as batch:
            for name, type_ in columns:
                batch.add_column(sa.Column(name, type_(), nullable=True))
    op.create_table(
        "rec_map_snapshot",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("case_id", sa.String(36), nullable=False),
        sa.Column("rev", sa.Integer, nullable=False),
        sa.Column("deleted", sa.Boolean, nullable=False),
        sa.Column("updated_by", sa.Text, nullable=True),
        sa.Column("updated_at", sa.String(32), nullable=True),
        sa.Column("visit_id", sa.Text, nullable=True),
        sa.Column("taken_on", sa.String(10), nullable=True),
        sa.Column("content", sa.Text, nullable=True),
    )
    op.create_index("ix_rec_map_snapshot_case_id", "rec_map_snapshot", ["case_id"])


def downgrade() -> None:
    op.drop_index("ix_rec_map_snapshot_case_id", "rec_map_snapshot")
    op.drop_table("rec_map_snapshot")
    for table, columns in NEW_COLUMNS.items():
        with op.batch_alter_table(table) as batch:
            for name, _type in reversed(columns):
                batch.drop_column(name)
