"""Named points in a sync where the kill tests make the laptop's process die.

With `KEUKENTAFEL_CRASH_AT=<point>` (or `<point>@<n>`: the n-th time it is reached) the
process sends itself SIGKILL at that point: no cleanup, no flush, no atexit, as when the
battery dies or the worker closes the lid mid-sync. Without the variable each point costs
one dictionary lookup.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

CRASH_ENV = "KEUKENTAFEL_CRASH_AT"

# In the order a sync reaches them.
CRASH_POINTS: tuple[str, ...] = (
    "before_push",            # nothing taken from the outbox yet
    "after_take_outbox",      # the batch is marked in flight, nothing sent
    "after_push_response",    # the service committed the batch; its answer is not read
    "after_push_ahead",       # the next batch sent, the previous one's answer not stored
    "mid_push_commit",        # inside the transaction that stores the results
    "after_push_commit",      # results stored, outbox entries gone
    "after_resolve_sent",     # the service closed a conflict; the laptop has not
    "after_audit_sent",       # access-log entries taken by the service, not marked pushed
    "before_pull",
    "after_pull_received",    # a page is in memory, nothing applied
    "mid_pull_apply",         # inside the transaction that applies pull pages
    "after_pull_commit",      # pages and their cursor stored, more pages to come
    "after_sync",             # everything stored, last_sync not yet written
)

_seen: dict[str, int] = {}


def _target() -> tuple[str, int] | None:
    raw = os.environ.get(CRASH_ENV)
    if not raw:
        return None
    name, _, nth = raw.partition("@")
    return name, int(nth) if nth else 1


def armed(name: str) -> bool:
    """Is the process set to die at `name` (some time)? For hooks that must be installed early."""
    target = _target()
    return target is not None and target[0] == name


def crash_point(name: str) -> None:
    """Die here if the environment asks for it (the n-th time this point is reached)."""
    target = _target()
    if target is None or target[0] != name:
        return
    _seen[name] = _seen.get(name, 0) + 1
    if _seen[name] == target[1]:
        os.kill(os.getpid(), signal.SIGKILL)


@contextmanager
def crash_inside(
    name: str, engine: Any, crash: Callable[[str], None] | None = None,
    after_statements: int = 3,
) -> Iterator[None]:
    """Die in the middle of the store's write transaction that runs in this block.

    When armed for `name` (or given a `crash` hook of an in-process test), a listener on the
    store's SQLAlchemy `engine` counts the statements of write transactions (BEGIN IMMEDIATE
    included) and calls the crash after the `after_statements`-th: some rows are written,
    the commit never comes.
    """
    if engine is None or (crash is None and not armed(name)):
        yield
        return
    from sqlalchemy import event

    die = crash or crash_point
    count = 0

    def after_execute(conn: Any, *_: Any) -> None:
        nonlocal count
        if conn.get_execution_options().get("kt_write"):
            count += 1
            if count == after_statements:
                die(name)

    event.listen(engine, "after_cursor_execute", after_execute)
    try:
        yield
    finally:
        event.remove(engine, "after_cursor_execute", after_execute)
