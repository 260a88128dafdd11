"""Repeated failed logins are slowed, then refused for a while (429)."""

from __future__ import annotations

import pytest

from sync.service.ratelimit import LoginThrottle


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_throttle_slows_then_locks_then_forgets():
    clock = Clock()
    throttle = LoginThrottle(slow_after=3, lock_after=5, window_s=60, lock_s=120,
                             delay_s=0.5, clock=clock)
    keys = ["user:anouk"]
    delays = []
    for _ in range(5):
        delays.append(throttle.check(keys))
        throttle.failed(keys)
    assert [d for d, _ in delays] == [0, 0, 0, 0.5, 1.0]  # slowed once 3 have failed
    assert all(r == 0 for _, r in delays)
    _, retry = throttle.check(keys)
    assert retry == pytest.approx(120)
    clock.now += 121
    assert throttle.check(keys) == (0, 0)  # window and lock have both passed
    throttle.failed(keys)
    throttle.succeeded(keys)
    assert throttle.check(keys) == (0, 0)


def test_enrol_answers_429_after_too_many_failures(world):
    world.user("anouk")
    body = {"username": "anouk", "password": "fout", "device_name": "laptop"}
    codes = [world.client.post("/api/v1/session/enrol", json=body).status_code
             for _ in range(7)]
    assert codes == [401] * 6 + [429]
    refused = world.client.post("/api/v1/session/enrol", json={
        **body, "password": "wachtwoord-anouk"})
    assert refused.status_code == 429  # even the right password, for a while
    assert refused.json()["error"]["code"] == "too_many_attempts"
    assert int(refused.headers["Retry-After"]) > 0
    # another username from the same address is refused too (the address is locked)
    world.user("bram")
    assert world.client.post("/api/v1/session/enrol", json={
        "username": "bram", "password": "wachtwoord-bram", "device_name": "x"}
    ).status_code == 429
