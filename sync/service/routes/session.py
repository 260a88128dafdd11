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
from sync.service.deps import Address, CurrentSettings, Factory, Throttle
from sync.service.errors import ApiError
from sync.service.models import User
from sync.service.ratelimit import Limit
from sync.service.routes import CLIENT_ERRORS
from sync.service.security import verify_password
from sync.service.settings import Settings

router = APIRouter(prefix=API_PREFIX, tags=["session"])


def login_limits(settings: Settings, user_key: str, address: str | None) -> dict[str, Limit]:
    """The username strictly; the address (shared behind a proxy) `login_address_factor`
    times more loosely."""
    limits = {user_key: Limit(settings.login_slow_after, settings.login_lock_after)}
    if address is not None:
        factor = settings.login_address_factor
        limits[f"addr:{address}"] = Limit(settings.login_slow_after * factor,
                                          settings.login_lock_after * factor)
    return limits


@router.post(
    "/session/enrol", status_code=201, response_model=EnrolResponse,
    responses={**CLIENT_ERRORS,
               401: {"model": ErrorBody, "description": "wrong username or password"},
               429: {"model": ErrorBody, "description": "too many failed logins"}},
)
def enrol(body: EnrolRequest, factory: Factory, throttle: Throttle, address: Address,
          settings: CurrentSettings) -> EnrolResponse:
    """Enrol this device for the user; the token is shown once and stored only as a hash."""
    user_key = f"user:{body.username.casefold()}"
    attempt = throttle.begin(login_limits(settings, user_key, address))
    if attempt.refused:
        raise ApiError(429, "too_many_attempts", "too many failed logins; try again later",
                       headers={"Retry-After": str(math.ceil(attempt.retry_after))})
    if attempt.delay > 0:
        time.sleep(attempt.delay)
    with transaction(factory) as session:
        user = session.scalar(select(User).where(User.username == body.username))
        ok = verify_password(body.password, user.password_hash if user else None)
        if not ok:  # the attempt was counted before the check: nothing to add
            access_log.append(session, [AccessEvent(
                action="enrol.failed", user_id=user.id if user else None, address=address,
            )])
        else:
            throttle.succeeded(attempt, clear=user_key, session=session)
            device, token = add_device(session, user, body.device_name)
            access_log.append(session, [AccessEvent(
                action="enrol", user_id=user.id, device_id=device.id, address=address,
            )])
            return EnrolResponse(device_id=device.id, token=token, user=wire_user(session, user))
    raise ApiError(401, "wrong_credentials", "wrong username or password")
