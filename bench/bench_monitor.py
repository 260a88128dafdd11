"""The team monitor's figures (issue 13; printed, never asserted), in a real encrypted store
with fictional data (fixed seed): 2,000 cases of one team with three years of history (cases
opened and closed over those years, plans and their decisions, child's-voice lines, tasks,
monthly scaling scores), signed in as the team lead.

- the monitor: every figure the window shows (`CaseStore.monitor`), target under 300 ms;
- the floor in the same run: a bare `SELECT count(*)` over each table the monitor reads, on
  the same connection, so the figure says how much more than touching the rows it costs.

Run with `make bench BENCH_ARGS=monitor` or `python -m bench monitor`.
"""

from __future__ import annotations

import datetime as dt
import random
import tempfile
import uuid
from pathlib import Path
from typing import Any

from bench.options import size
from bench.stats import clocked, with_cpu

CASES = size(2_000, 100)
RUNS = size(9, 3)
YEARS = 3
SEED = 13
PASSPHRASE = "bench passphrase, not a secret"
TEAM = "0b1e2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"
LEAD = "2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a"
TABLES = ("rec_case", "rec_safety_plan", "rec_plan_item", "rec_plan_version", "rec_task",
          "rec_scaling_score", "history")
PLAN_STATUSES = ("draft", "agreed", "submitted", "approved", "returned")


def _id(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _case(rng: random.Random, index: int, today: dt.date) -> list[tuple[str, dict[str, Any],
                                                                       str, str]]:
    """One household's records: (kind, fields, case id, record id)."""
    case_id = _id(rng)
    opened = today - dt.timedelta(days=rng.randrange(YEARS * 365))
    closed = None
    if rng.random() < 0.45:
        closed = min(today, opened + dt.timedelta(days=rng.randint(60, 500)))
    # Forced measures grow rarer over the years: the trend the monitor is there to show.
    age = (today - opened).days / (YEARS * 365)
    framework = rng.choices(("voluntary", "ots", "guardianship", "other"),
                            (0.6, 0.1 + 0.25 * age, 0.05 + 0.05 * age, 0.05))[0]
    out = [("case", {"title": f"Familie Bench {index}", "team_id": TEAM,
                     "status": "closed" if closed else rng.choice(("intake", "active")),
                     "legal_framework": framework, "opened_on": opened.isoformat(),
                     "closed_on": closed.isoformat() if closed else None}, case_id, case_id)]
    for _ in range(rng.randint(1, 2)):
        plan_id = _id(rng)
        status = rng.choice(PLAN_STATUSES)
        review = opened + dt.timedelta(days=rng.randint(30, 400))
        out.append(("safety_plan", {"title": "Plan", "status": status,
                                    "review_on": review.isoformat()}, case_id, plan_id))
        for k in range(rng.randint(3, 6)):
            voice = k == 0 and rng.random() < 0.6
            out.append(("plan_item", {
                "plan_id": plan_id, "section": "child_voice" if voice else "agreement",
                "text": "Tekst", "part": "worries" if voice else None,
                "position": f"a{k:03d}"}, case_id, _id(rng)))
        if status in ("approved", "returned"):
            out.append(("plan_version", {
                "plan_id": plan_id, "version": 1, "decision": status, "content": "{}",
                "based_on_rev": 0,
                "decided_at": (dt.datetime.now(dt.UTC) + dt.timedelta(
                    days=rng.randint(1, 30))).isoformat(timespec="seconds")},
                case_id, _id(rng)))
    for _ in range(rng.randint(1, 4)):
        due = opened + dt.timedelta(days=rng.randint(7, 300))
        out.append(("task", {"title": "Bellen", "due_on": due.isoformat(),
                             "done": rng.random() < 0.6}, case_id, _id(rng)))
    end = closed or today
    day, score = opened, rng.randint(2, 5)
    while day <= end:
        score = max(0, min(10, score + rng.choice((-1, 0, 1, 1))))
        out.append(("scaling_score", {"value": score, "date": day.isoformat()},
                    case_id, _id(rng)))
        day += dt.timedelta(days=rng.randint(45, 90))
    return out


def build(folder: Path) -> Any:
    from storage.store import CaseStore

    store = CaseStore.create(folder, PASSPHRASE)
    store.set_setting("user", {"id": LEAD, "role": "teamlead", "team_ids": [TEAM],
                               "display_name": "Bench Teamleider"})
    rng = random.Random(SEED)
    today = dt.date.today()
    batch: list[tuple[str, dict[str, Any], str, str]] = []
    for index in range(CASES):
        batch += _case(rng, index, today)
        if len(batch) >= 2_000:
            store.create_records(batch)
            batch = []
    if batch:
        store.create_records(batch)
    return store


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="kt-bench-monitor-") as tmp:
        store = build(Path(tmp) / "lead")
        try:
            counts = store.counts()
            print(f"   {CASES} cases, {sum(counts.values())} records over {YEARS} years")
            store.monitor()  # warm: the first read also pays for the page cache

            def floor() -> None:
                with store._read() as conn:  # the same connection the monitor reads on
                    for table in TABLES:
                        conn.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar_one()

            monitor = [clocked(store.monitor) for _ in range(RUNS)]
            bare = [clocked(floor) for _ in range(RUNS)]
            print(f"   monitor, every figure: {with_cpu(monitor)} (target < 300 ms)")
            print(f"   count(*) floor over its {len(TABLES)} tables: {with_cpu(bare)}")
        finally:
            store.close()
