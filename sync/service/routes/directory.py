"""The team directory: colleagues and the regional safety team by name."""

from __future__ import annotations

from fastapi import APIRouter

from sync.protocol import API_PREFIX, Directory
from sync.service.db import transaction
from sync.service.deps import CurrentSettings, CurrentViewer, ReadFactory
from sync.service.directory import directory
from sync.service.routes import AUTH_ERRORS

router = APIRouter(prefix=API_PREFIX, tags=["directory"])


@router.get("/directory", response_model=Directory, responses={**AUTH_ERRORS})
def read_directory(viewer: CurrentViewer, factory: ReadFactory, settings: CurrentSettings
                   ) -> Directory:
    """The users of the caller's teams, of the safety-team teams and of the cases the caller
    sees (their contact workers and sharers), by display name."""
    with transaction(factory) as session:
        return Directory(users=directory(session, viewer, settings.retention_days))
