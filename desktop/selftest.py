"""`keukentafel --self-test`: is this installation whole? Run by IT after a roll-out and by
`make installer-check` on the bundle it just built.

Everything happens in a throwaway folder with a random passphrase and is removed afterwards,
the wrapped key in the OS keyring included: nothing is left behind. The report names
versions and settings, never a path of the worker's or a secret. A keyring without a working
backend is a warning, not a failure: the store then keeps its wrapped key in a 0600 file
beside itself, which the design allows and the window tells the worker about.
"""

from __future__ import annotations

import os
import secrets
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from desktop.build_info import version

OK, WARN, FAIL = "ok", "warn", "FAIL"
EXPECTED_SQLCIPHER_MAJOR = 4
# What `PRAGMA cipher_compatibility = 4` (storage/database.py) must give. The store keys
# SQLCipher with a raw key, so kdf_iter is not used today; it is checked all the same,
# because a build whose defaults differ would also differ wherever a passphrase is used.
EXPECTED_CIPHER = {
    "cipher": "AES-256-CBC",
    "cipher_page_size": "4096",
    "kdf_iter": "256000",
    "cipher_hmac_algorithm": "HMAC_SHA512",
    "cipher_kdf_algorithm": "PBKDF2_HMAC_SHA512",
}
# The window's own "&New case" (desktop/mainwindow/actions.py) and its Dutch.
KNOWN_SOURCE, KNOWN_DUTCH = "&New case", "&Nieuw dossier"
WINDOW_TIMEOUT_S = 60.0
_PLAIN_SQLITE_HEADER = b"SQLite format 3\x00"


@dataclass
class Outcome:
    name: str
    status: str
    detail: str


class CheckFailed(Exception):
    """A check that ran and found something wrong: its message is the report's reason."""


class Warning_(Exception):  # noqa: N801 - not the builtin Warning, which is for warnings
    """A check that found something to tell IT about, but that the app works with."""


def check_sqlcipher(work: Path) -> str:
    from storage.database import Database

    key = bytearray(secrets.token_bytes(32))
    db = Database(work / "cipher-check.db", key)
    try:
        with db.write() as conn:
            conn.exec_driver_sql("CREATE TABLE t (x)")
            conn.exec_driver_sql("INSERT INTO t VALUES (1)")
        with db.read() as conn:
            found = {name: str(conn.exec_driver_sql(f"PRAGMA {name}").scalar())
                     for name in (*EXPECTED_CIPHER, "cipher_version", "cipher_provider",
                                  "cipher_provider_version")}
    finally:
        db.close()
    cipher_version = found["cipher_version"]
    major = cipher_version.split(".", 1)[0]
    if not major.isdigit() or int(major) < EXPECTED_SQLCIPHER_MAJOR:
        raise CheckFailed(f"SQLCipher {cipher_version!r}; {EXPECTED_SQLCIPHER_MAJOR}.x or "
                          "newer is needed (is this plain SQLite?)")
    wrong = [f"{name} is {found[name]}, expected {want}"
             for name, want in EXPECTED_CIPHER.items() if found[name] != want]
    if wrong:
        raise CheckFailed("; ".join(wrong))
    with open(work / "cipher-check.db", "rb") as file:
        if file.read(len(_PLAIN_SQLITE_HEADER)) == _PLAIN_SQLITE_HEADER:
            raise CheckFailed("the database file was written unencrypted")
    return (f"{cipher_version}, {found['cipher']}, {found['cipher_hmac_algorithm']}, page size "
            f"{found['cipher_page_size']}, kdf_iter {found['kdf_iter']} "
            f"({found['cipher_provider']} {found['cipher_provider_version']})")


def check_keyring() -> str:
    import keyring

    from storage.keys import keyring_works

    backend = keyring.get_keyring()
    name = f"{type(backend).__module__}.{type(backend).__name__}"
    if not keyring_works():
        raise Warning_(f"{name}: no working OS keyring; the wrapped key goes to a 0600 file "
                       "beside the store")
    return name


def check_store(data_dir: Path, passphrase: str) -> str:
    from storage import migrations
    from storage.store import CaseStore

    # Opening it again is the window check's unlock: one key derivation fewer.
    store = CaseStore.create(data_dir, passphrase)
    location = store.key_location
    store.close()
    return f"created and migrated to {migrations.HEAD}; wrapped key in the {location}"


def check_translations() -> str:
    from PySide6.QtCore import QCoreApplication

    from desktop.i18n import APP_CATALOGUE, translations_dir

    catalogue = translations_dir() / f"{APP_CATALOGUE}_nl.qm"
    if not catalogue.is_file():
        raise CheckFailed(f"the Dutch catalogue {catalogue.name} is missing")
    got = QCoreApplication.translate("MainWindow", "&New case")
    if got != KNOWN_DUTCH:
        raise CheckFailed(f"{KNOWN_SOURCE!r} translates as {got!r}, expected {KNOWN_DUTCH!r}")
    return f"nl ({catalogue.name}): {KNOWN_SOURCE!r} -> {got!r}"


def check_window(data_dir: Path, passphrase: str) -> str:
    from PySide6.QtCore import QThreadPool
    from PySide6.QtWidgets import QApplication

    from desktop.mainwindow.window import MainWindow
    from desktop.session.controller import UNLOCKED
    from desktop.settings import Settings

    app = QApplication.instance()
    window = MainWindow(data_dir, Settings(data_dir))
    try:
        window.resize(1280, 820)
        window.show()
        # As the worker does: the passphrase on the unlock page, then Enter.
        window.unlock_page.passphrase.setText(passphrase)
        window.unlock_page.passphrase.returnPressed.emit()
        deadline = time.monotonic() + WINDOW_TIMEOUT_S
        while window.controller.state != UNLOCKED:
            if time.monotonic() > deadline:
                raise CheckFailed(f"the window did not unlock within {WINDOW_TIMEOUT_S:.0f} s "
                                  f"({window.unlock_page.message.text()})")
            app.processEvents()
            time.sleep(0.005)
        _settle(app, window.session, deadline)
        picture = window.grab()
        if picture.isNull() or picture.width() < 100:
            raise CheckFailed("the main window rendered nothing")
        platform = QApplication.platformName()
        return f"unlocked and rendered ({picture.width()}x{picture.height()}, {platform})"
    finally:
        window.close()
        QThreadPool.globalInstance().waitForDone(15_000)
        window.deleteLater()
        app.processEvents()


def _settle(app: object, session: object, deadline: float) -> None:
    """Until the workspace's first reads have landed: the picture then shows the filled
    window, and closing does not cut off a read that is still under way."""
    quiet = 0
    while quiet < 5 and time.monotonic() < deadline:
        app.processEvents()  # type: ignore[attr-defined]
        quiet = 0 if session.busy else quiet + 1  # type: ignore[attr-defined]
        time.sleep(0.01)


def _run(name: str, check: Callable[[], str]) -> Outcome:
    try:
        return Outcome(name, OK, check())
    except Warning_ as exc:
        return Outcome(name, WARN, str(exc))
    except CheckFailed as exc:
        return Outcome(name, FAIL, str(exc))
    except Exception as exc:  # a check that broke is a failed check, with its type named
        return Outcome(name, FAIL, f"{type(exc).__name__}: {exc}")


def run_checks() -> list[Outcome]:
    # Without a display the window renders offscreen; with one set, its platform is tested.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from desktop.app import make_application

    work = Path(tempfile.mkdtemp(prefix="keukentafel-self-test-"))
    data_dir = work / "data"
    passphrase = secrets.token_urlsafe(24)
    outcomes: list[Outcome] = []
    try:
        outcomes.append(_run("sqlcipher", lambda: check_sqlcipher(work)))
        outcomes.append(_run("keyring", check_keyring))
        store = _run("store", lambda: check_store(data_dir, passphrase))
        outcomes.append(store)
        make_application(language="nl")
        outcomes.append(_run("translations", check_translations))
        if store.status == FAIL:
            outcomes.append(Outcome("window", FAIL, "not tried: the store did not open"))
        else:
            outcomes.append(_run("window", lambda: check_window(data_dir, passphrase)))
    finally:
        from storage.store import CaseStore

        try:
            CaseStore.wipe(data_dir)  # the keyring entry too, not only the files
        finally:
            shutil.rmtree(work, ignore_errors=True)
    if work.exists():
        outcomes.append(Outcome("cleanup", FAIL, "the throwaway folder could not be removed"))
    return outcomes


def report(outcomes: list[Outcome], out: TextIO) -> int:
    print(f"Keukentafel {version()} self-test", file=out)
    for outcome in outcomes:
        print(f"{outcome.status:<5} {outcome.name}: {outcome.detail}", file=out)
    failed = [o.name for o in outcomes if o.status == FAIL]
    warned = [o.name for o in outcomes if o.status == WARN]
    if failed:
        print(f"self-test FAILED: {', '.join(failed)}", file=out)
        return 1
    print("self-test passed" + (f" with warnings: {', '.join(warned)}" if warned else ""),
          file=out)
    return 0


def main() -> int:
    return report(run_checks(), sys.stdout)
