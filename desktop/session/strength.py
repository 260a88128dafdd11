"""How hard a passphrase is to guess: a rough estimate that drives the hint, not a rule.

A passphrase of a few ordinary words is both easy to type at a kitchen table and hard to
guess, so length counts most; character classes and repetition adjust it. The score is
0 (too weak to accept) to 4 (very strong); the screen turns it into Dutch words.
"""

from __future__ import annotations

import math
import string

MINIMUM_LENGTH = 10

_COMMON = (
    "wachtwoord", "password", "welkom", "qwerty", "azerty", "123456", "keukentafel",
    "geheim", "letmein", "admin",
)


def entropy_bits(passphrase: str) -> float:
    """Bits of guessing work, estimated from length and the alphabet the characters use."""
    if not passphrase:
        return 0.0
    pool = 0
    if any(c in string.ascii_lowercase for c in passphrase):
        pool += 26
    if any(c in string.ascii_uppercase for c in passphrase):
        pool += 26
    if any(c in string.digits for c in passphrase):
        pool += 10
    if any(c in string.punctuation or c == " " for c in passphrase):
        pool += 33
    if any(ord(c) > 127 for c in passphrase):
        pool += 64
    # Repeats add little: count each distinct character fully, repeats at a quarter.
    distinct = len(set(passphrase))
    effective = distinct + (len(passphrase) - distinct) / 4
    bits = effective * math.log2(max(pool, 2))
    lowered = passphrase.lower()
    if any(word in lowered for word in _COMMON):
        bits /= 2
    return bits


def strength_score(passphrase: str) -> int:
    """0 (refuse) .. 4 (very strong)."""
    if len(passphrase) < MINIMUM_LENGTH:
        return 0
    bits = entropy_bits(passphrase)
    if bits < 40:
        return 1
    if bits < 60:
        return 2
    if bits < 80:
        return 3
    return 4
