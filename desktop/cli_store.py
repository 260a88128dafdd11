"""The store commands of `keukentafel`: init, seed-demo, status, export, passphrase, rekey.

Each handler takes the parsed arguments and a SecretReader (standard input or a prompt)
and returns the exit code; store errors are turned into exit codes by desktop.cli. No Qt.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import json
import sys
from collections.abc import Callable
from typing import Any, Protocol

from storage.errors import StoreError
from storage.store import CaseStore

DEMO_TEAM_ID = "d3e0a000-0000-4000-8000-000000000001"  # ids are UUIDs (sync/schema.py)
DEMO_WORKER_ID = "d3e0a000-0000-4000-8000-000000000002"


Handler = Callable[[argparse.Namespace, "Secrets"], int]


def _one_line_errors(handler: Handler) -> Handler:
    """A folder that cannot be written is an error of its own, not a traceback."""

    @functools.wraps(handler)
    def run(args: argparse.Namespace, secrets: Secrets) -> int:
        try:
            return handler(args, secrets)
        except OSError as exc:
            reason = exc.strerror or "I/O error"
            raise StoreError(f"cannot use the data folder ({reason})") from None

    return run


class Secrets(Protocol):
    from_stdin: bool

    def read(self, prompt: str) -> str: ...


def _new_passphrase(secrets: Secrets, prompt: str = "New passphrase: ") -> str:
    passphrase = secrets.read(prompt)
    if not getattr(secrets, "from_stdin", True):
        if secrets.read("Repeat the passphrase: ") != passphrase:
            raise StoreError("the two passphrases differ")
    if not passphrase:
        raise StoreError("the passphrase may not be empty")
    return passphrase


def _open(args: argparse.Namespace, secrets: Secrets) -> CaseStore:
    return CaseStore.open(args.data_dir, secrets.read("Passphrase: "))


def _print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2, sort_keys=False)
    sys.stdout.write("\n")


@_one_line_errors
def init(args: argparse.Namespace, secrets: Secrets) -> int:
    if CaseStore.exists(args.data_dir):
        raise StoreError("there is already a store in this data folder")
    with CaseStore.create(args.data_dir, _new_passphrase(secrets)) as store:
        where = store.key_location
    print(f"created the store; its wrapped key is kept in the {where}", file=sys.stderr)
    if where == "file":
        print("no working OS keyring: the wrapped key is in a 0600 file in the data folder",
              file=sys.stderr)
    return 0


@_one_line_errors
def seed_demo(args: argparse.Namespace, secrets: Secrets) -> int:
    from storage.demo import seed_store

    if args.cases < 1:
        raise StoreError("--cases must be at least 1")
    with _open(args, secrets) as store:
        user = store.get_setting("user")
        team_ids = user.get("team_ids") if isinstance(user, dict) else None
        written = seed_store(
            store, args.cases, seed=args.seed, today=dt.date.today(),  # as the service's demo
            team_id=team_ids[0] if team_ids else DEMO_TEAM_ID,
            contact_worker_id=user.get("id") if isinstance(user, dict) else DEMO_WORKER_ID,
        )
    print(f"added {args.cases} fictional cases ({written} records)", file=sys.stderr)
    return 0


@_one_line_errors
def status(args: argparse.Namespace, secrets: Secrets) -> int:
    with _open(args, secrets) as store:
        state = store.status()
        if store.get_setting("device_id"):
            # Once enrolled: which service this laptop syncs with, as which device, how far.
            user = store.get_setting("user") or {}
            state.update(
                device_id=store.get_setting("device_id"),
                server_url=store.get_setting("server_url"),
                cursor=store.get_setting("cursor") or "",
                user=user.get("username"),
            )
        _print_json(state)
    return 0


@_one_line_errors
def export(args: argparse.Namespace, secrets: Secrets) -> int:
    if getattr(args, "person_id", None) is not None and args.what not in ("access", "consult"):
        raise StoreError("--person belongs to --what access")
    if args.what == "map":
        return _export_map(args, secrets)
    if args.what in ("plan", "children"):
        return _export_family_plan(args, secrets)
    if args.what in ("access", "consult"):
        return _export_disclosure(args, secrets)
    if args.format not in (None, "json"):
        raise StoreError("records are exported as json; --format png, svg or pdf needs "
                         "--what map")
    if args.out is not None or args.initials:
        raise StoreError("--out and --initials belong to --what map")
    with _open(args, secrets) as store:
        if args.case_id is not None:
            case = store.get_record(args.case_id)
            if case is None or case.kind != "case":
                raise StoreError("no such case")
        found = store.list_records(case_id=args.case_id, include_deleted=True)
        store.log_access_cases("export", (r.case_id for r in found), detail="json export")
    _print_json([
        r.model_dump(include={"id", "kind", "case_id", "rev", "deleted", "fields"})
        for r in sorted(found, key=lambda r: (r.case_id, r.kind != "case", r.kind, r.id))
    ])
    return 0


def _export_map(args: argparse.Namespace, secrets: Secrets) -> int:
    if args.format not in ("png", "svg", "pdf"):
        raise StoreError("--what map needs --format png, svg or pdf")
    if args.case_id is None or args.out is None:
        raise StoreError("--what map needs --case and --out")
    from desktop.networkmap import export as map_export  # loads Qt, offscreen

    map_export.offscreen_application(args.data_dir)
    with _open(args, secrets) as store:
        case = store.get_record(args.case_id)
        if case is None or case.kind != "case" or case.deleted:
            raise StoreError("no such case")
        map_export.export_case(store, args.case_id, args.view, args.format, args.out,
                               names_hidden=args.initials)
    print(f"wrote the {args.view} as {args.format}", file=sys.stderr)
    return 0


def _check_document_args(args: argparse.Namespace) -> None:
    """A document about a case (plan, children, inzage, consult) is PDF or JSON, of one
    case, into the file the worker names: refused before the store is opened."""
    if args.format not in ("pdf", "json"):
        raise StoreError(f"--what {args.what} needs --format pdf or json")
    if args.case_id is None or args.out is None:
        raise StoreError(f"--what {args.what} needs --case and --out")


def _export_family_plan(args: argparse.Namespace, secrets: Secrets) -> int:
    """The plan for the family, or the children's version alone, to --out only."""
    _check_document_args(args)
    if args.initials:
        raise StoreError("--initials belongs to --what map")
    from desktop.familyplan import export as family_export
    from desktop.networkmap.export import offscreen_application  # loads Qt, offscreen

    offscreen_application(args.data_dir)
    with _open(args, secrets) as store:
        case = store.get_record(args.case_id)
        if case is None or case.kind != "case" or case.deleted:
            raise StoreError("no such case")
        family_export.export_case(store, args.case_id, args.what, args.format, args.out)
    print(f"wrote the {args.what} as {args.format}", file=sys.stderr)
    return 0


def _export_disclosure(args: argparse.Namespace, secrets: Secrets) -> int:
    """The inzage (`access`) or the anonymous consult, as PDF or JSON, to --out."""
    _check_document_args(args)
    if args.what == "consult" and args.person_id is not None:
        raise StoreError("an anonymous consult is of the whole case; leave out --person")
    from desktop.disclosure import saving  # loads Qt, offscreen
    from desktop.networkmap.export import offscreen_application

    offscreen_application(args.data_dir)
    what = "inzage" if args.what == "access" else "consult"
    with _open(args, secrets) as store:
        saving.export_case(store, what, args.case_id, args.person_id, args.format, args.out)
    print(f"wrote the {args.what} export as {args.format}", file=sys.stderr)
    return 0


@_one_line_errors
def change_passphrase(args: argparse.Namespace, secrets: Secrets) -> int:
    old = secrets.read("Current passphrase: ")
    CaseStore.change_passphrase(args.data_dir, old, _new_passphrase(secrets))
    print("the passphrase is changed", file=sys.stderr)
    return 0


@_one_line_errors
def rekey(args: argparse.Namespace, secrets: Secrets) -> int:
    with _open(args, secrets) as store:
        store.rekey()
    print("the store is re-encrypted under a new key", file=sys.stderr)
    return 0


def monitor(args: argparse.Namespace, secrets: Secrets) -> int:
    """The monitor's figures as JSON: aggregates only, for the signed-in team lead."""
    with _open(args, secrets) as store:
        figures = store.monitor()
        store.log_access("export", detail="monitor_json")
    _print_json(figures.contract())
    return 0
