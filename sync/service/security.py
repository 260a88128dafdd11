"""Passwords (Argon2id, PHC strings) and device tokens (random, stored as SHA-256)."""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets

from cryptography.exceptions import InvalidKey
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

# OWASP's minimum for Argon2id (19 MiB, 2 passes, 1 lane): slow for a guesser, quick to log in.
_MEMORY_KIB = 19 * 1024
_ITERATIONS = 2
_LANES = 1

# Verified against when the username is unknown, so that a wrong username costs as much
# time as a wrong password and the answer time does not tell which usernames exist.
_DUMMY_HASH: str | None = None


def hash_password(password: str) -> str:
    kdf = Argon2id(
        salt=os.urandom(16), length=32, iterations=_ITERATIONS, lanes=_LANES,
        memory_cost=_MEMORY_KIB,
    )
    return kdf.derive_phc_encoded(password.encode("utf-8"))


def verify_password(password: str, phc: str | None) -> bool:
    global _DUMMY_HASH
    if phc is None:
        if _DUMMY_HASH is None:
            _DUMMY_HASH = hash_password(secrets.token_hex(16))
        phc, password = _DUMMY_HASH, password + "\0never"
    try:
        Argon2id.verify_phc_encoded(password.encode("utf-8"), phc)
    except (InvalidKey, ValueError):
        return False
    return True


def new_token() -> str:
    """A device token: 256 random bits. Only its hash is stored."""
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    # A plain hash suffices: the token is random and long, so there is nothing to guess.
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def same(a: str, b: str) -> bool:
    return hmac.compare_digest(a, b)
