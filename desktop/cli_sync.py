"""The `keukentafel` commands that talk to the service: enrol, sync, conflicts.

Secrets come from standard input or a prompt (`SecretReader`), never from the command line:
`enrol` reads the local passphrase, then the service password. Results are JSON on standard
output; failures one English line on standard error, exit code 1. No Qt here.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import sys
from typing import Any, Protocol

from storage.store import CaseStore
from sync.client import RetryPolicy
from sync.engine import PULL_GROUP_RECORDS, SyncEngine
from sync.enrolment import enrol_store
from sync.errors import DeviceRevoked, EnrolmentRequired, ServiceUnavailable, SyncError
from sync.protocol import LAPTOP_PULL_LIMIT, MAX_PULL_LIMIT, MAX_PUSH_CHANGES

EXIT_OK = 0
EXIT_ERROR = 1
# A resolution made offline is queued at once; the worker should not wait out a long backoff.
RESOLVE_RETRY = RetryPolicy(attempts=2, base=0.2, cap=1.0)


class _Secrets(Protocol):  # desktop.cli.SecretReader, without importing the parser module
    from_stdin: bool

    def read(self, prompt: str) -> str: ...


def _fail(message: str) -> int:
    print(f"keukentafel: {message}", file=sys.stderr)
    return EXIT_ERROR


def _print(data: Any) -> None:
    json.dump(data, sys.stdout, indent=2, ensure_ascii=False, sort_keys=True)
    sys.stdout.write("\n")


def _sync_failure(exc: SyncError) -> int:
    if isinstance(exc, DeviceRevoked):
        return _fail("the service revoked this laptop: its local store has been wiped")
    if isinstance(exc, EnrolmentRequired):
        return _fail(
            "the service no longer accepts this laptop: enrol again "
            "(keukentafel enrol); nothing on this laptop was removed"
        )
    return _fail(str(exc))


def _count_setting(name: str, default: int, most: int) -> int:
    """A count from the environment, between 1 and `most`; `default` when unset or no number.
    KEUKENTAFEL_PULL_LIMIT (records per pull page: smaller pages suit a weak hotspot),
    KEUKENTAFEL_PULL_GROUP (records of pull pages per store transaction: the kill tests
    commit every page) and KEUKENTAFEL_PUSH_BATCH (changes per push: the kill tests push in
    several batches)."""
    raw = os.environ.get(name, "")
    try:
        return max(1, min(most, int(raw))) if raw else default
    except ValueError:
        return default


def enrol(args: argparse.Namespace, secrets: _Secrets) -> int:
    """Enrol this laptop with the service; creates the store if there is none."""
    creating = not CaseStore.exists(args.data_dir)
    passphrase = secrets.read("Passphrase of the local store: ")
    if creating and not secrets.from_stdin:
        if secrets.read("Repeat the passphrase: ") != passphrase:
            return _fail("the two passphrases differ")
    password = secrets.read(f"Service password for {args.user}: ")
    if not creating:
        store = CaseStore.open(args.data_dir, passphrase)
    else:
        store = CaseStore.create(args.data_dir, passphrase)
    try:
        device_name = args.device_name or socket.gethostname() or "laptop"
        answer = enrol_store(store, args.server, args.user, password, device_name)
    except SyncError as exc:
        store.close()
        if creating:  # a store made for this enrolment holds nothing yet: leave no trace
            CaseStore.wipe(args.data_dir)
        if isinstance(exc, EnrolmentRequired):  # a 401 here is about the password
            return _fail("the service refused this username and password")
        return _sync_failure(exc)
    finally:
        store.close()
    _print({"device_id": answer.device_id, "server_url": args.server.rstrip("/"),
            "user": answer.user.model_dump()})
    return EXIT_OK


def sync(args: argparse.Namespace, secrets: _Secrets) -> int:
    """Run one sync and print pushed, pulled, merged, conflicts, cursor, duration."""
    store = CaseStore.open(args.data_dir, secrets.read("Passphrase: "))
    try:
        engine = SyncEngine.for_store(store)
        engine.pull_limit = _count_setting(
            "KEUKENTAFEL_PULL_LIMIT", LAPTOP_PULL_LIMIT, MAX_PULL_LIMIT)
        engine.pull_group_records = _count_setting(
            "KEUKENTAFEL_PULL_GROUP", PULL_GROUP_RECORDS, PULL_GROUP_RECORDS)
        engine.push_batch = _count_setting(
            "KEUKENTAFEL_PUSH_BATCH", MAX_PUSH_CHANGES, MAX_PUSH_CHANGES)
        try:
            report = engine.run()
        finally:
            engine.client.close()
    except SyncError as exc:
        return _sync_failure(exc)
    finally:
        store.close()
    out = report.as_json()
    if report.rejected_kept:
        out["message"] = (
            f"{report.rejected_kept} change(s) could not be sent. They are kept safely on "
            "this laptop: see Niet verzonden wijzigingen in the app."
        )
    if report.held:
        out["waiting"] = (
            f"{report.held} change(s) wait until the service is updated: it does not know "
            "their kind yet. They are kept and sent at every sync."
        )
    _print(out)
    return EXIT_OK


def conflicts(args: argparse.Namespace, secrets: _Secrets) -> int:
    """`conflicts list`, or `conflicts resolve ID --value JSON` (sent now, or queued offline)."""
    if args.action == "resolve":
        if not args.conflict_id or args.value is None:
            return _fail("conflicts resolve needs a conflict id and --value JSON")
        try:
            value = json.loads(args.value)
        except json.JSONDecodeError:
            return _fail("--value must be JSON (a string needs quotes: '\"text\"')")
    store = CaseStore.open(args.data_dir, secrets.read("Passphrase: "))
    try:
        if args.action == "list":
            _print([c.model_dump() for c in store.list_conflicts(open_only=True)])
            return EXIT_OK
        return _resolve(store, args.conflict_id, value)
    finally:
        store.close()


def _resolve(store: CaseStore, conflict_id: str, value: Any) -> int:
    store.queue_resolution(conflict_id, value)
    status = "queued"
    try:
        engine = SyncEngine.for_store(store, retry=RESOLVE_RETRY)
    except SyncError:
        engine = None  # not enrolled: the resolution waits for the first sync
    if engine is not None:
        try:
            sent = engine.send_resolutions()
            if sent.resolved:
                status = "resolved"
            elif sent.rejected:
                status = "rejected"  # someone else decided first; kept as a rejected change
            elif sent.conflicts:
                status = "open"  # refused: the conflict is open again
        except ServiceUnavailable:
            pass  # offline: the next sync sends it
        except SyncError as exc:
            return _sync_failure(exc)
        finally:
            engine.client.close()
    _print({"conflict_id": conflict_id, "status": status})
    return EXIT_OK
