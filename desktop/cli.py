"""`keukentafel`: the desktop app and its command line.

Without a subcommand it opens the window. Subcommands work without a display and read
every secret from standard input (`--passphrase-stdin`) or a prompt, never from the
command line. Exit codes: 0 success, 2 wrong passphrase, 1 any other error, with one
line on standard error.

This module only parses arguments; the work lives in cli_store (the local store),
cli_sync (the service) and app (the window). It imports no Qt, so the CLI runs headless.
"""

from __future__ import annotations

import argparse
import getpass
import logging
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_WRONG_PASSPHRASE = 2

log = logging.getLogger("keukentafel")


def default_data_dir() -> Path:
    env = os.environ.get("KEUKENTAFEL_DATA_DIR")
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_data_dir("keukentafel", appauthor=False))


class SecretReader:
    """Reads secrets line by line from standard input, or asks for them at a prompt."""

    def __init__(self, from_stdin: bool) -> None:
        self.from_stdin = from_stdin

    def read(self, prompt: str) -> str:
        if self.from_stdin:
            line = sys.stdin.readline()
            if not line:
                raise SystemExit(_fail("expected another line on standard input"))
            return line.rstrip("\r\n")
        return getpass.getpass(prompt)


def _fail(message: str, code: int = EXIT_ERROR) -> int:
    print(f"keukentafel: {message}", file=sys.stderr)
    return code


def _version_line() -> str:
    from desktop.build_info import version

    return f"keukentafel {version()}"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="keukentafel", description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=None, help="the store's folder")
    parser.add_argument("--verbose", action="store_true", help="log at debug level")
    parser.add_argument("--version", action="version", version=_version_line())
    parser.add_argument(
        "--unlock-stdin", action="store_true",
        help="open the window and unlock it with the passphrase on standard input (scripted "
             "starts and the start benchmark; never on the command line)",
    )
    parser.add_argument(
        "--self-test", action="store_true",
        help="check SQLCipher, the translations, the keyring and the window in a throwaway "
             "folder, print a report and exit (0: all well)",
    )
    sub = parser.add_subparsers(dest="command")

    def command(name: str, help_: str, *, secret: bool = True) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_)
        if secret:
            p.add_argument(
                "--passphrase-stdin", action="store_true",
                help="read the passphrase(s) from standard input, one a line",
            )
        return p

    command("init", "create the encrypted store")
    p = command("seed-demo", "add fictional demo cases")
    p.add_argument("--cases", type=int, default=10)
    p.add_argument("--seed", type=int, default=2026)
    command("status", "print the store's state as JSON")
    p = command("export", "write records as JSON to standard output, or a case's network "
                          "map as PNG, SVG or PDF, or the plan for the family, the "
                          "children's version, the inzage or the anonymous consult as PDF "
                          "or JSON, to a file")
    p.add_argument("--what", choices=["records", "map", "plan", "children", "access", "consult"],
                   default="records",
                   help="access: the inzage (AVG art. 15); consult: the anonymous consult")
    p.add_argument("--format", choices=["json", "png", "svg", "pdf"], default=None,
                   help="json for records (the default); png, svg or pdf for the map; pdf "
                        "or json for the plan and the children's version")
    p.add_argument("--case", dest="case_id", default=None)
    p.add_argument("--person", dest="person_id", default=None,
                   help="with --what access: the inzage for one person of the case")
    p.add_argument("--view", choices=["genogram", "ecogram"], default="genogram")
    p.add_argument("--initials", action="store_true",
                   help="show initials and roles instead of names on the map")
    p.add_argument("--out", type=Path, default=None,
                   help="the file of the map, the plan or the children's version")
    p = command("monitor", "print the team lead's monitor figures (no names, no case ids)")
    p.add_argument("--format", choices=["json"], default="json")
    p = command("passphrase", "change the passphrase (old, then new)")
    p.add_argument("action", choices=["change"])
    command("rekey", "re-key the database with a new random key")
    p = command("enrol", "enrol this laptop with the team's service")
    p.add_argument("--server", required=True)
    p.add_argument("--user", required=True)
    p.add_argument("--device-name", default=None)
    command("sync", "run one sync with the service")
    p = command("conflicts", "list or resolve conflicts")
    p.add_argument("action", choices=["list", "resolve"])
    p.add_argument("conflict_id", nargs="?")
    p.add_argument("--value", default=None, help="the chosen value, as JSON")
    command("demo", "start a throwaway service with demo data and open the window", secret=False)
    return parser


def _handlers() -> dict[str, Callable[[argparse.Namespace, SecretReader], int]]:
    # Imported late: the store commands should not pay for the sync client, and the
    # headless commands must never load Qt.
    from desktop import cli_store

    handlers: dict[str, Callable[[argparse.Namespace, SecretReader], int]] = {
        "init": cli_store.init,
        "seed-demo": cli_store.seed_demo,
        "status": cli_store.status,
        "export": cli_store.export,
        "passphrase": cli_store.change_passphrase,
        "rekey": cli_store.rekey,
        "monitor": cli_store.monitor,
    }
    try:
        from desktop import cli_sync
    except ImportError:  # the sync engine is built in its own issue
        return handlers
    handlers.update(enrol=cli_sync.enrol, sync=cli_sync.sync, conflicts=cli_sync.conflicts)
    return handlers


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    if args.self_test:
        from desktop import selftest  # before the data folder: it touches none of the worker's

        return selftest.main()
    if args.data_dir is None:
        args.data_dir = default_data_dir()
    if args.command in (None, "demo"):
        from desktop import app  # Qt is loaded only here

        return app.main(args)
    handler = _handlers().get(args.command)
    if handler is None:
        return _fail(f"command {args.command!r} is not available in this build")
    from storage.errors import StoreError, WrongPassphrase
    from sync.schema import SchemaError

    secrets = SecretReader(getattr(args, "passphrase_stdin", False))
    try:
        return handler(args, secrets)
    except WrongPassphrase:
        return _fail("wrong passphrase", EXIT_WRONG_PASSPHRASE)
    except (StoreError, SchemaError) as exc:  # their messages name fields, never values
        return _fail(str(exc))
    except KeyboardInterrupt:
        return _fail("interrupted")
    except Exception as exc:
        # A fault of ours: one line, the type only (a message or traceback may hold case
        # data); --verbose shows the traceback to whoever asks for it.
        if args.verbose:
            raise
        return _fail(f"unexpected {type(exc).__name__}; run again with --verbose for details")


if __name__ == "__main__":
    sys.exit(main())
