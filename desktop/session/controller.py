"""The window's session: first run, unlock and lock, and where the store's key lives.

States: "first_run" (no store on this laptop), "locked" (a store, no key in memory),
"unlocked" (the store open in the StoreSession). Opening and creating the store (Argon2id
key derivation) and enrolling run off the UI thread through the StoreSession; locking
waits for pending writes so that no typed edit is lost, then closes the store, which drops
the key.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.operations import StoreSession
from desktop.session.first_run import Enrolment, FirstRunChoice
from desktop.session.messages import error_message

log = logging.getLogger(__name__)

FIRST_RUN = "first_run"
LOCKED = "locked"
UNLOCKED = "unlocked"


class LockedStore:
    """Stands in for the store while locked: every use fails as the store's own StoreLocked."""

    def __getattr__(self, name: str) -> Any:
        from storage.errors import StoreLocked

        raise StoreLocked("the store is locked")


def _store_class() -> Any:
    from storage.store import CaseStore

    return CaseStore


def _default_enrol(store: Any, enrolment: Enrolment) -> None:
    from desktop.syncing.enrolment import enrol

    enrol(store, enrolment)


class SessionController(QObject):
    """Owns the StoreSession's store. Signals: `state_changed(state)`, `unlock_failed(message)`,
    `about_to_lock()` (views clear everything of a case), `enrol_failed(message)`."""

    state_changed = Signal(str)
    unlock_failed = Signal(str)
    first_run_failed = Signal(str)
    enrol_failed = Signal(str)
    enrolling = Signal()  # the first run enrols before it opens the window
    about_to_lock = Signal()
    store_damaged = Signal(str)  # the background page check found damage: a Dutch notice
    pages_checked = Signal(int)  # the background page check ended: how many pages failed

    def __init__(
        self,
        data_dir: Path,
        session: StoreSession,
        parent: QObject | None = None,
        *,
        store_class: Any = None,
        enrol: Callable[[Any, Enrolment], None] = _default_enrol,
        before_close: Callable[[], None] | None = None,
        close_later: Callable[[Any], bool] | None = None,
    ) -> None:
        super().__init__(parent)
        self.data_dir = Path(data_dir)
        self.session = session
        self._store_class = store_class
        self._enrol = enrol
        self.before_close = before_close  # on quit and wipe: wait for a running sync
        # On lock: a running sync may keep the store until it ends, then closes it; the
        # window does not wait for the network before it hides.
        self.close_later = close_later
        self.session.store = LockedStore()
        self.state = FIRST_RUN if not self.store_class.exists(self.data_dir) else LOCKED
        # The full page check reads the whole file: it waits until the window has shown
        # and filled its case list, so that it does not take a core from the start.
        self.integrity_delay_ms = 3000

    @property
    def store_class(self) -> Any:
        if self._store_class is None:
            self._store_class = _store_class()
        return self._store_class

    @property
    def unlocked(self) -> bool:
        return self.state == UNLOCKED

    def _set_state(self, state: str) -> None:
        self.state = state
        self.state_changed.emit(state)

    # -- first run ---------------------------------------------------------------------

    def create(self, choice: FirstRunChoice) -> None:
        """Create the store with `choice.passphrase`; enrol afterwards when asked."""
        data_dir, cls = self.data_dir, self.store_class

        def opened(store: Any) -> None:
            if choice.enrolment is None:
                self._adopt(store)
                return
            # Enrol before showing the cases, so that the first sync can already run.
            self.session.store = store
            self.enrolling.emit()
            self.enrol(choice.enrolment, on_done=lambda: self._adopt(store),
                       on_failed=lambda: self._adopt(store))

        self.session.change(
            lambda _locked: cls.create(data_dir, choice.passphrase),
            opened,
            on_error=lambda exc: self.first_run_failed.emit(error_message(exc)),
            announce=False,
        )

    def enrol(
        self,
        enrolment: Enrolment,
        on_done: Callable[[], None] | None = None,
        on_failed: Callable[[], None] | None = None,
    ) -> None:
        def failed(exc: BaseException) -> None:
            code = getattr(exc, "code", "")
            if code in ("service_unavailable", "other_users_store") or isinstance(exc, OSError):
                self.enrol_failed.emit(error_message(exc))
            else:
                self.enrol_failed.emit(self.tr(
                    "The service did not accept this username and password. You can enrol "
                    "later from the menu."
                ))
            if on_failed is not None:
                on_failed()

        self.session.change(
            lambda store: self._enrol(store, enrolment),
            lambda _user: on_done() if on_done else None,
            source="sync",
            on_error=failed,
        )

    # -- unlock and lock ----------------------------------------------------------------

    def unlock(self, passphrase: str) -> None:
        if self.state != LOCKED:
            return
        data_dir, cls = self.data_dir, self.store_class
        self.session.change(
            lambda _locked: cls.open(data_dir, passphrase),
            self._adopt,
            on_error=lambda exc: self.unlock_failed.emit(error_message(exc)),
            announce=False,
        )

    def adopt(self, store: Any) -> None:
        """Take a store that is already open (the demo opens it before the window)."""
        self._adopt(store)

    def _adopt(self, store: Any) -> None:
        self.session.store = store
        self._set_state(UNLOCKED)
        QTimer.singleShot(self.integrity_delay_ms, self, lambda: self._check_pages(store))

    def _check_pages(self, store: Any) -> None:
        """The full page check, off the UI thread. A damaged page leaves the store usable:
        only reading that page fails, so the worker keeps working and is told to sync and
        to ask for help (the service holds everything already synced)."""
        if self.state != UNLOCKED or self.session.store is not store:
            return  # locked (or relocked) meanwhile: the next unlock checks again

        def found(damaged: int) -> None:
            self.pages_checked.emit(damaged)
            if damaged:
                log.warning("store integrity check: %d damaged pages", damaged)
                self.store_damaged.emit(self.tr(
                    "Part of the data on this laptop is damaged. You can keep working; "
                    "sync your changes and ask your administrator for help."))

        def failed(exc: BaseException) -> None:
            log.warning("store integrity check failed: %s", type(exc).__name__)

        self.session.query(lambda s: s.damaged_pages(), found, on_error=failed)

    def lock(self) -> None:
        """Hide every case, wait for pending writes, close the store (the key is dropped)."""
        if self.state != UNLOCKED:
            return
        self.about_to_lock.emit()
        self._close_store(wait_for_sync=False)
        self._set_state(LOCKED)

    def wipe(self) -> None:
        """The device was revoked: close and erase the local store (the service has the rest)."""
        if self.state == UNLOCKED:
            self.about_to_lock.emit()
            self._close_store()
        self.store_class.wipe(self.data_dir)
        log.warning("local store erased after the device was revoked")
        self._set_state(FIRST_RUN)

    def shutdown(self) -> None:
        """Before quitting: the same as locking, without showing the unlock page."""
        if self.state == UNLOCKED:
            self.about_to_lock.emit()
            self._close_store()
            self.state = LOCKED

    def _close_store(self, wait_for_sync: bool = True) -> None:
        if wait_for_sync and self.before_close is not None:
            self.before_close()
        # Local writes are quick; waiting for them is what keeps a typed edit.
        if not self.session.wait_for_writes(15_000):
            log.warning("writes still pending after 15 s while locking")
        store = self.session.store
        self.session.store = LockedStore()
        if not wait_for_sync and self.close_later is not None and self.close_later(store):
            return
        try:
            store.close()
        except Exception as exc:  # noqa: BLE001 - locking must complete whatever the store says
            log.warning("closing the store failed: %s", type(exc).__name__)
