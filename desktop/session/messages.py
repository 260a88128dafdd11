"""Dutch words for what went wrong, chosen by the stable `code` of a store or sync error.

Exceptions carry English, value-free messages for the log; the worker reads these instead.
The context is spelled out in every call: lupdate only reads literal contexts.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate


def error_message(exc: BaseException) -> str:
    """The sentence the worker sees for `exc`; never contains personal data."""
    code = getattr(exc, "code", None)
    unreachable = translate(
        "ErrorMessages", "The service cannot be reached. Your work is saved on this laptop.")
    messages = {
        "wrong_passphrase": translate(
            "ErrorMessages", "That passphrase is not right. Try again."),
        "store_not_found": translate(
            "ErrorMessages", "There is no store on this laptop yet."),
        "store_exists": translate(
            "ErrorMessages", "There already is a store on this laptop."),
        "corrupt_store": translate(
            "ErrorMessages", "The store on this laptop is damaged. Ask your administrator."),
        "key_unavailable": translate(
            "ErrorMessages", "The key of the store cannot be found. Ask your administrator."),
        "store_locked": translate("ErrorMessages", "The window is locked."),
        "record_not_found": translate("ErrorMessages", "This item no longer exists."),
        "device_revoked": translate(
            "ErrorMessages",
            "This laptop has been removed from the team's service. Its data has been erased "
            "from this laptop; nothing was lost on the service."),
        "enrolment_required": translate(
            "ErrorMessages",
            "The service no longer accepts this laptop's sign-in. Enrol again to keep syncing."),
        "not_enrolled": translate(
            "ErrorMessages", "This laptop is not enrolled with the team's service yet."),
        "other_users_store": translate(
            "ErrorMessages",
            "This laptop holds another worker's cases. Enrol with that worker's account."),
        "service_unavailable": unreachable,
    }
    if code in messages:
        return messages[code]
    if isinstance(exc, OSError):
        return unreachable
    return translate("ErrorMessages", "Something went wrong. Your saved work is safe; try again.")


def short_message(exc: BaseException) -> str:
    """A few words for the status bar, where `error_message(exc)` is the tooltip; "" when
    the whole sentence is short enough to show as it is."""
    if getattr(exc, "code", None) == "service_unavailable" or isinstance(exc, OSError):
        return translate("ErrorMessages", "Your work is safe")
    return ""
