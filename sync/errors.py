"""What can go wrong when a laptop talks to the service, as exceptions the CLI and the desktop
can tell apart.

Messages are English and never carry personal data or a token: they may reach a log.
"""

from __future__ import annotations


class SyncError(Exception):
    """Base of every sync failure. `code` is stable; the message is safe to log."""

    code = "sync_error"


class NotEnrolled(SyncError):
    """The store has no service URL or token yet: run `keukentafel enrol` first."""

    code = "not_enrolled"


class DeviceRevoked(SyncError):
    """The service answered 401 `device_revoked`: this laptop must wipe its store."""

    code = "device_revoked"


class EnrolmentRequired(SyncError):
    """Any other 401: the token is no longer accepted. Enrol again; nothing is removed."""

    code = "enrolment_required"


class ServiceUnavailable(SyncError):
    """The service could not be reached (or kept failing) after every retry."""

    code = "service_unavailable"


class RequestRejected(SyncError):
    """The service refused a request with a 4xx other than 401 (a client mistake)."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(f"service refused the request ({status} {code}): {message}")
        self.status = status
        self.code = code
