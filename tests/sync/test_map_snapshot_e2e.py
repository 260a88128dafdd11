"""End to end: the maps kept with two home visits on one laptop reach a colleague's laptop by
sync, and the comparison there names the visits and shows what changed between them."""

from __future__ import annotations

import pytest

from desktop.networkmap.compare import CompareDialog
from desktop.networkmap.model import build
from desktop.networkmap.snapshot import content_of
from desktop.networkmap.visit_snapshot import create_visit

pytestmark = [pytest.mark.postgres, pytest.mark.slow, pytest.mark.gui]


def test_visit_snapshots_taken_on_one_laptop_compare_on_another(laptops, service, service_db,
                                                                qtbot):
    worker = service_db.add_user()
    colleague = service_db.add_user(worker.team_name)
    a = laptops("werker").enrol(service.url, worker)
    b = laptops("collega").enrol(service.url, colleague)
    case_id = a.new_case(worker, shared_with=[colleague.user_id])
    store = a.store
    child = store.create_record("person", {"name": "Sem Testbeeld", "circle": "household",
                                           "index_person": True}, case_id=case_id)
    aunt = store.create_record("person", {"name": "Tante Testbeeld", "circle": "family"},
                               case_id=case_id)
    tie = store.create_record("relationship", {
        "from_person_id": aunt.id, "to_person_id": child.id, "type": "family",
        "quality": "weak"}, case_id=case_id)
    first, _ = create_visit(store, case_id, {"date": "2026-03-12",
                                             "shared_with_family": False})
    store.update_record(tie.id, {"quality": "strong", "support": ["G"]})
    create_visit(store, case_id, {"date": "2026-04-02", "shared_with_family": False})
    a.sync()
    b.sync()

    snapshots = b.store.list_records(kind="map_snapshot", case_id=case_id)
    assert {s.fields["taken_on"] for s in snapshots} == {"2026-03-12", "2026-04-02"}
    assert first.id in {s.fields["visit_id"] for s in snapshots}
    now = content_of(build(b.store.list_records(kind="person", case_id=case_id),
                           b.store.list_records(kind="relationship", case_id=case_id)))
    dialog = CompareDialog(snapshots, now)
    qtbot.addWidget(dialog)
    assert [dialog.before.itemText(i) for i in range(dialog.before.count())] == [
        "Home visit 12-03-2026", "Home visit 02-04-2026", "Now"]
    dialog.before.setCurrentIndex(0)
    dialog.after.setCurrentIndex(1)
    assert dialog.texts() == [
        "Tante Testbeeld – Sem Testbeeld: bond was Weak, is now Strong",
        "Tante Testbeeld – Sem Testbeeld: support was —, is now G",
    ]
    assert dialog.circle.text().splitlines() == [
        "The circle around the children has grown: 0 → 1 person(s)",
        "Joined the circle: Tante Testbeeld"]
    assert dialog.scene.marks == {tie.id: "changed"}
