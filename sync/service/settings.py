"""The service's settings, read from the environment in one place."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from sync.service.client_address import Network, parse_networks

DEFAULT_SQLITE_FILE = "keukentafel-server.sqlite3"


def default_db_url() -> str:
    """`KEUKENTAFEL_DB_URL`, or an SQLite file in the working folder so a newcomer needs nothing."""
    url = os.environ.get("KEUKENTAFEL_DB_URL")
    if url:
        return url
    return f"sqlite:///{Path(DEFAULT_SQLITE_FILE).resolve()}"


@dataclass(frozen=True)
class Settings:
    db_url: str
    # Closed cases leave the laptops this many days after `closed_on`.
    retention_days: int = 30
    # Failed logins: slowed after `login_slow_after`, refused (429) after `login_lock_after`
    # within `login_window_s`, for `login_lock_s` seconds.
    login_slow_after: int = 3
    login_lock_after: int = 10
    login_window_s: float = 900.0
    login_lock_s: float = 900.0
    login_delay_s: float = 0.5
    # One address (a reverse proxy, an office NAT) is shared by many workers: it is slowed
    # and locked only after this many times the per-username counts.
    login_address_factor: int = 10
    # The reverse proxies whose X-Forwarded-For is believed; none unless the operator says.
    trusted_proxies: tuple[Network, ...] = ()
    pool_size: int = 10

    @classmethod
    def from_env(cls, db_url: str | None = None) -> Settings:
        env = os.environ
        return cls(
            db_url=db_url or default_db_url(),
            retention_days=int(env.get("KEUKENTAFEL_RETENTION_DAYS", "30")),
            login_slow_after=int(env.get("KEUKENTAFEL_LOGIN_SLOW_AFTER", "3")),
            login_lock_after=int(env.get("KEUKENTAFEL_LOGIN_LOCK_AFTER", "10")),
            login_window_s=float(env.get("KEUKENTAFEL_LOGIN_WINDOW_S", "900")),
            login_lock_s=float(env.get("KEUKENTAFEL_LOGIN_LOCK_S", "900")),
            login_delay_s=float(env.get("KEUKENTAFEL_LOGIN_DELAY_S", "0.5")),
            login_address_factor=int(env.get("KEUKENTAFEL_LOGIN_ADDRESS_FACTOR", "10")),
            trusted_proxies=parse_networks(env.get("KEUKENTAFEL_TRUSTED_PROXIES", "")),
            pool_size=int(env.get("KEUKENTAFEL_DB_POOL_SIZE", "10")),
        )
