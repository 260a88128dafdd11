"""The store's key: a random 256-bit key, wrapped under the worker's passphrase.

The wrapping key comes from the passphrase by Argon2id (64 MiB, 3 passes); the store key
is sealed with AES-GCM under it. The sealed blob, with the salt, nonce and Argon2id
parameters, goes to the OS keyring; where keyring has no working backend it goes to a
0600 file in the data folder instead (and `status` says so). The plain key never touches
disk. A wrong passphrase fails the AES-GCM tag check and changes nothing.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import keyring
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from storage.errors import KeyUnavailable, StoreError, WrongPassphrase

KEY_BYTES = 32
KEYRING_SERVICE = "keukentafel"
KEY_FILE = "store.key"
_AAD = b"keukentafel store key v1"

KeyLocation = Literal["keyring", "file"]


@dataclass(frozen=True)
class KdfParams:
    """Argon2id settings; stored with each wrapped key so they can be raised later."""

    memory_kib: int = 64 * 1024
    iterations: int = 3
    lanes: int = 4


def new_store_key() -> bytearray:
    return bytearray(secrets.token_bytes(KEY_BYTES))


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


class WrappingKey:
    """The key derived from a passphrase, with the salt and parameters it was made with.

    The open store keeps this (not the passphrase) so that a rekey can wrap its new key.
    """

    def __init__(self, key: bytes, salt: bytes, params: KdfParams) -> None:
        self._key = bytearray(key)
        self.salt = salt
        self.params = params

    @classmethod
    def derive(cls, passphrase: str, salt: bytes | None = None,
               params: KdfParams | None = None) -> WrappingKey:
        params = params or KdfParams()
        salt = salt if salt is not None else secrets.token_bytes(16)
        kdf = Argon2id(
            salt=salt, length=32, iterations=params.iterations, lanes=params.lanes,
            memory_cost=params.memory_kib,
        )
        return cls(kdf.derive(passphrase.encode("utf-8")), salt, params)

    def wrap(self, store_key: bytes | bytearray) -> str:
        nonce = secrets.token_bytes(12)
        sealed = AESGCM(bytes(self._key)).encrypt(nonce, bytes(store_key), _AAD)
        return json.dumps({
            "v": 1, "kdf": "argon2id",
            "m": self.params.memory_kib, "t": self.params.iterations, "p": self.params.lanes,
            "salt": _b64(self.salt), "nonce": _b64(nonce), "sealed": _b64(sealed),
        })

    def unwrap(self, blob: dict[str, Any]) -> bytearray:
        try:
            plain = AESGCM(bytes(self._key)).decrypt(
                base64.b64decode(blob["nonce"]), base64.b64decode(blob["sealed"]), _AAD
            )
        except InvalidTag:
            raise WrongPassphrase("wrong passphrase") from None
        return bytearray(plain)

    def forget(self) -> None:
        for i in range(len(self._key)):
            self._key[i] = 0


# What a wrapped key written by this code can hold. A file or keyring entry outside these
# bounds was altered: it must fail as one clear error, not deep in Argon2 or AES-GCM, and
# must not make Argon2 allocate what the machine does not have.
_PARAM_BOUNDS = {"m": (8, 4 * 1024 * 1024), "t": (1, 64), "p": (1, 64)}  # m in KiB: 4 GiB
_NONCE_BYTES = 12
_TAG_BYTES = 16


def _unb64(value: Any) -> bytes:
    if not isinstance(value, str):
        raise ValueError
    return base64.b64decode(value, validate=True)


def parse_blob(text: str) -> dict[str, Any]:
    """The wrapped key's fields, checked; KeyUnavailable if anything is off."""
    try:
        blob = json.loads(text)
        if not isinstance(blob, dict) or blob.get("v") != 1 or blob.get("kdf") != "argon2id":
            raise ValueError
        for name, (low, high) in _PARAM_BOUNDS.items():
            value = blob.get(name)
            if type(value) is not int or not low <= value <= high:
                raise ValueError
        if blob["m"] < 8 * blob["p"]:  # Argon2's own floor
            raise ValueError
        if (len(_unb64(blob.get("salt"))) < 8 or len(_unb64(blob.get("nonce"))) != _NONCE_BYTES
                or len(_unb64(blob.get("sealed"))) != KEY_BYTES + _TAG_BYTES):
            raise ValueError
        return blob
    except (ValueError, TypeError, RecursionError):  # binascii.Error is a ValueError
        raise KeyUnavailable("the wrapped key is damaged (altered or cut short)") from None


def unlock(passphrase: str, blob_text: str) -> tuple[bytearray, WrappingKey]:
    """The store key from its wrapped blob, and the wrapping key (WrongPassphrase if wrong)."""
    blob = parse_blob(blob_text)
    params = KdfParams(memory_kib=blob["m"], iterations=blob["t"], lanes=blob["p"])
    wrapping = WrappingKey.derive(passphrase, base64.b64decode(blob["salt"]), params)
    return wrapping.unwrap(blob), wrapping


def keyring_works() -> bool:
    """False for keyring's `fail` backend (a bare Linux without Secret Service) and kin,
    and for a chosen backend whose daemon is not there (SecretService without its D-Bus
    service fails in `get_keyring` itself, with whatever the socket raised)."""
    from keyring.backends import chainer, fail

    try:
        backend = keyring.get_keyring()
        if isinstance(backend, fail.Keyring):
            return False
        if isinstance(backend, chainer.ChainerBackend) and not backend.backends:
            return False
        return backend.priority > 0  # type: ignore[operator]
    except Exception:  # noqa: BLE001 - a keyring that cannot even start is no keyring
        return False


class KeySlot:
    """Where one data folder's wrapped key is kept: the OS keyring, or a 0600 file.

    `slot` names a second, temporary place used while a rekey is under way, so that a
    crash between `PRAGMA rekey` and saving the new wrapped key loses nothing.
    """

    def __init__(self, data_dir: Path, slot: str = "") -> None:
        self.data_dir = data_dir
        self.slot = slot
        digest = hashlib.sha256(str(data_dir.resolve()).encode("utf-8")).hexdigest()[:32]
        self.username = f"store-{digest}{'-' + slot if slot else ''}"
        self.file = data_dir / (KEY_FILE + (f".{slot}" if slot else ""))

    def load(self) -> tuple[str, KeyLocation] | None:
        if keyring_works():
            try:
                blob = keyring.get_password(KEYRING_SERVICE, self.username)
            except Exception:  # noqa: BLE001 - a broken OS keyring (D-Bus, locked) is no keyring
                blob = None
            if blob:
                return blob, "keyring"
        if self.file.exists():
            try:
                return self.file.read_text(encoding="ascii"), "file"
            except UnicodeDecodeError:  # only base64 and JSON are ever written there
                raise KeyUnavailable("the wrapped key is damaged (altered or cut short)"
                                     ) from None
        return None

    def save(self, blob: str, prefer: KeyLocation | None = None) -> KeyLocation:
        """Keep `blob` in the keyring if one works (unless `prefer` says file), else a file."""
        if prefer != "file" and keyring_works():
            try:
                keyring.set_password(KEYRING_SERVICE, self.username, blob)
            except Exception:  # noqa: BLE001 - a broken OS keyring (D-Bus, locked) is no keyring
                pass
            else:
                self.file.unlink(missing_ok=True)
                return "keyring"
        _write_private(self.file, blob)
        return "file"

    def remove(self) -> None:
        if keyring_works():
            try:
                keyring.delete_password(KEYRING_SERVICE, self.username)
            except Exception:  # noqa: BLE001 - a broken OS keyring (D-Bus, locked) is no keyring
                pass
        self.file.unlink(missing_ok=True)


def _write_private(path: Path, text: str) -> None:
    """Write `text` to a file only its owner can read, replacing it atomically."""
    tmp = path.with_name(path.name + ".tmp")
    tmp.unlink(missing_ok=True)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="ascii") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise StoreError(f"cannot write the wrapped key file ({exc.strerror})") from None
