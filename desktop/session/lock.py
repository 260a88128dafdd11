"""When to lock: after idle time, on the quick-hide key, and when the system sleeps.

`LockController` only decides *when*; the `SessionController` does the locking. Idle time
is measured with an injectable clock (seconds, monotonic), so a test moves time forward
instead of waiting five minutes. Any key press, mouse or touch event in the application
counts as activity.

What Qt can see of the system: the application being suspended or hidden
(`applicationStateChanged`), and on Linux the D-Bus signals for sleep
(`org.freedesktop.login1.Manager.PrepareForSleep`) and for the screen saver or screen lock
(`org.freedesktop.ScreenSaver.ActiveChanged`). Where none of these exist the idle timer
and the quick-hide key still work.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from PySide6.QtCore import SLOT, QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence

log = logging.getLogger(__name__)

Clock = Callable[[], float]

_ACTIVITY = frozenset({
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
    QEvent.Type.TouchUpdate,
    QEvent.Type.TabletPress,
})

_LOCK_STATES = (Qt.ApplicationState.ApplicationSuspended, Qt.ApplicationState.ApplicationHidden)


class LockController(QObject):
    """Emits `lock_requested(reason)`: "idle", "quick_hide", "suspend" or "screen_lock"."""

    lock_requested = Signal(str)

    def __init__(
        self,
        idle_minutes: int,
        clock: Clock = time.monotonic,
        parent: QObject | None = None,
        *,
        check_interval_ms: int = 5_000,
        quick_hide_keys: str = "Ctrl+L",
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self.quick_hide_keys = QKeySequence(quick_hide_keys)
        self._idle_seconds = idle_minutes * 60.0
        self._last_activity = clock()
        self._armed = False
        self._timer = QTimer(self)
        self._timer.setInterval(check_interval_ms)
        self._timer.timeout.connect(self.check_idle)
        app = QGuiApplication.instance()
        if app is not None:
            app.installEventFilter(self)
            app.applicationStateChanged.connect(self._on_application_state)
        self._watch_system_bus()

    @property
    def idle_minutes(self) -> float:
        return self._idle_seconds / 60.0

    def set_idle_minutes(self, minutes: int) -> None:
        self._idle_seconds = minutes * 60.0

    def arm(self) -> None:
        """Start watching (after unlock)."""
        self._armed = True
        self._last_activity = self._clock()
        self._timer.start()

    def disarm(self) -> None:
        """Stop watching (while locked there is nothing to protect)."""
        self._armed = False
        self._timer.stop()

    @property
    def armed(self) -> bool:
        return self._armed

    def note_activity(self) -> None:
        self._last_activity = self._clock()

    def seconds_idle(self) -> float:
        return self._clock() - self._last_activity

    @Slot()
    def check_idle(self) -> None:
        if self._armed and self.seconds_idle() >= self._idle_seconds:
            self._request("idle")

    @Slot()
    def quick_hide(self) -> None:
        self._request("quick_hide")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if self._armed and event.type() in _ACTIVITY:
            self._last_activity = self._clock()
            # A modal dialog (a wizard, a question) blocks the window's shortcuts; the
            # quick-hide key must still work there, so it is also caught here.
            if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
                pressed = QKeySequence(event.keyCombination())
                if pressed.matches(self.quick_hide_keys) == QKeySequence.SequenceMatch.ExactMatch:
                    self._request("quick_hide")
                    return True
        return False

    def _request(self, reason: str) -> None:
        if not self._armed:
            return
        log.info("locking: %s", reason)
        self.disarm()
        self.lock_requested.emit(reason)

    @Slot(Qt.ApplicationState)
    def _on_application_state(self, state: Qt.ApplicationState) -> None:
        if state in _LOCK_STATES:
            self._request("suspend")

    @Slot(bool)
    def _on_prepare_for_sleep(self, sleeping: bool) -> None:
        if sleeping:
            self._request("suspend")

    @Slot(bool)
    def _on_screen_saver(self, active: bool) -> None:
        if active:
            self._request("screen_lock")

    def _watch_system_bus(self) -> None:
        try:
            from PySide6.QtDBus import QDBusConnection
        except ImportError:  # not on every platform
            return
        system = QDBusConnection.systemBus()
        if system.isConnected():
            system.connect(
                "org.freedesktop.login1", "/org/freedesktop/login1",
                "org.freedesktop.login1.Manager", "PrepareForSleep",
                self, SLOT("_on_prepare_for_sleep(bool)"),
            )
        session = QDBusConnection.sessionBus()
        if session.isConnected():
            for service, path in (
                ("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver"),
                ("org.gnome.ScreenSaver", "/org/gnome/ScreenSaver"),
            ):
                session.connect(
                    service, path, service, "ActiveChanged",
                    self, SLOT("_on_screen_saver(bool)"),
                )
