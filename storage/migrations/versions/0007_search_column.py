"""A folded search column on the case: its family name and the names of its live people,
case- and accent-folded (`kt_fold`), kept by triggers on every write of a case title or a
person, so that a search is one LIKE per case instead of a Python call per name.

Revision ID: 0007
Revises: 0004
"""

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

# The title first, then one name a line: a needle never spans two names (the search field
# holds no line breaks), and ordering on this column orders on the folded title.
_FOLDED = (
    "coalesce(kt_fold(rec_case.title), '') || coalesce(("
    "SELECT char(10) || group_concat(kt_fold(p.name), char(10)) FROM rec_person p "
    "WHERE p.case_id = rec_case.id AND p.deleted = 0 AND p.name IS NOT NULL), '')"
)


def _refresh(case_id: str) -> str:
    return f"UPDATE rec_case SET search = {_FOLDED} WHERE id = {case_id};"


TRIGGERS = {
    "tr_case_search_insert": f"AFTER INSERT ON rec_case BEGIN {_refresh('NEW.id')} END",
    "tr_case_search_title": f"AFTER UPDATE OF title ON rec_case BEGIN {_refresh('NEW.id')} END",
    "tr_person_search_insert":
        f"AFTER INSERT ON rec_person BEGIN {_refresh('NEW.case_id')} END",
    "tr_person_search_update":
        "AFTER UPDATE OF name, deleted, case_id ON rec_person BEGIN "
        f"{_refresh('OLD.case_id')} {_refresh('NEW.case_id')} END",
    "tr_person_search_delete":
        f"AFTER DELETE ON rec_person BEGIN {_refresh('OLD.case_id')} END",
}


def upgrade() -> None:
    op.execute("ALTER TABLE rec_case ADD COLUMN search TEXT")
    for name, body in TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {body}")
    op.execute(f"UPDATE rec_case SET search = {_FOLDED}")


def downgrade() -> None:
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER {name}")
    with op.batch_alter_table("rec_case") as batch:
        batch.drop_column("search")
