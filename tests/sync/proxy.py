"""A tiny loopback TCP proxy that forwards HTTP between a laptop and the service, and can
break things on purpose.

- `cut_push_responses(n)`: the next n push requests reach the service in full; as soon as the
  service starts answering (so it has committed), both connections are closed and the answer
  never reaches the laptop.
- `on_response(path_prefix, callback, nth)`: when the n-th answer to a request on that path
  starts flowing back, pass half of its first bytes on, run `callback` (the fault tests kill
  the service there, in the middle of a pull) and close the connection.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class _Trigger:
    marker: bytes
    callback: Callable[[], None]
    nth: int
    seen: int = 0


@dataclass
class _Connection:
    client: socket.socket
    upstream: socket.socket
    cut_next_response: bool = False
    trigger: _Trigger | None = None
    closed: threading.Event = field(default_factory=threading.Event)

    def close(self) -> None:
        self.closed.set()
        for s in (self.client, self.upstream):
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            s.close()


class FaultProxy:
    """Forwards 127.0.0.1:<port> to the service at `upstream_port`."""

    def __init__(self, upstream_port: int) -> None:
        self.upstream_port = upstream_port
        self._listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(64)
        self.port: int = self._listener.getsockname()[1]
        self._lock = threading.Lock()
        self._cuts_left = 0
        self.cut_count = 0
        self._triggers: list[_Trigger] = []
        self._stopped = threading.Event()
        self._connections: list[_Connection] = []
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def cut_push_responses(self, count: int = 1) -> None:
        with self._lock:
            self._cuts_left = count

    def on_response(self, path_prefix: str, callback: Callable[[], None], nth: int = 1) -> None:
        marker = f" {path_prefix}".encode()
        with self._lock:
            self._triggers.append(_Trigger(marker, callback, nth))

    def stop(self) -> None:
        self._stopped.set()
        self._listener.close()
        for conn in list(self._connections):
            conn.close()

    # -- plumbing -----------------------------------------------------------------------

    def _accept(self) -> None:
        while not self._stopped.is_set():
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            try:
                upstream = socket.create_connection(("127.0.0.1", self.upstream_port), timeout=5)
                upstream.settimeout(None)
            except OSError:
                client.close()  # the service is down: the laptop sees a refused/reset connection
                continue
            conn = _Connection(client, upstream)
            self._connections.append(conn)
            threading.Thread(target=self._requests, args=(conn,), daemon=True).start()
            threading.Thread(target=self._responses, args=(conn,), daemon=True).start()

    def _requests(self, conn: _Connection) -> None:
        while not conn.closed.is_set():
            try:
                data = conn.client.recv(65536)
            except OSError:
                break
            if not data:
                break
            with self._lock:
                if self._cuts_left and b"POST /api/v1/sync/push " in data:
                    self._cuts_left -= 1
                    conn.cut_next_response = True
                for trigger in self._triggers:
                    if trigger.marker in data:
                        trigger.seen += 1
                        if trigger.seen == trigger.nth:
                            conn.trigger = trigger
            try:
                conn.upstream.sendall(data)
            except OSError:
                break
        conn.close()

    def _responses(self, conn: _Connection) -> None:
        while not conn.closed.is_set():
            try:
                data = conn.upstream.recv(65536)
            except OSError:
                break
            if not data:
                break
            if conn.cut_next_response:
                with self._lock:
                    self.cut_count += 1
                break  # the service answered (it committed); the laptop never hears it
            trigger, conn.trigger = conn.trigger, None
            if trigger is not None:
                # Half of the answer reaches the laptop, then the fault happens.
                try:
                    conn.client.sendall(data[: len(data) // 2])
                finally:
                    trigger.callback()
                break
            try:
                conn.client.sendall(data)
            except OSError:
                break
        conn.close()
