"""Dutch words for what went wrong, chosen by the stable `code` of a store or sync error.

Exceptions carry English, value-free messages for the log; the worker reads these instead.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def _t(text: str) -> str:
    return QCoreApplication.translate("ErrorMessages", text)


def error_message(exc: BaseException) -> str:
    """The sentence the worker sees for `exc`; never contains personal data."""
    code = getattr(exc, "code", None)
    messages = {
        "wrong_passphrase": _t("That passphrase is not right. Try again."),
        "store_not_found": _t("There is no store on this laptop yet."),
        "store_exists": _t("There already is a store on this laptop."),
        "corrupt_store": _t("The store on this laptop is damaged. Ask your administrator."),
        "key_unavailable": _t(
            "The key of the store cannot be found. Ask your administrator."
        ),
        "store_locked": _t("The window is locked."),
        "record_not_found": _t("This item no longer exists."),
        "device_revoked": _t(
            "This laptop has been removed from the team's service. Its data has been erased "
            "from this laptop; nothing was lost on the service."
        ),
        "enrolment_required": _t(
            "The service no longer accepts this laptop's sign-in. Enrol again to keep syncing."
        ),
        "not_enrolled": _t("This laptop is not enrolled with the team's service yet."),
        "service_unavailable": _t(
            "The service cannot be reached. Your work is saved on this laptop."
        ),
    }
    if code in messages:
        return messages[code]
    if isinstance(exc, OSError):
        return _t("The service cannot be reached. Your work is saved on this laptop.")
    return _t("Something went wrong. Your saved work is safe; try again.")
