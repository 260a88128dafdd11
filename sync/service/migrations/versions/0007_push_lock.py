"""push_recheck() and access_log_append(): the parts of a push's locked message that need a
loop or a refusal (PostgreSQL only)

A push that goes ahead of the rev lock sends its whole locked part as one message, ending in
COMMIT (sync/service/push_commit.py; docs/protocol.md, "Push under load"), so that no
round trip to the service, and no wait of the service's Python, falls inside the lock. Two
of its steps cannot be one plain statement: the recheck must abort the transaction when
what the push read has changed, and the access log's hash chain is computed row by row.
SQLite has no such functions and needs none: its pushes hold the whole database anyway.

Revision ID: 0007_push_lock
Revises: 0006_team_safety_team
Create Date: 2026-11-29
"""

from __future__ import annotations

from alembic import op

revision = "0007_push_lock"
down_revision = "0006_team_safety_team"
branch_labels = None
depends_on = None

# `expected`: {"records": {id: rev} as read, "read": [ids read, found or not],
# "stored": [change ids found applied], "changes": [every change id of the push]}.
# SQLSTATE KT409 tells push_commit.py to start the push again, lock first. The ids come
# in as joins, not `= ANY(array)`: with the array's length unknown to the planner, it
# searched the array once per row of a sequential scan (150 ms for a push of 1,000 edits).
PUSH_RECHECK = """
CREATE FUNCTION push_recheck(expected jsonb) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF coalesce((SELECT jsonb_object_agg(r.id, r.rev)
                 FROM jsonb_array_elements_text(expected->'read') AS e(id)
                 JOIN records r ON r.id = e.id), '{}'::jsonb) <> expected->'records'
       OR coalesce((SELECT jsonb_agg(a.change_id ORDER BY a.change_id COLLATE "C")
                    FROM jsonb_array_elements_text(expected->'changes') AS e(id)
                    JOIN applied_changes a ON a.change_id = e.id), '[]'::jsonb)
          <> expected->'stored'
    THEN
        RAISE EXCEPTION 'what the push read changed before it took the rev lock'
            USING ERRCODE = 'KT409';
    END IF;
END $$;
"""

# `entries`: the rows in order, each with every content column but `seq` and, as `tail`,
# the canonical JSON of its content after the seq (access_log.tail): the hash is
# sha256(prev_hash || '[' || seq || ',' || tail), as access_log.row_hash computes it.
ACCESS_LOG_APPEND = """
CREATE FUNCTION access_log_append(entries jsonb) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    head_seq integer;
    head_hash varchar;
    seqs integer[] := '{}';
    prevs varchar[] := '{}';
    hashes varchar[] := '{}';
    tail text;
BEGIN
    SELECT seq, hash INTO head_seq, head_hash FROM access_log_head WHERE id = 1 FOR UPDATE;
    -- Only the hashes one by one (each covers the one before); the rows in one INSERT.
    FOR tail IN SELECT x.value->>'tail' FROM jsonb_array_elements(entries) WITH ORDINALITY
                AS x ORDER BY x.ordinality LOOP
        head_seq := head_seq + 1;
        seqs := seqs || head_seq;
        prevs := prevs || head_hash;
        head_hash := encode(sha256(convert_to(
            head_hash || '[' || head_seq || ',' || tail, 'UTF8')), 'hex');
        hashes := hashes || head_hash;
    END LOOP;
    INSERT INTO access_log (seq, entry_id, source, at, user_id, device_id, case_id,
                            record_id, action, address, detail, prev_hash, hash)
    SELECT seqs[x.ordinality], x.value->>'entry_id', x.value->>'source', x.value->>'at',
           x.value->>'user_id', x.value->>'device_id', x.value->>'case_id',
           x.value->>'record_id', x.value->>'action', x.value->>'address',
           x.value->>'detail', prevs[x.ordinality], hashes[x.ordinality]
    FROM jsonb_array_elements(entries) WITH ORDINALITY AS x;
    UPDATE access_log_head SET seq = head_seq, hash = head_hash WHERE id = 1;
END $$;
"""


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(PUSH_RECHECK)
    op.execute(ACCESS_LOG_APPEND)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP FUNCTION access_log_append(jsonb)")
    op.execute("DROP FUNCTION push_recheck(jsonb)")
