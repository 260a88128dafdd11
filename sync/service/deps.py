"""FastAPI dependencies: the session factory, settings, and the viewer behind a request."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Any

import psycopg
from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import Connection, Row, text
from sqlalchemy.orm import Session, sessionmaker

from sync.protocol import DEVICE_REVOKED
from sync.service.client_address import client_address as forwarded_client
from sync.service.db import read
from sync.service.errors import ApiError
from sync.service.ratelimit import LoginThrottle
from sync.service.security import token_hash
from sync.service.settings import Settings
from sync.service.visibility import Viewer

_bearer = HTTPBearer(auto_error=False, description="the device token from enrolment")

# The dependencies that only read the app's state are `async def`: FastAPI runs a plain
# `def` dependency in its thread pool, and five such hops per request cost the no-change
# sync more than its queries. Only `current_viewer`, which waits on the database, is a `def`.


async def get_factory(request: Request) -> sessionmaker[Session]:
    return request.app.state.factory


async def get_read_factory(request: Request) -> sessionmaker[Session]:
    return request.app.state.read_factory


async def get_settings(request: Request) -> Settings:
    return request.app.state.settings


async def get_throttle(request: Request) -> LoginThrottle:
    return request.app.state.throttle


def address_of(request: Request) -> str | None:
    peer = request.client.host if request.client else None
    return forwarded_client(peer, request.headers.getlist("x-forwarded-for"),
                            request.app.state.settings.trusted_proxies)


async def client_address(request: Request) -> str | None:
    return address_of(request)


Factory = Annotated[sessionmaker[Session], Depends(get_factory)]
# Sessions that only read: on SQLite they neither wait for nor hold up writers.
ReadFactory = Annotated[sessionmaker[Session], Depends(get_read_factory)]
CurrentSettings = Annotated[Settings, Depends(get_settings)]
Throttle = Annotated[LoginThrottle, Depends(get_throttle)]
Address = Annotated[str | None, Depends(client_address)]


# The bearer credentials as sent; `token_of` says whether there are any.
Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]


def token_of(credentials: HTTPAuthorizationCredentials | None) -> str:
    """The request's device token, not yet checked (a 401 when there is none)."""
    if credentials is None or not credentials.credentials:
        raise ApiError(401, "unauthorized", "a bearer token is needed",
                       headers={"WWW-Authenticate": "Bearer"})
    return credentials.credentials


async def bearer_token(credentials: Credentials) -> str:
    return token_of(credentials)


BearerToken = Annotated[str, Depends(bearer_token)]

# One query on every request: device, user and (one row per team) memberships. Plain SQL
# on a connection: building the ORM statement and its objects cost more than running it.
_VIEWER_QUERY = (
    "SELECT d.id, d.revoked_at, u.id, u.username, u.display_name, u.role, m.team_id "
    "FROM devices d JOIN users u ON u.id = d.user_id "
    "LEFT OUTER JOIN memberships m ON m.user_id = u.id WHERE d.token_hash = {}"
)
_VIEWER_SQL = text(_VIEWER_QUERY.format(":digest"))
# The same, for psycopg's own connection (db.autocommit_connection).
_VIEWER_PSYCOPG = _VIEWER_QUERY.format("%(digest)s")


def viewer_for_token(connection: Connection, token: str, address: str | None) -> Viewer:
    """The viewer behind `token`, read on `connection`. ApiError 401 for an unknown token
    and for a revoked device."""
    return viewer_from_rows(
        connection.execute(_VIEWER_SQL, {"digest": token_hash(token)}).all(), address)


def viewer_rows(connection: psycopg.Connection[Any], token: str) -> list[tuple[Any, ...]]:
    """The rows `viewer_from_rows` takes, read on psycopg's own connection (PostgreSQL)."""
    return connection.execute(_VIEWER_PSYCOPG, {"digest": token_hash(token)}).fetchall()


def viewer_from_rows(found: Sequence[Row[Any]], address: str | None) -> Viewer:
    """The viewer of the rows a token lookup found: (device id, revoked at, user id,
    username, display name, role, team id), one row per team. ApiError 401 for none (an
    unknown token) and for a revoked device."""
    if not found:
        raise ApiError(401, "invalid_token", "the token is not valid",
                       headers={"WWW-Authenticate": "Bearer"})
    device_id, revoked_at, user_id, username, display_name, role = found[0][:6]
    if revoked_at is not None:
        raise ApiError(401, DEVICE_REVOKED, "this device was revoked")
    return Viewer(
        user_id=user_id, username=username, display_name=display_name, role=role,
        team_ids=frozenset(row[6] for row in found if row[6] is not None),
        device_id=device_id, address=address,
    )


def current_viewer(request: Request, address: Address, token: BearerToken) -> Viewer:
    return read(request.app.state.read_engine,
                lambda connection: viewer_for_token(connection, token, address))


CurrentViewer = Annotated[Viewer, Depends(current_viewer)]
