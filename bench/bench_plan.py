"""The safety plan's figures (issue 11; printed, never asserted), in a real encrypted store
with fictional data (fixed seed):

1. the plan tab of a case whose plan has 60 items and two years of scores (26 visits, 4
   raters, 3 danger statements each paired with a goal), timed from the click on its tab
   until its records are shown and painted (target under 100 ms);
2. the team lead's review queue with 200 submitted plans of as many cases, half of them with
   an approved earlier version to compare against, timed from asking until the queue is
   filled and painted (target under 200 ms);

beside the case file's open time in the same run (bench_desktop's measurement), and the
store reads of each alone.

Run with `make bench BENCH_ARGS=plan` or `python -m bench plan`.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

from bench.bench_desktop import TEAM, WORKER, time_tab_beside_opening
from bench.options import size
from bench.stats import clocked, with_cpu

RUNS = size(7, 2)
ITEMS = size(60, 20)
VISITS = size(26, 4)  # two years of visits, four weeks apart
RATERS = 4
DANGERS = 3
QUEUE_PLANS = size(200, 20)
QUEUE_ITEMS = 12  # lines of each plan in the queue
SEED = 11
LEAD = "2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a"
# The other sections' share of a plan's lines after the danger statements, in this order.
SECTIONS = (("condition", 4), ("agreement", 10), ("signal", 6), ("emergency_step", 4),
            ("network_commitment", 6), ("child_voice", 8), ("next_step", 3))
PARTS = ("worries", "good_things", "dreams", "safe_people", "rules", "path")


def plan_items(plan_id: str, count: int, people: list[str], rng: random.Random
               ) -> list[dict[str, Any]]:
    """`count` lines of a plan: DANGERS danger statements with their goals first, then the
    other sections in proportion; agreements and goals address the conditions."""
    lines: list[dict[str, Any]] = []

    def add(section: str, **fields: Any) -> dict[str, Any]:
        line = {"plan_id": plan_id, "section": section, "position": f"a{len(lines) + 1:04d}",
                **fields}
        lines.append(line)
        return line

    dangers = [add("danger", text=f"Zorg {d + 1}: er is ruzie als de kinderen erbij zijn.",
                   goal=f"Doel {d + 1}: de kinderen zijn veilig bij spanning.",
                   family_view="Het gaat al beter.") for d in range(min(DANGERS, count))]
    rest = count - len(lines)
    total = sum(share for _, share in SECTIONS)
    wanted = [(section, max(1, rest * share // total)) for section, share in SECTIONS]
    conditions: list[int] = []
    for section, amount in wanted:
        for n in range(amount):
            if len(lines) >= count:
                break
            fields: dict[str, Any] = {"text": f"{section} {n + 1}: afspraak in eigen woorden."}
            if section == "condition":
                fields["set_by"] = "Raad voor de Kinderbescherming"
            elif section == "agreement":
                fields.update(who=rng.choice(people), when="elke dag", how_checked="bij bezoek",
                              done=rng.random() < 0.3)
            elif section in ("signal", "network_commitment"):
                fields["who"] = rng.choice(people)
            elif section == "emergency_step":
                fields.update(who="iedereen", phone=rng.choice(("112", "0800-2000")))
            elif section == "child_voice":
                fields["part"] = PARTS[n % len(PARTS)]
            line = add(section, **fields)
            if section == "condition":
                conditions.append(len(lines) - 1)
    while len(lines) < count:
        add("next_step", text=f"Volgende stap {len(lines)}.")
    ids = [f"{plan_id[:24]}{n:012d}" for n in range(len(lines))]
    for line, line_id in zip(lines, ids, strict=True):
        line["id"] = line_id
    condition_ids = [ids[i] for i in conditions]
    for line in (*dangers, *(x for x in lines if x["section"] == "agreement")):
        if condition_ids:
            line["addresses"] = [rng.choice(condition_ids)]
    return lines


def _uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _big_plan_case(store: Any, rng: random.Random) -> str:
    """A case with a plan of ITEMS lines and VISITS visits, each scored by RATERS people
    for each danger statement."""
    case = store.create_record("case", {"title": "Familie Planbank", "team_id": TEAM,
                                        "contact_worker_id": WORKER, "status": "active"})
    names = [("Moeder", "household"), ("Vader", "family"), ("Oma", "family"),
             ("Jeugdbeschermer", "professional"), ("Kind", "household"),
             ("Buurvrouw", "network")]
    people = store.create_records([("person", {"name": n, "circle": c}, case.id, None)
                                   for n, c in names])
    person_ids = [p.id for p in people]
    plan = store.create_record("safety_plan", {
        "title": "Veiligheidsplan", "status": "draft", "version": 2, "phase": "direct",
        "harm": "Ruzie waar de kinderen bij zijn.", "worries": "Dat het weer gebeurt.",
        "working_well": "Oma helpt elke week.", "review_on": "2027-01-15"}, case_id=case.id)
    lines = plan_items(plan.id, ITEMS, [n for n, _ in names], rng)
    store.create_records([("plan_item", {k: v for k, v in line.items() if k != "id"},
                           case.id, line["id"]) for line in lines])
    dangers = [line["id"] for line in lines if line["section"] == "danger"]
    first = dt.date(2024, 11, 1)
    records: list[tuple[str, dict[str, Any], str, str | None]] = []
    for v in range(VISITS):
        day = (first + dt.timedelta(weeks=4 * v)).isoformat()
        visit_id = _uuid(rng)
        raters = person_ids[:RATERS]
        records.append(("visit", {"date": day, "participants": raters,
                                  "notes": "Huisbezoek, het plan besproken."}, case.id, visit_id))
        for danger in dangers:
            for rater in raters:
                records.append(("scaling_score", {
                    "person_id": rater, "plan_item_id": danger, "visit_id": visit_id,
                    "value": min(10, max(0, 3 + v // 4 + rng.randint(-2, 2))), "date": day,
                    "note": "Omdat oma er vaker is."}, case.id, None))
    store.create_records(records)
    return case.id


def _queue_cases(store: Any, rng: random.Random) -> None:
    """QUEUE_PLANS cases each with a submitted plan; every other one approved before (its
    version holds the plan as the lead saw it, one line shorter than now)."""
    from desktop.safetyplan.review import content
    from sync.protocol import Record

    batch: list[tuple[str, dict[str, Any], str | None, str | None]] = []
    for n in range(QUEUE_PLANS):
        case_id, plan_id = _uuid(rng), _uuid(rng)
        batch.append(("case", {"title": f"Familie Wachtrij {n + 1}", "team_id": TEAM,
                               "contact_worker_id": WORKER, "status": "active"}, None, case_id))
        plan = {"title": "Veiligheidsplan", "status": "submitted", "version": 2 if n % 2 else 1,
                "phase": "direct", "harm": f"Zorg in gezin {n + 1}.", "worries": "Ruzie.",
                "agreed_on": "2026-10-01"}
        batch.append(("safety_plan", plan, case_id, plan_id))
        lines = plan_items(plan_id, QUEUE_ITEMS, ["moeder", "oma"], rng)
        batch += [("plan_item", {k: v for k, v in line.items() if k != "id"}, case_id,
                   line["id"]) for line in lines]
        if n % 2:
            seen = [Record(id=line["id"], kind="plan_item", case_id=case_id, rev=1,
                           fields={k: v for k, v in line.items() if k != "id"})
                    for line in lines[:-1]]
            then = Record(id=plan_id, kind="safety_plan", case_id=case_id, rev=1,
                          fields={**plan, "status": "submitted", "version": 1})
            batch.append(("plan_version", {
                "plan_id": plan_id, "version": 1, "decision": "approved",
                "content": content(then, seen), "based_on_rev": 1, "decided_by": LEAD,
                "decided_at": "2026-06-01T10:00:00+00:00"}, case_id, None))
        if len(batch) > 500:
            store.create_records(batch)
            batch = []
    store.create_records(batch)


def _show_queue(queue: Any, timeout_ms: int = 10_000) -> tuple[float, float]:
    """(Wall, CPU) seconds from asking the queue to load until it is filled and painted."""
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    loop = QEventLoop()
    queue.loaded.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)

    def load() -> None:
        queue.load()
        loop.exec()
        QApplication.processEvents()

    took = clocked(load)
    queue.loaded.disconnect(loop.quit)
    return took


def _figures(work: Path) -> None:
    from PySide6.QtWidgets import QApplication

    from bench.bench_desktop import _seed
    from desktop.operations import StoreSession
    from desktop.safetyplan.data import read_plan
    from desktop.safetyplan.queue import ReviewQueueView
    from desktop.safetyplan.queue_data import read_queue
    from desktop.safetyplan.tab import PlanTab

    app = QApplication.instance() or QApplication(sys.argv[:1])
    rng = random.Random(SEED)
    store = _seed(work / "plan", 1)  # a demo case to open the big one from
    other = store.list_cases()[0].id
    case_id = _big_plan_case(store, rng)
    started = time.perf_counter()
    _queue_cases(store, rng)
    print(f"   (seeded {QUEUE_PLANS} submitted plans in {time.perf_counter() - started:.1f} s)")
    store.set_setting("user", {"id": LEAD, "username": "teamleider", "role": "teamlead",
                               "display_name": "Teamleider Bank", "team_ids": [TEAM]})

    session = StoreSession(store)
    view, tab, opening, plan_open = time_tab_beside_opening(
        session, PlanTab, "Veiligheidsplan", case_id, other, RUNS)
    model = tab.model
    shown = sum(model.rowCount(model.index(r, 0)) for r in range(model.rowCount()))
    view.close()

    queue = ReviewQueueView(session)
    queue.resize(700, 820)
    queue.show()
    _show_queue(queue)  # warm
    queued = [_show_queue(queue) for _ in range(RUNS)]
    rows = queue.model.rowCount()
    queue.close()
    session.wait_for_writes()
    app.processEvents()

    plan_reads, queue_reads = [], []
    for _ in range(RUNS):
        plan_reads.append(clocked(lambda: read_plan(store, case_id)))
        queue_reads.append(clocked(lambda: read_queue(store)))
    store.close()
    scores = VISITS * RATERS * DANGERS
    print(f"safety plan, median of {RUNS} runs; wall clock, and the CPU time of this process "
          f"(all threads), which leaves out waiting for a core on a shared machine:")
    print(f"   {'case file opens (reference)':<34}: {with_cpu(opening)}")
    print(f"   {'plan tab, click until shown':<34}: {with_cpu(plan_open)}; target < 100 ms")
    print(f"   {'':<34}  {shown} of {ITEMS} items shown, {VISITS} visits, {scores} "
          f"scores; store reads alone: {with_cpu(plan_reads)}")
    print(f"   {'review queue until shown':<34}: {with_cpu(queued)}; target < 200 ms")
    print(f"   {'':<34}  {rows} of {QUEUE_PLANS} submitted plans listed; store reads "
          f"alone: {with_cpu(queue_reads)}")
    if shown != ITEMS:
        raise RuntimeError(f"the plan shows {shown} items, not {ITEMS}")
    if rows != QUEUE_PLANS:
        raise RuntimeError(f"the queue lists {rows} plans, not {QUEUE_PLANS}")


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    with tempfile.TemporaryDirectory(prefix="keukentafel-bench-plan-") as tmp:
        _figures(Path(tmp))


if __name__ == "__main__":
    main()
