"""The status bar: online or offline, last sync, pending changes, open conflicts, lock button."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QTimer, Signal, Slot
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QStatusBar, QWidget

from desktop.elided import ElidedLabel
from desktop.i18n import local_time
from desktop.syncing.status import NOT_ENROLLED, OFFLINE, ONLINE, SYNCING, SyncStatus


class SyncStatusBar(QStatusBar):
    """`lock_clicked` and `conflicts_clicked` are wired by the window."""

    lock_clicked = Signal()
    conflicts_clicked = Signal()
    rejected_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizeGripEnabled(False)
        # Messages in a label of their own, not showMessage(): QStatusBar cuts a long message
        # off under the counts without a trace. This one ends in "…" with the whole text in
        # its tooltip, and a message may bring a short form to show and a long one to hover.
        self.notice = ElidedLabel()
        self.notice.setObjectName("notice")
        self.addWidget(self.notice, 1)
        self._notice_timer = QTimer(self)
        self._notice_timer.setSingleShot(True)
        self._notice_timer.timeout.connect(lambda: self.notice.set_text(""))
        self.connection = QLabel()
        self.connection.setObjectName("connection")
        self.last_sync = QLabel()
        self.last_sync.setObjectName("lastSync")
        self.pending = QLabel()
        self.pending.setObjectName("pending")
        self.conflicts = QPushButton()
        self.conflicts.setObjectName("conflicts")
        self.conflicts.setFlat(True)
        self.conflicts.clicked.connect(self.conflicts_clicked)
        self.lock = QPushButton(self.tr("Lock"))
        self.lock.setObjectName("lockButton")
        self.lock.setAccessibleName(self.tr("Lock the window (Ctrl+L)"))
        self.lock.setToolTip(self.tr("Lock the window (Ctrl+L)"))
        self.lock.clicked.connect(self.lock_clicked)
        for widget in (self.connection, self.last_sync, self.pending, self.conflicts):
            # Counts and times are never squeezed; a passing message gives way instead.
            widget.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Preferred)
            self.addPermanentWidget(widget)
        self.addPermanentWidget(self.lock)
        self._locked = False
        self.show_status(SyncStatus())

    @Slot(object)
    def show_status(self, status: SyncStatus) -> None:
        self.status = status
        words = {
            ONLINE: self.tr("Online"),
            OFFLINE: self.tr("Offline"),
            SYNCING: self.tr("Syncing…"),
            NOT_ENROLLED: self.tr("Not enrolled"),
        }
        text = words.get(status.connection, self.tr("Not synced yet"))
        if status.connection == SYNCING:
            text = " ".join(filter(None, (text, self.progress_words(status))))
        self.connection.setText(text)
        when = local_time(status.last_sync)
        self.last_sync.setText(
            self.tr("Last sync: %1").replace("%1", when) if when else self.tr("Never synced")
        )
        self.pending.setText(self.tr("%n change(s) waiting", "", status.pending))
        self.conflicts.setText(self.tr("%n conflict(s)", "", status.conflicts))
        self.conflicts.setAccessibleName(self.conflicts.text())
        font = self.conflicts.font()
        font.setBold(status.conflicts > 0)
        self.conflicts.setFont(font)
        for label in (self.connection, self.last_sync, self.pending):
            label.setAccessibleName(label.text())
        self._show_widgets()

    def progress_words(self, status: SyncStatus) -> str:
        """"12 of 40 sent, 1,200 received" while a sync runs (numbers in the locale's way)."""
        number = QLocale().toString
        parts = []
        if status.to_send:
            parts.append(self.tr("%1 of %2 sent").replace("%1", number(status.sent)).replace(
                "%2", number(status.sent + status.to_send)))
        elif status.sent:
            parts.append(self.tr("%1 sent").replace("%1", number(status.sent)))
        if status.received:
            parts.append(self.tr("%1 received").replace("%1", number(status.received)))
        return ", ".join(parts)

    def _show_widgets(self) -> None:
        # Counts of nothing stay away: "0 waiting" and "0 conflicts" only took the room a
        # message needs (the toolbar opens the conflicts either way).
        shown = not self._locked
        self.connection.setVisible(shown)
        self.last_sync.setVisible(shown)
        self.lock.setVisible(shown)
        self.pending.setVisible(shown and self.status.pending > 0)
        self.conflicts.setVisible(shown and self.status.conflicts > 0)

    def show_notice(self, text: str, detail: str = "", msecs: int = 15_000) -> None:
        """`text` in the bar for `msecs`; `detail` (the whole message) in its tooltip."""
        self.notice.set_text(text, detail)
        self.notice.setAccessibleName(detail or text)
        self._notice_timer.start(msecs)

    def show_rejected(self, count: int) -> None:
        """Changes that could not be sent are kept on this laptop: say so, in words, until the
        worker has dismissed them; a click opens them."""
        button = self.findChild(QPushButton, "rejectedChanges")
        if button is None:
            button = QPushButton(self)
            button.setObjectName("rejectedChanges")
            button.setFlat(True)
            button.clicked.connect(self.rejected_clicked)
            # First of the permanent widgets, which Qt counts after the notice: index 0 is
            # out of range for them, and Qt put the button after the lock button instead.
            self.insertPermanentWidget(1, button)
        # A short text in the bar, the whole sentence on hover and for a screen reader: the
        # sentence as the button's text made a 1,024-pixel window 1,967 pixels wide.
        button.setText(self.tr("%n not sent", "", count))
        whole = self.tr(
            "%n change(s) could not be sent. They are kept safely on this laptop. "
            "See them in Unsent changes.", "", count)
        button.setToolTip(whole)
        button.setAccessibleName(whole)
        button.setVisible(count > 0)

    def set_locked(self, locked: bool) -> None:
        """While locked the counts mean nothing to an onlooker, but hide them anyway; a
        message of before the lock is dropped with them."""
        self._locked = locked
        if locked:
            self._notice_timer.stop()
            self.notice.set_text("")
        self._show_widgets()
