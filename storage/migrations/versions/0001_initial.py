"""The first schema: the record tables, the outbox, conflicts, settings and the timeline.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

# The registry as it stood at this revision. A migration is history: later changes to
# sync/schema.py get a migration of their own and never edit this one.
FIELDS = {
    "case": "title:str team_id:str contact_worker_id:str status:str summary:text "
            "legal_framework:str safety_team_involved:bool domains:list opened_on:date "
            "closed_on:date shared_with:list",
    "person": "name:str birth_date:date gender:str role:str circle:str organisation:str "
              "phone:str deceased:bool notes:text map_x:int map_y:int",
    "relationship": "from_person_id:str to_person_id:str type:str quality:str direction:str "
                    "support:list note:text",
    "safety_plan": "title:str status:str version:int phase:str harm:text worries:text "
                   "complicating_factors:text working_well:text children_version:text "
                   "review_on:date agreed_on:date review_comment:text reviewed_by:str "
                   "reviewed_at:str",
    "plan_item": "plan_id:str section:str text:text goal:text family_view:text set_by:str "
                 "who:str when:str how_checked:str phone:str position:str done:bool",
    "visit": "date:date participants:list location:str notes:text shared_with_family:bool "
             "observations:text",
    "scaling_score": "person_id:str plan_item_id:str visit_id:str value:int date:date note:str",
    "task": "title:str due_on:date assignee_id:str done:bool",
    "consent": "person_id:str purpose:str given_on:date withdrawn_on:date basis:str",
}

TYPES = {
    "str": sa.Text, "text": sa.Text, "int": sa.Integer, "bool": sa.Boolean,
    "date": lambda: sa.String(10), "list": sa.JSON,
}


def upgrade() -> None:
    for kind, spec in FIELDS.items():
        table = f"rec_{kind}"
        fields = [item.split(":") for item in spec.split()]
        op.create_table(
            table,
            sa.Column("id", sa.String(36), primary_key=True),
            sa.Column("case_id", sa.String(36), nullable=False),
            sa.Column("rev", sa.Integer, nullable=False),
            sa.Column("deleted", sa.Boolean, nullable=False),
            sa.Column("updated_by", sa.Text, nullable=True),
            sa.Column("updated_at", sa.String(32), nullable=True),
            *[sa.Column(name, TYPES[type_](), nullable=True) for name, type_ in fields],
        )
        op.create_index(f"ix_{table}_case_id", table, ["case_id"])
    op.create_table(
        "outbox",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("change_id", sa.String(36), nullable=False, unique=True),
        sa.Column("record_id", sa.String(36), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("case_id", sa.String(36), nullable=False),
        sa.Column("base_rev", sa.Integer, nullable=False),
        sa.Column("base", sa.JSON, nullable=False),
        sa.Column("set", sa.JSON, nullable=False),
        sa.Column("delete", sa.Boolean, nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("error_code", sa.Text, nullable=True),
        sa.Column("created_at", sa.String(32), nullable=False),
    )
    op.create_index("ix_outbox_record_id", "outbox", ["record_id"])
    op.create_index("ix_outbox_case_id", "outbox", ["case_id"])
    op.create_table(
        "conflict",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("record_id", sa.String(36), nullable=False),
        sa.Column("case_id", sa.String(36), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("field", sa.Text, nullable=True),
        sa.Column("base", sa.JSON, nullable=True),
        sa.Column("kept", sa.JSON, nullable=True),
        sa.Column("incoming", sa.JSON, nullable=True),
        sa.Column("kept_by", sa.Text, nullable=True),
        sa.Column("incoming_by", sa.Text, nullable=True),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("resolved", sa.Boolean, nullable=False),
    )
    op.create_index("ix_conflict_record_id", "conflict", ["record_id"])
    op.create_index("ix_conflict_case_id", "conflict", ["case_id"])
    op.create_table(
        "setting",
        sa.Column("name", sa.String(64), primary_key=True),
        sa.Column("value", sa.JSON, nullable=True),
    )
    op.create_table(
        "history",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("at", sa.String(32), nullable=False),
        sa.Column("case_id", sa.String(36), nullable=False),
        sa.Column("record_id", sa.String(36), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("changes", sa.JSON, nullable=False),
        sa.Column("by", sa.Text, nullable=True),
        sa.Column("source", sa.String(8), nullable=False),
    )


def downgrade() -> None:
    for name in ("history", "setting", "conflict", "outbox", *(f"rec_{k}" for k in FIELDS)):
        op.drop_table(name)
