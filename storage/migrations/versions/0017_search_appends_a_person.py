"""A person added to a case appends their folded name to the case's search column, instead
of folding the title and every name of the case again (migration 0007's trigger).

A first sync brings a case's people one insert at a time, so the old trigger folded each
case's names over and over, in `kt_fold`, Python that holds the GIL the fetching thread
needs: quadratic in the people of a case. Replaying the pages of a first sync of 93,758
records (16,458 people in 1,000 cases), alternating: writing them took 4.28/3.42/3.84 s
with the old trigger, 3.84/3.35/3.36 s with this one. The lines come in another order
than a full refresh gives them; a search (`LIKE`) and the order by the title, which stays
the first line, do not depend on it. Renames, deletes and moves still refresh in full.

Revision ID: 0017
Revises: 0016
"""

from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

_APPEND = (
    "AFTER INSERT ON rec_person WHEN NEW.deleted = 0 AND NEW.name IS NOT NULL BEGIN "
    "UPDATE rec_case SET search = coalesce(search, '') || char(10) || kt_fold(NEW.name) "
    "WHERE id = NEW.case_id; END"
)
# Migration 0007's, for the downgrade.
_REFRESH = (
    "AFTER INSERT ON rec_person BEGIN UPDATE rec_case SET search = "
    "coalesce(kt_fold(rec_case.title), '') || coalesce(("
    "SELECT char(10) || group_concat(kt_fold(p.name), char(10)) FROM rec_person p "
    "WHERE p.case_id = rec_case.id AND p.deleted = 0 AND p.name IS NOT NULL), '') "
    "WHERE id = NEW.case_id; END"
)


def upgrade() -> None:
    op.execute("DROP TRIGGER tr_person_search_insert")
    op.execute(f"CREATE TRIGGER tr_person_search_insert {_APPEND}")


def downgrade() -> None:
    op.execute("DROP TRIGGER tr_person_search_insert")
    op.execute(f"CREATE TRIGGER tr_person_search_insert {_REFRESH}")
