"""A fictional family as a laptop of today records it, with every field, choice and kind
that the previous release did not have (tests/compat/previous.py)."""

from __future__ import annotations

from dataclasses import dataclass

from storage.store import CaseStore


@dataclass(frozen=True)
class NewerFamily:
    case: str
    mother: str
    child: str
    tie: str
    plan: str
    condition: str
    child_voice: str
    agreement: str
    snapshot: str

    @property
    def record_ids(self) -> tuple[str, ...]:
        return (self.case, self.mother, self.child, self.tie, self.plan, self.condition,
                self.child_voice, self.agreement, self.snapshot)


def newer_family(store: CaseStore, team_id: str, worker_id: str) -> NewerFamily:
    case = store.create_record("case", {
        "title": "Familie Vogelzang", "team_id": team_id, "contact_worker_id": worker_id,
        "status": "active"}).id

    def add(kind: str, **fields: object) -> str:
        return store.create_record(kind, fields, case_id=case).id

    mother = add("person", name="Moeder Vogelzang", circle="household", gender="f",
                 phone="06-00000001")
    child = add("person", name="Kind Vogelzang", circle="household", index_person=True,
                ring=1, eco_x=40, eco_y=-25)
    tie = add("relationship", from_person_id=mother, to_person_id=child,
              type="foster_parent_child", quality="close", direction="both",
              since="2021-09-01", until="2026-08-31", according_to="worker",
              note="Pleegzorg sinds september.")
    plan = add("safety_plan", title="Veiligheidsplan Vogelzang", status="draft", version=1)
    condition = add("plan_item", plan_id=plan, section="condition", text="Geen alcohol thuis.")
    child_voice = add("plan_item", plan_id=plan, section="child_voice", part="dreams",
                      who=child, text="Een hond.")
    agreement = add("plan_item", plan_id=plan, section="agreement", addresses=[condition],
                    text="Oma komt elke avond langs.")
    snapshot = add("map_snapshot", taken_on="2026-11-01", content='{"people": 2, "ties": 1}')
    return NewerFamily(case, mother, child, tie, plan, condition, child_voice, agreement,
                       snapshot)
