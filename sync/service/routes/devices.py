"""Revoking a device: by the device itself or an admin."""

from __future__ import annotations

from fastapi import APIRouter, Response

from sync.protocol import API_PREFIX, ErrorBody, Id
from sync.service import access_log
from sync.service.access_log import AccessEvent
from sync.service.accounts import revoke_device
from sync.service.db import transaction
from sync.service.deps import CurrentViewer, Factory
from sync.service.errors import ApiError
from sync.service.models import Device
from sync.service.routes import AUTH_ERRORS, CLIENT_ERRORS

router = APIRouter(prefix=API_PREFIX, tags=["devices"])


@router.delete(
    "/devices/{device_id}", status_code=204, response_class=Response,
    responses={**AUTH_ERRORS, **CLIENT_ERRORS,
               403: {"model": ErrorBody, "description": "not your device"},
               404: {"model": ErrorBody, "description": "no such device"}},
)
def revoke(device_id: Id, viewer: CurrentViewer, factory: Factory) -> Response:
    """Revoke a device: its next call gets 401 `device_revoked` and it wipes its store."""
    with transaction(factory) as session:
        device = session.get(Device, device_id)
        if device is None:
            raise ApiError(404, "device_not_found", "no such device")
        if device.id != viewer.device_id and viewer.role != "admin":
            raise ApiError(403, "forbidden", "only the device itself or an admin may revoke it")
        if revoke_device(session, device):
            access_log.append(session, [AccessEvent(
                action="device.revoke", user_id=viewer.user_id, device_id=viewer.device_id,
                address=viewer.address, detail=f"revoked device {device.id}",
            )])
    return Response(status_code=204)
