"""The service's database: engine, sessions and migrations, for PostgreSQL and SQLite alike."""

from __future__ import annotations

import select
import weakref
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import psycopg
from alembic import command
from alembic.config import Config
from psycopg import adapters, postgres
from psycopg.adapt import Dumper
from psycopg.pq import TransactionStatus
from sqlalchemy import (
    ColumnElement,
    Connection,
    Engine,
    any_,
    create_engine,
    event,
    literal,
)
from sqlalchemy.engine import Dialect, make_url
from sqlalchemy.exc import DBAPIError, DisconnectionError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.types import UserDefinedType

from sync.service.group_commit import GroupCommit
from sync.service.write_turns import DatabaseBusy, WriteTurns

T = TypeVar("T")

MIGRATIONS = Path(__file__).resolve().parent / "migrations"

SQLITE_BUSY_S = 60
# Per SQLite engine that writes: its writers take turns here first (write_turns.py).
_WRITER_TURNS: weakref.WeakKeyDictionary[Engine, WriteTurns] = weakref.WeakKeyDictionary()
# Per SQLite engine that writes: its pushes of the moment commit together (group_commit.py).
_GROUPS: weakref.WeakKeyDictionary[Engine, GroupCommit] = weakref.WeakKeyDictionary()


def make_engine(url: str, pool_size: int = 10, *, read_only: bool = False) -> Engine:
    """An engine for `url`; SQLite gets WAL, a busy timeout and write-locking transactions.

    With `read_only` on SQLite, transactions begin DEFERRED instead: they read one snapshot
    and never wait for (or hold up) a writer. Only for sessions that do not write.
    """
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        engine = create_engine(
            url,
            connect_args={"check_same_thread": False, "timeout": SQLITE_BUSY_S},
            hide_parameters=True,
            pool_size=pool_size,
            max_overflow=pool_size * 2,
        )
        _sqlite_locking(engine, "BEGIN" if read_only else "BEGIN IMMEDIATE")
        if not read_only:
            turns = WriteTurns(_database_file(parsed.database))
            _WRITER_TURNS[engine] = turns
            _GROUPS[engine] = GroupCommit(turns)
        return engine
    # No pre-ping: it costs a round trip on every checkout, as much as the no-change sync's
    # one statement (issue 15). A connection the server closed (a restart, a failover) is
    # noticed at checkout without one (`_drop_closed`); one that died silently is met by
    # its first statement, and the reads every request makes retry once on a fresh one
    # (`read`). SQLAlchemy's "optimistic" disconnect handling.
    engine = create_engine(
        url, pool_size=pool_size, max_overflow=pool_size * 2,
        hide_parameters=True,  # SQL errors must not carry case data into a log
    )
    event.listen(engine.pool, "checkout", _drop_closed)
    return engine


def _database_file(database: str | None) -> str | None:
    """The file of an SQLite database, None for one in memory."""
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return database


def _drop_closed(dbapi_connection, _record, _proxy) -> None:  # type: ignore[no-untyped-def]
    """Refuse a pooled PostgreSQL connection the server has closed, so the pool opens a
    new one (SQLAlchemy's documented use of DisconnectionError in a checkout event).

    An idle connection has nothing to read: when its socket is readable, the server said
    goodbye (a restart sends FATAL 57P01 and closes) or the socket was shut. Asked of the
    kernel, no round trip."""
    try:
        readable, _, _ = select.select([dbapi_connection.fileno()], [], [], 0)
    except (OSError, ValueError) as exc:
        raise DisconnectionError("the pooled connection is closed") from exc
    if readable or dbapi_connection.closed:
        raise DisconnectionError("the server closed the pooled connection")


def make_engines(url: str, pool_size: int = 10) -> tuple[Engine, Engine]:
    """(engine for writes, engine for reads): two on SQLite; on PostgreSQL one pool, whose
    reads run in autocommit.

    Autocommit spares a read its BEGIN and COMMIT round trips, and it sees what READ
    COMMITTED sees: every statement a snapshot at least as new as the one before, which is
    all the pull's cursor relies on (pull.py).
    """
    writes = make_engine(url, pool_size)
    if writes.dialect.name != "sqlite":
        return writes, writes.execution_options(isolation_level="AUTOCOMMIT")
    return writes, make_engine(url, pool_size, read_only=True)


def _sqlite_locking(engine: Engine, begin: str) -> None:
    # pysqlite opens transactions lazily and as DEFERRED, so two writers that both read first
    # deadlock into "database is locked". BEGIN IMMEDIATE takes the write lock up front, which
    # also gives SQLite the same "commits in rev order" property the counter row lock gives
    # PostgreSQL (see push.py). This is SQLAlchemy's documented recipe.
    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection, _record):  # type: ignore[no-untyped-def]
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection):  # type: ignore[no-untyped-def]
        connection.exec_driver_sql(begin)


def is_postgres(engine: Engine) -> bool:
    return engine.dialect.name == "postgresql"


def among(session: Session, column: ColumnElement[str], values: Collection[str]
          ) -> ColumnElement[bool]:
    """`column IN values`; on PostgreSQL `column = ANY(<one array parameter>)`: psycopg
    reads a statement's placeholders in Python, and a push of a thousand changes asked
    several INs of a thousand ids each (issue 15)."""
    if session.get_bind().dialect.name == "postgresql":
        return column == any_(literal(_array_text(sorted(values)), _VarcharArray()))
    return column.in_(sorted(values))


class _ArrayText(str):
    """A `varchar[]` parameter already written as PostgreSQL's array text."""


class _ArrayTextDumper(Dumper):
    oid = postgres.types["varchar"].array_oid

    def dump(self, obj: str) -> bytes:
        return obj.encode()


# psycopg writes a list parameter in Python, item by item (its ListDumper: a dumper call
# and a regex per item): 2.7 ms for the thousand cases every page of a first sync is
# limited to, more than PostgreSQL took to find the page. The same text, written by one
# join, goes as the same typed parameter: the query and its plans do not change.
adapters.register_dumper(_ArrayText, _ArrayTextDumper)


def varchar_array(values: Collection[str]) -> _ArrayText:
    """`values`, sorted, as one `varchar[]` parameter for a statement sent through psycopg
    itself (`column = ANY(%s)`), written as `among` writes it."""
    return _array_text(sorted(values))


def _array_text(values: list[str]) -> _ArrayText:
    # Every item quoted, so that a comma, a brace, a space or NULL in a value stays text.
    return _ArrayText("{" + ",".join(
        '"' + v.replace("\\", "\\\\").replace('"', '\\"') + '"' for v in values
    ) + "}")


class _VarcharArray(UserDefinedType[str]):
    """`varchar[]` bound as `_ArrayText` as it is (ARRAY would iterate the text)."""

    cache_ok = True
    render_bind_cast = True

    def get_col_spec(self, **kw: Any) -> str:
        return "VARCHAR[]"

    def bind_processor(self, dialect: Dialect) -> None:
        return None


def make_sessionmaker(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def transaction(factory: sessionmaker[Session]) -> Iterator[Session]:
    """One transaction: committed when the block ends, rolled back when it raises.

    On SQLite the writers first take turns, in the order they came, within the process and
    among processes (write_turns.py): SQLite's busy handler lets waiting writers poll,
    sleeping up to 100 ms between tries, so one could lose the race again and again - under
    load (wrk, 200 connections) some pushes waited past the client's 2 s time-out while
    others went through (issue 15)."""
    turn = _WRITER_TURNS.get(factory.kw.get("bind"))  # type: ignore[arg-type]
    if turn is None:
        with factory() as session, session.begin():
            yield session
        return
    if not turn.acquire(timeout=SQLITE_BUSY_S):
        raise DatabaseBusy("the database stayed busy with other writes")
    try:
        with factory() as session, session.begin():
            yield session
    finally:
        turn.release()


def group_of(engine: Engine) -> GroupCommit | None:
    """The group commit of an SQLite engine that writes (None for any other)."""
    return _GROUPS.get(engine)


def write(factory: sessionmaker[Session], work: Callable[[Session], T], size: int = 1) -> T:
    """`work(session)` in a transaction, committed before this returns; what it returns.

    On SQLite with the other writes of the moment that came this way in one transaction,
    each in a savepoint of its own, so that one that raises leaves nothing and the others
    stand (group_commit.py; `size`, its changes, keeps large ones apart); elsewhere a
    `transaction` of its own."""
    group = _GROUPS.get(factory.kw.get("bind"))  # type: ignore[arg-type]
    if group is None:
        with transaction(factory) as session:
            return work(session)
    return group.run(factory, work, SQLITE_BUSY_S, size)


def read(engine: Engine, reading: Callable[[Connection], T]) -> T:
    """`reading(connection)` in one read-only transaction on a plain connection, without an
    ORM session: for the reads every request makes (the token check, the no-change pull),
    where setting up and committing a Session cost more than the queries.

    A connection found dead by its statement (the server went away since it was pooled)
    is dropped with its pool by SQLAlchemy; the read then runs once more on a fresh one,
    so the request that meets it is answered, not refused with a 500. A read may run
    twice: it writes nothing."""
    try:
        return _read_once(engine, reading)
    except DBAPIError as exc:
        if not exc.connection_invalidated:
            raise
    return _read_once(engine, reading)


def _read_once(engine: Engine, reading: Callable[[Connection], T]) -> T:
    with engine.connect() as connection, connection.begin():
        return reading(connection)


@contextmanager
def autocommit_connection(engine: Engine) -> Iterator[psycopg.Connection[Any]]:
    """A pooled PostgreSQL connection as psycopg's own, in autocommit, with no SQLAlchemy
    Connection or Session around it: for a push of one change, setting those up and
    closing them cost more of the service's CPU than its reads (issue 15).

    It goes back to the pool as it came (not in autocommit, no transaction open); one that
    broke, or was left inside a transaction, is dropped instead."""
    fairy = engine.raw_connection()
    connection = fairy.driver_connection
    assert isinstance(connection, psycopg.Connection)
    try:
        connection.autocommit = True
        yield connection
    except psycopg.OperationalError:
        fairy.invalidate()
        raise
    finally:
        if fairy.is_valid:
            if (connection.closed
                    or connection.info.transaction_status != TransactionStatus.IDLE):
                fairy.invalidate()
            else:
                connection.autocommit = False
        fairy.close()


def alembic_config(engine: Engine) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["engine"] = engine
    return cfg


def migrate(engine: Engine) -> None:
    """Run every pending migration."""
    if engine.dialect.name == "sqlite":
        database = engine.url.database
        if database and database != ":memory:":
            Path(database).parent.mkdir(parents=True, exist_ok=True)
    command.upgrade(alembic_config(engine), "head")
