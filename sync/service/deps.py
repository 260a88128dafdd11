"""FastAPI dependencies: the session factory, settings, and the viewer behind a request."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from sync.protocol import DEVICE_REVOKED
from sync.service.client_address import client_address as forwarded_client
from sync.service.db import transaction
from sync.service.errors import ApiError
from sync.service.models import Device, Membership, User
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


async def client_address(request: Request) -> str | None:
    peer = request.client.host if request.client else None
    return forwarded_client(peer, request.headers.getlist("x-forwarded-for"),
                            request.app.state.settings.trusted_proxies)


Factory = Annotated[sessionmaker[Session], Depends(get_factory)]
# Sessions that only read: on SQLite they neither wait for nor hold up writers.
ReadFactory = Annotated[sessionmaker[Session], Depends(get_read_factory)]
CurrentSettings = Annotated[Settings, Depends(get_settings)]
Throttle = Annotated[LoginThrottle, Depends(get_throttle)]
Address = Annotated[str | None, Depends(client_address)]


def current_viewer(
    factory: ReadFactory,
    address: Address,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Viewer:
    if credentials is None or not credentials.credentials:
        raise ApiError(401, "unauthorized", "a bearer token is needed",
                       headers={"WWW-Authenticate": "Bearer"})
    digest = token_hash(credentials.credentials)
    with transaction(factory) as session:
        # One query on every request: device, user and (one row per team) memberships.
        found = session.execute(
            select(Device, User, Membership.team_id)
            .join(User, User.id == Device.user_id)
            .outerjoin(Membership, Membership.user_id == User.id)
            .where(Device.token_hash == digest)
        ).all()
        if not found:
            raise ApiError(401, "invalid_token", "the token is not valid",
                           headers={"WWW-Authenticate": "Bearer"})
        device, user, _ = found[0]
        if device.revoked_at is not None:
            raise ApiError(401, DEVICE_REVOKED, "this device was revoked")
        return Viewer(
            user_id=user.id, username=user.username, display_name=user.display_name,
            role=user.role, team_ids=frozenset(t for _, _, t in found if t is not None),
            device_id=device.id, address=address,
        )


CurrentViewer = Annotated[Viewer, Depends(current_viewer)]
