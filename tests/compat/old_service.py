"""The previous release's service: today's app factory and code, with the previous
release's registry, served by uvicorn. Run as a child process by `OldService` (a service
of its own process, like a real older deployment; the test process keeps today's registry).

    python -m tests.compat.old_service PORT     (the database URL in KEUKENTAFEL_DB_URL)
"""

from __future__ import annotations

import sys

import uvicorn

from sync.service.app import create_app
from sync.service.process import ServiceProcess
from sync.service.settings import Settings
from tests.compat.previous import one_release_behind


class OldService(ServiceProcess):
    """The previous release's service as a child process on a free loopback port."""

    def command(self) -> list[str]:
        return [sys.executable, "-m", "tests.compat.old_service", str(self.port)]


def main(port: int) -> None:
    with one_release_behind():
        app = create_app(Settings.from_env(), run_migrations=True)
        uvicorn.run(app, host="127.0.0.1", port=port, log_config=None)


if __name__ == "__main__":
    main(int(sys.argv[1]))
