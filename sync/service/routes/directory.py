"""The team directory: colleagues and the regional safety team by name."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from sync.protocol import API_PREFIX, Directory
from sync.service.db import transaction
from sync.service.deps import CurrentSettings, CurrentViewer, ReadFactory
from sync.service.directory import directory, teams
from sync.service.routes import AUTH_ERRORS, CLIENT_ERRORS

router = APIRouter(prefix=API_PREFIX, tags=["directory"])


@router.get("/directory", response_model=Directory, response_model_exclude_none=True,
            responses={**AUTH_ERRORS, 422: CLIENT_ERRORS[422]})
def read_directory(viewer: CurrentViewer, factory: ReadFactory, settings: CurrentSettings,
                   with_teams: Annotated[bool, Query(alias="teams")] = False) -> Directory:
    """The users of the caller's teams, of the safety-team teams and of the cases the caller
    sees (their contact workers and sharers), by display name; with `teams=true` also the
    names of the teams the caller may know of."""
    with transaction(factory) as session:
        users = directory(session, viewer, settings.retention_days)
        named = teams(session, viewer, settings.retention_days) if with_teams else None
        return Directory(users=users, teams=named)
