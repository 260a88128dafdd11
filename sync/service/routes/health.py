from __future__ import annotations

from fastapi import APIRouter

from sync.protocol import Health

router = APIRouter(tags=["health"])


@router.get("/healthz", response_model=Health)
def healthz() -> Health:
    """Liveness: the process answers. (It does not touch the database.)"""
    return Health(status="ok")
