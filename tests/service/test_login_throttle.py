"""Repeated failed logins are slowed, then refused for a while (429): counted before the
password is checked, by username strictly and by address loosely, and the address behind
a reverse proxy only when the operator trusts it."""

from __future__ import annotations

import ipaddress
import threading

import httpx
import pytest
from sqlalchemy import select

from sync.service.app import create_app
from sync.service.client_address import client_address, parse_networks
from sync.service.db import make_engine, make_sessionmaker
from sync.service.models import LoginThrottleRow
from sync.service.ratelimit import Limit, LoginThrottle, row_key
from sync.service.settings import Settings
from tests.service.conftest import service_settings
from tests.service.live import live_service
from tests.service.world import World

ENROL = "/api/v1/session/enrol"


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def throttles(db_url):
    """LoginThrottles on `db_url`, each on an engine of its own, as in separate processes."""
    engines = []

    def make(clock: Clock) -> LoginThrottle:
        engines.append(make_engine(db_url, 2))
        return LoginThrottle(make_sessionmaker(engines[-1]), window_s=60, lock_s=120,
                             delay_s=0.5, clock=clock)

    yield make
    for engine in engines:
        engine.dispose()


def test_throttle_slows_then_locks_then_forgets(throttles):
    clock = Clock()
    throttle = throttles(clock)
    keys = {"user:anouk": Limit(slow_after=3, lock_after=5)}
    attempts = []
    for _ in range(5):
        attempts.append(throttle.begin(keys))
        clock.now += 1
    assert [a.delay for a in attempts] == [0, 0, 0, 0.5, 1.0]  # slowed once 3 are counted
    assert not any(a.refused for a in attempts)
    refused = throttle.begin(keys)
    assert refused.refused and refused.retry_after == pytest.approx(120 - 1)
    clock.now += 121
    assert throttle.begin(keys).delay == 0  # window and lock have both passed
    right = throttle.begin(keys)
    throttle.succeeded(right, clear="user:anouk")
    assert throttle.begin(keys).delay == 0


def test_a_right_password_takes_its_attempt_off_the_address_count(throttles):
    clock = Clock()
    throttle = throttles(clock)
    address = Limit(slow_after=100, lock_after=3)
    for n in range(10):  # ten workers behind one proxy log in rightly, one after another
        clock.now += 1
        attempt = throttle.begin({f"user:w{n}": Limit(3, 5), "addr:proxy": address})
        assert not attempt.refused
        throttle.succeeded(attempt, clear=f"user:w{n}")
    # The attempt that reached the limit and locked the address was right: unlocked again.
    for n in range(2):
        throttle.begin({f"user:x{n}": Limit(3, 5), "addr:proxy": address})
    last = throttle.begin({"user:y": Limit(3, 5), "addr:proxy": address})
    assert not last.refused and "addr:proxy" in last.locked
    throttle.succeeded(last, clear="user:y")
    assert not throttle.begin({"user:z": Limit(3, 5), "addr:proxy": address}).refused


def test_the_count_is_in_the_database_shared_and_swept(throttles, db_url):
    """Two throttles on their own connections (as two processes) share one count, and a
    key unseen for longer than the window and the lock is swept by a later write."""
    clock = Clock()
    first, second = throttles(clock), throttles(clock)
    keys = {"user:anouk": Limit(slow_after=3, lock_after=4)}
    for n in range(4):
        assert not (first if n % 2 else second).begin(keys).refused
    assert first.begin(keys).refused and second.begin(keys).refused
    clock.now += 121
    second.begin({"user:bram": Limit(3, 4)})
    engine = make_engine(db_url, 1)
    with engine.connect() as conn:
        keys_left = conn.execute(select(LoginThrottleRow.key)).scalars().all()
    engine.dispose()
    assert keys_left == [row_key("user:bram")]


def test_enrol_answers_429_after_too_many_failures(world):
    world.user("anouk")
    body = {"username": "anouk", "password": "fout", "device_name": "laptop"}
    codes = [world.client.post(ENROL, json=body).status_code for _ in range(7)]
    assert codes == [401] * 6 + [429]
    refused = world.client.post(ENROL, json={**body, "password": "wachtwoord-anouk"})
    assert refused.status_code == 429  # even the right password, for a while
    assert refused.json()["error"]["code"] == "too_many_attempts"
    assert int(refused.headers["Retry-After"]) > 0


def _guess_at_once(url: str, bodies: list[dict]) -> list[int]:
    """Every body posted at the same moment, each on its own connection and thread."""
    codes: list[int] = [0] * len(bodies)
    start = threading.Barrier(len(bodies))

    def guess(i: int) -> None:
        with httpx.Client(base_url=url, timeout=120) as client:
            start.wait()
            codes[i] = client.post(ENROL, json=bodies[i]).status_code

    threads = [threading.Thread(target=guess, args=(i,)) for i in range(len(bodies))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(300)
    return codes


def test_parallel_guesses_check_at_most_the_limit(db_url):
    """60 wrong passwords at once: only `lock_after` of them may reach the password check
    (each 401 is a checked password); the rest are refused unchecked."""
    app = create_app(service_settings(db_url, login_lock_after=10, login_slow_after=100,
                                      login_delay_s=0))
    World(app, None).user("anouk")  # type: ignore[arg-type]
    with live_service(app) as url:
        codes = _guess_at_once(url, [{"username": "anouk", "password": f"fout-{i}",
                                      "device_name": "laptop"} for i in range(60)])
    assert sorted(set(codes)) == [401, 429]
    assert codes.count(401) == 10


def test_one_guessed_username_does_not_lock_out_another_behind_one_address(db_url):
    app = create_app(service_settings(db_url, login_address_factor=2))  # address: 12
    world = World(app, None)  # type: ignore[arg-type]
    for name in ("anouk", "bram", "cas"):
        world.user(name)
    with live_service(app) as url, httpx.Client(base_url=url, timeout=60) as client:
        def enrol(username: str, password: str) -> int:
            return client.post(ENROL, json={"username": username, "password": password,
                                            "device_name": "laptop"}).status_code

        assert [enrol("anouk", "fout") for _ in range(7)] == [401] * 6 + [429]
        assert enrol("bram", "wachtwoord-bram") == 201  # same address, another user
        # The address still locks, only far later: 6 more wrong logins (other usernames).
        assert [enrol(f"onbekend-{n}", "fout") for n in range(6)] == [401] * 6
        assert enrol("cas", "wachtwoord-cas") == 429


def test_forwarded_for_counts_only_from_a_trusted_proxy(db_url):
    def lock_out_one_forwarded_client(url: str) -> int:
        """Lock the address 203.0.113.7 says it is; then how another forwarded client fares."""
        with httpx.Client(base_url=url, timeout=60) as client:
            for n in range(2):
                client.post(ENROL, json={"username": f"x{n}", "password": "fout",
                                         "device_name": "d"},
                            headers={"X-Forwarded-For": "198.51.100.1, 203.0.113.7"})
            return client.post(ENROL, json={
                "username": "anouk", "password": "wachtwoord-anouk", "device_name": "d"},
                headers={"X-Forwarded-For": "203.0.113.8"}).status_code

    # address limit 2: the two guesses lock whatever address they are counted on
    base = dict(login_address_factor=1, login_lock_after=2, login_slow_after=1,
                login_delay_s=0)
    trusting = create_app(service_settings(db_url, **base,
                                           trusted_proxies=parse_networks("127.0.0.1")))
    World(trusting, None).user("anouk")  # type: ignore[arg-type]
    with live_service(trusting) as url:
        assert lock_out_one_forwarded_client(url) == 201
    # Not trusted (the default): the header is anyone's claim; all count on the peer.
    distrusting = create_app(service_settings(db_url, **base))
    with live_service(distrusting) as url:
        assert lock_out_one_forwarded_client(url) == 429


def test_the_client_address_is_read_from_the_right_past_trusted_proxies():
    proxies = parse_networks("10.0.0.0/8, ::1")
    assert client_address("10.0.0.2", ["1.2.3.4, 203.0.113.9"], proxies) == "203.0.113.9"
    assert client_address("10.0.0.2", ["203.0.113.9, 10.0.0.7"], proxies) == "203.0.113.9"
    assert client_address("10.0.0.2", ["203.0.113.9", "10.0.0.7"], proxies) == "203.0.113.9"
    assert client_address("192.0.2.1", ["203.0.113.9"], proxies) == "192.0.2.1"  # not a proxy
    assert client_address("10.0.0.2", [], proxies) == "10.0.0.2"
    assert client_address("10.0.0.2", ["garbage"], proxies) == "10.0.0.2"
    assert client_address("::1", ["[2001:db8::5]:443"], proxies) == "2001:db8::5"
    assert client_address("10.0.0.2", ["203.0.113.9"], ()) == "10.0.0.2"  # trust none
    assert parse_networks("") == ()
    assert parse_networks("192.0.2.0/24") == (ipaddress.ip_network("192.0.2.0/24"),)
    with pytest.raises(ValueError, match="not an address"):
        parse_networks("proxy.example")


def test_the_trusted_proxies_come_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("KEUKENTAFEL_TRUSTED_PROXIES", "10.1.2.3, 10.9.0.0/16")
    settings = Settings.from_env(f"sqlite:///{tmp_path / 'x.sqlite3'}")
    assert [str(n) for n in settings.trusted_proxies] == ["10.1.2.3/32", "10.9.0.0/16"]
    monkeypatch.delenv("KEUKENTAFEL_TRUSTED_PROXIES")
    assert Settings.from_env(f"sqlite:///{tmp_path / 'x.sqlite3'}").trusted_proxies == ()


def test_a_username_that_grows_when_case_folded_is_counted_not_a_500(world):
    """'ﬃ' case-folds to 'ffi': 200 of them are 600 characters, longer than any column."""
    body = {"username": "ﬃ" * 200, "password": "fout", "device_name": "laptop"}
    codes = [world.client.post(ENROL, json=body).status_code for _ in range(7)]
    assert codes == [401] * 6 + [429]
