"""The floor the no-change sync is compared with: a bare FastAPI route that reads the bearer
token, hashes it as the service does and runs one indexed SELECT on SQLite. It is served
exactly like the service (`sync/service/cli.py`): uvicorn with the same options and number of
workers, on a socket bound the same way.

    python -m bench.floor_app DB_PATH PORT WORKERS
"""
# No `from __future__ import annotations`: FastAPI must see the route's Depends(bearer) as an
# object, and `bearer` is local to app_from_env.


import os
import sqlite3
import sys
import threading
from pathlib import Path
from typing import Annotated

from fastapi import Depends, FastAPI, HTTPException
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from sync.service.cli import listening_socket
from sync.service.security import token_hash

DB_ENV = "KEUKENTAFEL_BENCH_FLOOR_DB"


def make_floor_db(path: Path, devices: list[tuple[str, str]]) -> None:
    """A SQLite file with one indexed table of (token hash, user id) for `devices`
    [(token, user id)]."""
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("CREATE TABLE devices (token_hash TEXT PRIMARY KEY, user_id TEXT)")
        conn.executemany("INSERT INTO devices VALUES (?, ?)",
                         [(token_hash(token), user) for token, user in devices])
    conn.close()


def app_from_env() -> FastAPI:
    path = os.environ[DB_ENV]
    local = threading.local()
    bearer = HTTPBearer(auto_error=False)
    app = FastAPI()

    def connection() -> sqlite3.Connection:
        # Sync routes run in a thread pool; one connection per thread, as a pool would keep.
        if getattr(local, "conn", None) is None:
            local.conn = sqlite3.connect(path)
        return local.conn

    @app.get("/floor")
    def floor(
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
    ) -> dict[str, str]:
        if credentials is None:
            raise HTTPException(401)
        row = connection().execute("SELECT user_id FROM devices WHERE token_hash = ?",
                                   (token_hash(credentials.credentials),)).fetchone()
        if row is None:
            raise HTTPException(401)
        return {"user_id": row[0]}

    return app


def main(db_path: str, port: int, workers: int) -> None:
    import uvicorn
    from uvicorn.supervisors import Multiprocess

    os.environ[DB_ENV] = db_path
    # The options and the socket (one per worker) of sync/service/cli.py's _serve.
    config = uvicorn.Config("bench.floor_app:app_from_env", factory=True, host="127.0.0.1",
                            port=port, log_level="info", proxy_headers=False, workers=workers)
    Multiprocess(config, sockets=[listening_socket("127.0.0.1", port, workers)]).run()


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))
