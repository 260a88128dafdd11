"""`keukentafel-server`: run, migrate and administer the central service.

Secrets come from standard input (`--password-stdin`) or a prompt, never from the command
line, and so does the database URL (it may hold a password, and `ps` shows every command
line): it comes from `KEUKENTAFEL_DB_URL` or `--db-url-file PATH`. Every command first runs
pending migrations. Exit codes: 0 success, 1 an error (one line on standard error).
"""

from __future__ import annotations

import argparse
import getpass
import os
import socket
import sys
import unicodedata
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from sync.service import access_log
from sync.service.access_log import AccessEvent
from sync.service.accounts import ROLES, AccountError, add_team, add_user, revoke_device
from sync.service.db import make_engine, make_sessionmaker, migrate, transaction
from sync.service.models import Device, User
from sync.service.settings import Settings

EXIT_OK = 0
EXIT_ERROR = 1


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="keukentafel-server", description=__doc__.splitlines()[0])
    parser.add_argument("--db-url-file", metavar="PATH", default=None,
                        help="a file holding the database URL (default: $KEUKENTAFEL_DB_URL, "
                             "else a local SQLite file)")
    sub = parser.add_subparsers(dest="command", required=True)

    serve = sub.add_parser("serve", help="run the service (after pending migrations)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8765)
    serve.add_argument("--workers", type=int, default=1)

    sub.add_parser("migrate", help="run pending database migrations")

    team = sub.add_parser("team", help="manage teams").add_subparsers(dest="action", required=True)
    team_add = team.add_parser("add", help="add a team; prints its id")
    team_add.add_argument("name")
    team_add.add_argument("--safety-team", action="store_true",
                          help="a team of the regional safety team: its users are in the "
                               "directory of every team, to share cases with")

    user = sub.add_parser("user", help="manage users").add_subparsers(dest="action", required=True)
    user_add = user.add_parser("add", help="add a user; prints its id")
    user_add.add_argument("username")
    user_add.add_argument("--team", action="append", default=[], metavar="NAME",
                          help="team name (repeat for several)")
    user_add.add_argument("--role", choices=ROLES, required=True)
    user_add.add_argument("--display-name", default=None)
    user_add.add_argument("--password-stdin", action="store_true",
                          help="read the password from the first line of standard input")

    device = sub.add_parser("device", help="list or revoke devices")
    device_sub = device.add_subparsers(dest="action", required=True)
    device_sub.add_parser("list", help="list every device")
    device_revoke = device_sub.add_parser("revoke", help="revoke a device")
    device_revoke.add_argument("device_id")

    sub.add_parser("seed-demo", help="fictional teams, users (demo passwords) and cases")
    return parser


# Control, format (bidi overrides), separator and surrogate characters: a name holding them
# could move the cursor, recolour, rewrite or reorder what an administrator's terminal shows.
_UNPRINTABLE = {"Cc", "Cf", "Zl", "Zp", "Cs"}


def printable(text: str) -> str:
    """`text` with every unprintable character (and the backslash) as a Python escape."""
    out = []
    for ch in text:
        if ch == "\\":
            out.append("\\\\")
        elif unicodedata.category(ch) in _UNPRINTABLE:
            out.append(ch.encode("unicode_escape").decode("ascii"))
        else:
            out.append(ch)
    return "".join(out)


def _fail(message: str) -> int:
    print(f"keukentafel-server: {message}", file=sys.stderr)
    return EXIT_ERROR


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        line = sys.stdin.readline()
        if not line:
            raise AccountError("expected the password on standard input")
        return line.rstrip("\r\n")
    first = getpass.getpass("Password: ")
    if getpass.getpass("Again: ") != first:
        raise AccountError("the passwords differ")
    return first


def _db_url(args: argparse.Namespace) -> str | None:
    if args.db_url_file is None:
        return None
    try:
        url = Path(args.db_url_file).read_text(encoding="utf-8").strip()
    except OSError as exc:
        raise AccountError(f"cannot read the database URL file ({exc.strerror})") from None
    if not url:
        raise AccountError("the database URL file is empty")
    return url


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if any(a == "--db" or a.startswith("--db=") for a in argv):
        # Gone: a URL on the command line is visible to every user of the machine. Said
        # before argparse, whose error would echo the URL that followed.
        return _fail("--db is no longer accepted (every user can see a command line): "
                     "set KEUKENTAFEL_DB_URL or use --db-url-file PATH")
    args = build_parser().parse_args(argv)
    try:
        settings = Settings.from_env(_db_url(args))
    except AccountError as exc:
        return _fail(str(exc))
    engine = make_engine(settings.db_url, pool_size=2)
    try:
        migrate(engine)
        if args.command == "migrate":
            print("migrations done")
            return EXIT_OK
        if args.command == "serve":
            engine.dispose()
            return _serve(settings, args.host, args.port, args.workers)
        factory = make_sessionmaker(engine)
        if args.command == "team":
            with transaction(factory) as session:
                print(add_team(session, args.name, safety_team=args.safety_team).id)
        elif args.command == "user":
            password = _read_password(args.password_stdin)
            with transaction(factory) as session:
                user = add_user(session, args.username, password, args.role, args.team,
                                display_name=args.display_name)
                print(user.id)
        elif args.command == "device":
            return _device(factory, args)
        elif args.command == "seed-demo":
            return _seed_demo(factory, settings)
        return EXIT_OK
    except AccountError as exc:
        return _fail(str(exc))
    finally:
        engine.dispose()


def _device(factory: sessionmaker[Session], args: argparse.Namespace) -> int:
    with transaction(factory) as session:
        if args.action == "list":
            rows = session.execute(
                select(Device, User.username).join(User, User.id == Device.user_id)
                .order_by(Device.created_at)
            ).all()
            for device, username in rows:
                state = f"revoked {device.revoked_at:%Y-%m-%d}" if device.revoked_at else "active"
                print(f"{device.id}\t{printable(username)}\t{printable(device.name)}\t"
                      f"{device.created_at:%Y-%m-%d %H:%M}\t{state}")
            return EXIT_OK
        device = session.get(Device, args.device_id)
        if device is None:
            return _fail("no such device")
        if revoke_device(session, device):
            access_log.append(session, [AccessEvent(
                action="device.revoke", device_id=None, address="command line",
                detail=f"revoked device {device.id}",
            )])
            print(f"revoked {device.id}")
        else:
            print(f"{device.id} was already revoked")
    return EXIT_OK


def _seed_demo(factory: sessionmaker[Session], settings: Settings) -> int:
    from sync.service.demo import DEMO_USERS, seed

    made = seed(factory, settings.retention_days)
    print("demo data added" if made else "demo data was already there")
    print("Demo accounts (fictional, public demo passwords):")
    for u in DEMO_USERS:
        team = u.team or "-"
        print(f"  {u.username:<12} {u.password:<20} {u.role:<9} {team}")
    return EXIT_OK


def _bind(family: int, address: tuple[str, int], *, own_queue: bool) -> socket.socket:
    kind = _OwnQueueSocket if own_queue else socket.socket
    # uvicorn binds the shared socket of `--workers N` without IPPROTO_TCP, so asyncio
    # leaves Nagle's algorithm on and every keep-alive answer waits ~40 ms for a delayed
    # ACK (uvicorn issue #3149). Bind it here with the protocol named.
    sock = kind(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    if own_queue:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind(address)
    sock.set_inheritable(True)
    return sock


def _bind_in_worker(family: int, address: tuple[str, int]) -> socket.socket:
    return _bind(family, address, own_queue=True)


class _OwnQueueSocket(socket.socket):
    """The listening address of `--workers N`, which each worker binds for itself.

    One socket shared by the workers has one accept queue, and asyncio's accept loop takes
    every connection waiting in it at once: a burst of connections (wrk's 200, a reverse
    proxy opening its upstream pool after a morning without network) all went to the
    worker that woke first, and stayed there on keep-alive while the other idled (issue 15,
    bench/bench_scale.py). With SO_REUSEPORT each worker listens on a socket of its own and
    the kernel spreads the connections over them by their addresses; a worker that has not
    started yet, or died, has no socket listening and gets none.

    uvicorn hands the parent's sockets to its spawned workers by pickling them; this one
    pickles as "bind a new one to the same address", so every worker, a restarted one too,
    makes its own. The parent's stays bound but never listens: it holds the address (a
    port in use fails here, at once) and receives nothing.
    """

    def __reduce_ex__(self, protocol: object) -> tuple[object, tuple[int, tuple[str, int]]]:
        return _bind_in_worker, (int(self.family), self.getsockname()[:2])


def listening_socket(host: str, port: int, workers: int) -> socket.socket:
    """The socket to hand uvicorn's Multiprocess for `workers` processes on host:port."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    return _bind(family, (host, port), own_queue=workers > 1 and hasattr(socket, "SO_REUSEPORT"))


def _serve(settings: Settings, host: str, port: int, workers: int) -> int:
    import uvicorn

    # The workers build their own app from the environment (app_from_env).
    os.environ["KEUKENTAFEL_DB_URL"] = settings.db_url
    # No uvicorn access line (it holds the address, path and query): request_log.py writes
    # one without them. No uvicorn proxy headers: client_address.py reads X-Forwarded-For
    # only from KEUKENTAFEL_TRUSTED_PROXIES, and uvicorn rewriting the peer first would
    # hide which proxy it came through.
    options = dict(factory=True, host=host, port=port, log_level="info", proxy_headers=False,
                   access_log=False)
    if workers <= 1:
        uvicorn.run("sync.service.app:app_from_env", **options)
        return EXIT_OK
    from uvicorn.supervisors import Multiprocess

    config = uvicorn.Config("sync.service.app:app_from_env", workers=workers, **options)
    sock = listening_socket(host, port, workers)
    print(f"keukentafel-server on http://{host}:{sock.getsockname()[1]} with {workers} workers",
          flush=True)
    Multiprocess(config, sockets=[sock]).run()
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
