"""Failed-login throttling per username and per address, in the database.

An attempt is counted when it begins, before its password is checked, in its own short
transaction that holds the rows of its keys locked: however many guesses arrive at once, on
however many processes and hosts, at most `lock_after` of them are ever checked. A guess
that turns out right is taken off the counts again. After `slow_after` counted attempts
within the window the next is slowed (a growing delay); on reaching `lock_after` the key is
refused with 429 for `lock_s` seconds.

Each key has its own limits: the username strictly, the address far more loosely, since
behind a reverse proxy or a shared office NAT many workers share one address and one
guesser must not lock them all out.

One code path for both databases: the row of each key is taken with an upsert that locks it
(PostgreSQL's INSERT ... ON CONFLICT DO UPDATE ... RETURNING row-locks it until commit;
SQLite's write transactions begin IMMEDIATE, db.py, so they run one at a time). Keys are
locked in sorted order, so two attempts never wait for each other crosswise. Times are the
wall clock (`time.time`): processes on several hosts compare them, so the hosts keep their
clocks in step (NTP); a skew only shifts a window by as much.
"""

from __future__ import annotations

import hashlib
import time
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from sqlalchemy import delete, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session, sessionmaker

from sync.service.db import transaction
from sync.service.models import LoginThrottleRow

_TABLE = LoginThrottleRow.__table__
# Rows unseen for longer than the window and the lock are swept, a bounded number per write:
# a spray of usernames or addresses cannot grow the table without end.
_SWEEP_BATCH = 200


def row_key(key: str) -> str:
    """The stored key: its kind (`user`, `addr`) and a SHA-256 of the rest.

    Of fixed length, however long the username grows when case-folded ('ﬃ' is 'ffi'); and
    what someone typed as a username, a password by mistake as often as not, is not kept.
    """
    kind, _, value = key.partition(":")
    return f"{kind}:{hashlib.sha256(value.encode('utf-8')).hexdigest()}"


@dataclass(frozen=True)
class Limit:
    slow_after: int
    lock_after: int


@dataclass(frozen=True)
class Attempt:
    """One counted login attempt: wait `delay` seconds before checking the password.

    `retry_after` > 0 means refused (not counted, the password must not be checked).
    """

    at: float
    delay: float = 0.0
    retry_after: float = 0.0
    keys: tuple[str, ...] = ()
    locked: frozenset[str] = frozenset()
    id: str = ""

    @property
    def refused(self) -> bool:
        return self.retry_after > 0


class LoginThrottle:
    def __init__(
        self,
        factory: sessionmaker[Session],
        window_s: float,
        lock_s: float,
        delay_s: float,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._factory = factory
        self.window_s = window_s
        self.lock_s = lock_s
        self.delay_s = delay_s
        self._clock = clock

    def _take(self, session: Session, key: str, now: float) -> tuple[list[list], float]:
        """The row of `key`, made if new, locked until the transaction ends."""
        dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
        statement = (
            dialect.insert(_TABLE)
            .values(key=row_key(key), attempts=[], locked_until=0.0, seen_at=now)
            .on_conflict_do_update(index_elements=[_TABLE.c.key], set_={"seen_at": now})
            .returning(_TABLE.c.attempts, _TABLE.c.locked_until)
        )
        attempts, locked_until = session.execute(statement).one()
        return list(attempts), float(locked_until)

    def begin(self, keys: Mapping[str, Limit]) -> Attempt:
        """Count an attempt for every key, or refuse it if any key is locked."""
        now = self._clock()
        attempt_id = uuid.uuid4().hex
        with transaction(self._factory) as session:
            rows = {key: self._take(session, key, now) for key in sorted(keys)}
            retry_after = max((until - now for _, until in rows.values()), default=0.0)
            if retry_after > 0:
                return Attempt(at=now, retry_after=retry_after)
            delay = 0.0
            locked = set()
            for key, (attempts, until) in rows.items():
                limit = keys[key]
                attempts = [a for a in attempts if a[1] >= now - self.window_s]
                extra = len(attempts) - limit.slow_after + 1
                if extra > 0:
                    delay = max(delay, min(self.delay_s * 2 ** (extra - 1), 8 * self.delay_s))
                attempts.append([attempt_id, now])
                if len(attempts) >= limit.lock_after:
                    until = now + self.lock_s
                    locked.add(key)
                session.execute(update(_TABLE).where(_TABLE.c.key == row_key(key))
                                .values(attempts=attempts, locked_until=until))
            self._sweep(session, now, {row_key(key) for key in keys})
        return Attempt(at=now, delay=delay, keys=tuple(keys), locked=frozenset(locked),
                       id=attempt_id)

    def succeeded(self, attempt: Attempt, clear: str, session: Session | None = None) -> None:
        """The password was right: `clear` (the username) starts afresh; the other keys
        forget this one attempt, and a lock that it alone set.

        In `session` when given: the login's own transaction, which on SQLite holds the
        database's one write lock, so a transaction of our own would wait for it forever.
        """
        if session is None:
            with transaction(self._factory) as own:
                self._forget(own, attempt, clear)
        else:
            self._forget(session, attempt, clear)

    def _forget(self, session: Session, attempt: Attempt, clear: str) -> None:
        for key in sorted(attempt.keys):
            if key == clear:
                session.execute(delete(_TABLE).where(_TABLE.c.key == row_key(key)))
                continue
            found = session.execute(
                select(_TABLE.c.attempts, _TABLE.c.locked_until)
                .where(_TABLE.c.key == row_key(key)).with_for_update()
            ).one_or_none()
            if found is None:
                continue  # swept already
            attempts = [a for a in found.attempts if a[0] != attempt.id]
            until = 0.0 if key in attempt.locked else found.locked_until
            session.execute(update(_TABLE).where(_TABLE.c.key == row_key(key))
                            .values(attempts=attempts, locked_until=until))

    def _sweep(self, session: Session, now: float, keep: set[str]) -> None:
        # SKIP LOCKED: a row another attempt holds is its business, and waiting for it
        # could close a circle of waits; SQLite has no row locks and ignores the clause.
        cutoff = now - max(self.window_s, self.lock_s)
        stale = session.scalars(
            select(_TABLE.c.key).where(_TABLE.c.seen_at < cutoff).limit(_SWEEP_BATCH)
            .with_for_update(skip_locked=True)
        ).all()
        stale = [key for key in stale if key not in keep]
        if stale:
            session.execute(delete(_TABLE).where(_TABLE.c.key.in_(stale)))
