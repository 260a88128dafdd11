"""A small world of teams, users and enrolled devices for the service tests, talking to the
real app through HTTP (Starlette's TestClient). Every name and text is fictional."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from typing import Any

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import update

from sync.service.accounts import add_team, add_user
from sync.service.db import transaction
from sync.service.models import CaseAccess


def new_id() -> str:
    return str(uuid.uuid4())


def change(
    record_id: str, kind: str, case_id: str, set: dict[str, Any] | None = None, *,
    base: dict[str, Any] | None = None, base_rev: int = 0, delete: bool = False,
    change_id: str | None = None,
) -> dict[str, Any]:
    return {
        "change_id": change_id or new_id(), "record_id": record_id, "kind": kind,
        "case_id": case_id, "base_rev": base_rev, "base": base or {}, "set": set or {},
        "delete": delete,
    }


@dataclass
class Device:
    """One enrolled laptop: its token, user and the state of its pulls."""

    client: TestClient
    token: str
    device_id: str
    user: dict[str, Any]
    cursor: str = ""
    records: dict[str, dict[str, Any]] = field(default_factory=dict)
    conflicts: dict[str, dict[str, Any]] = field(default_factory=dict)
    revoked: set[str] = field(default_factory=set)

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}

    @property
    def user_id(self) -> str:
        return self.user["id"]

    def push_raw(self, changes: list[dict[str, Any]]):
        return self.client.post("/api/v1/sync/push", json={"changes": changes},
                                headers=self.headers)

    def push(self, *changes: dict[str, Any]) -> list[dict[str, Any]]:
        response = self.push_raw(list(changes))
        assert response.status_code == 200, response.text
        return response.json()["results"]

    def push_one(self, ch: dict[str, Any]) -> dict[str, Any]:
        return self.push(ch)[0]

    def pull_page(self, limit: int = 1000):
        return self.client.get("/api/v1/sync/pull", params={"cursor": self.cursor,
                               "limit": limit}, headers=self.headers)

    def sync(self, limit: int = 1000) -> dict[str, Any]:
        """Pull until `more` is false, applying pages as a laptop would; returns the last page."""
        while True:
            response = self.pull_page(limit)
            assert response.status_code == 200, response.text
            page = response.json()
            for case_id in page["revoked_case_ids"]:
                self.revoked.add(case_id)
                self.records = {k: r for k, r in self.records.items() if r["case_id"] != case_id}
                self.conflicts = {
                    k: c for k, c in self.conflicts.items() if c["case_id"] != case_id
                }
            for record in page["records"]:
                self.records[record["id"]] = record
                self.revoked.discard(record["case_id"])
            for conflict in page["conflicts"]:
                self.conflicts[conflict["id"]] = conflict
            self.cursor = page["cursor"]
            if not page["more"]:
                return page

    def resolve(self, conflict_id: str, value: Any, change_id: str | None = None):
        return self.client.post(
            f"/api/v1/conflicts/{conflict_id}/resolve",
            json={"change_id": change_id or new_id(), "value": value}, headers=self.headers,
        )

    def new_case(self, team_id: str, **fields: Any) -> dict[str, Any]:
        case_id = new_id()
        values = {"title": "Familie Testdorp", "team_id": team_id,
                  "contact_worker_id": self.user_id, "status": "active", **fields}
        result = self.push_one(change(case_id, "case", case_id, values))
        return self.held(result, change(case_id, "case", case_id, values))

    def new_record(self, case_id: str, kind: str, **fields: Any) -> dict[str, Any]:
        sent = change(new_id(), kind, case_id, fields)
        return self.held(self.push_one(sent), sent)

    def held(self, result: dict[str, Any], sent: dict[str, Any]) -> dict[str, Any]:
        """The new record as this device holds it after the answer to `sent`: a record
        applied as sent comes back as its rev alone, and the device keeps what it sent at
        that rev."""
        assert result["status"] == "applied", result
        if result["record"] is not None:
            return result["record"]
        return {"id": sent["record_id"], "kind": sent["kind"], "case_id": sent["case_id"],
                "rev": result["rev"], "deleted": False, "fields": dict(sent["set"]),
                "updated_by": self.user_id, "updated_at": None}

    def edit(self, record: dict[str, Any], **fields: Any) -> dict[str, Any]:
        """An edit made against `record` as this device saw it. An edit taken as sent is
        answered with its rev alone; `record` is then filled in as the device holds it
        (`sent_as_is` says so), as `held` does for a new record."""
        base = {k: record["fields"].get(k) for k in fields}
        result = self.push_one(change(record["id"], record["kind"], record["case_id"], fields,
                                      base=base, base_rev=record["rev"]))
        result["sent_as_is"] = result["status"] == "applied" and result["record"] is None
        if result["sent_as_is"] and result["rev"]:
            result["record"] = {**record, "rev": result["rev"],
                                "fields": {**record["fields"], **fields},
                                "updated_by": self.user_id, "updated_at": None}
        return result


class World:
    def __init__(self, app: FastAPI, client: TestClient) -> None:
        self.app = app
        self.client = client
        self.teams: dict[str, str] = {}

    @property
    def factory(self):  # type: ignore[no-untyped-def]
        return self.app.state.factory

    def team(self, name: str) -> str:
        if name not in self.teams:
            with transaction(self.factory) as session:
                self.teams[name] = add_team(session, name).id
        return self.teams[name]

    def user(self, username: str, role: str = "worker", teams: tuple[str, ...] = ("Noord",)
             ) -> str:
        for name in teams:
            self.team(name)
        with transaction(self.factory) as session:
            return add_user(session, username, f"wachtwoord-{username}", role, list(teams)).id

    def enrol(self, username: str, device_name: str = "laptop") -> Device:
        response = self.client.post("/api/v1/session/enrol", json={
            "username": username, "password": f"wachtwoord-{username}",
            "device_name": device_name,
        })
        assert response.status_code == 201, response.text
        body = response.json()
        return Device(self.client, body["token"], body["device_id"], body["user"])

    def device(self, username: str, role: str = "worker", teams: tuple[str, ...] = ("Noord",)
               ) -> Device:
        self.user(username, role, teams)
        return self.enrol(username)

    def age_close(self, case_id: str, days: int) -> None:
        """Let `days` pass since the service learned the case was closed (its own date,
        which retention counts from), as a service that ran that long would have it."""
        day = (dt.datetime.now(dt.UTC).date() - dt.timedelta(days=days)).isoformat()
        with transaction(self.factory) as session:
            session.execute(
                update(CaseAccess).where(CaseAccess.case_id == case_id)
                .values(closed_seen_on=day)
            )
