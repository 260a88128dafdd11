"""Enrolment: username and password in, a device token out."""

from __future__ import annotations

import math
import time

from fastapi import APIRouter
from sqlalchemy import select

from sync.protocol import API_PREFIX, EnrolRequest, EnrolResponse, ErrorBody
from sync.service import access_log
from sync.service.access_log import AccessEvent
from sync.service.accounts import add_device, wire_user
from sync.service.db import transaction
from sync.service.deps import Address, Factory, Throttle
from sync.service.errors import ApiError
from sync.service.models import User
from sync.service.routes import CLIENT_ERRORS
from sync.service.security import verify_password

router = APIRouter(prefix=API_PREFIX, tags=["session"])


@router.post(
    "/session/enrol", status_code=201, response_model=EnrolResponse,
    responses={**CLIENT_ERRORS,
               401: {"model": ErrorBody, "description": "wrong username or password"},
               429: {"model": ErrorBody, "description": "too many failed logins"}},
)
def enrol(body: EnrolRequest, factory: Factory, throttle: Throttle, address: Address
          ) -> EnrolResponse:
    """Enrol this device for the user; the token is shown once and stored only as a hash."""
    keys = [f"user:{body.username.casefold()}", f"addr:{address}"]
    delay, retry_after = throttle.check(keys)
    if retry_after > 0:
        raise ApiError(429, "too_many_attempts", "too many failed logins; try again later",
                       headers={"Retry-After": str(math.ceil(retry_after))})
    if delay > 0:
        time.sleep(delay)
    with transaction(factory) as session:
        user = session.scalar(select(User).where(User.username == body.username))
        ok = verify_password(body.password, user.password_hash if user else None)
        if not ok:
            throttle.failed(keys)
            access_log.append(session, [AccessEvent(
                action="enrol.failed", user_id=user.id if user else None, address=address,
            )])
        else:
            throttle.succeeded([keys[0]])
            device, token = add_device(session, user, body.device_name)
            access_log.append(session, [AccessEvent(
                action="enrol", user_id=user.id, device_id=device.id, address=address,
            )])
            return EnrolResponse(device_id=device.id, token=token, user=wire_user(session, user))
    raise ApiError(401, "wrong_credentials", "wrong username or password")
