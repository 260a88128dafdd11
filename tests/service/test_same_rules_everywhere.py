"""A push and a resolve that would write the same value into a case get the same answer:
both routes ask sync/service/authorization.py, so neither can check less than the other.

For each person who sees the case and each field, one fresh case takes the value by a push
and another by resolving a conflict on that field; allowed and refused (with its code) must
agree, and match who may do what (docs/protocol.md, "Who may move, share, hand over or
close a case")."""

from __future__ import annotations

from tests.service.world import change

FIELDS = ("team_id", "contact_worker_id", "shared_with", "status", "title")
# Who may write which of FIELDS, besides the contact worker and the case team's lead: the
# lead of another team, into their own team (a case shared with them).
TAKES_IN = {("other_lead", "team_id")}
NOBODY = "00000000-0000-4000-8000-00000000abcd"  # a colleague without a laptop here


def _people(world):
    return {
        "owner": world.device("anouk", "worker", ("Noord", "Ander")),
        "shared": world.device("sanne", "worker", ("Noord", "West")),
        "other_team": world.device("omar", "worker", ("Zuid",)),
        "lead": world.device("karin", "teamlead", ("Noord", "Oost")),
        "other_lead": world.device("joost", "teamlead", ("Zuid",)),
    }


def _value(world, device, who: str, field: str):
    own_team = {"owner": "Ander", "shared": "West", "other_team": "Zuid", "lead": "Oost",
                "other_lead": "Zuid"}[who]
    return {
        "team_id": world.team(own_team),
        "contact_worker_id": device.user_id,
        "shared_with": [device.user_id],
        "status": "closed",
        "title": f"Familie {who}",
    }[field]


def _case(world, people):
    shared = [people[w].user_id for w in ("shared", "other_team", "other_lead")]
    return people["owner"].new_case(world.team("Noord"), shared_with=shared)


def _conflict_on(world, owner, case, field):
    """A conflict on `field` that keeps the case as it is: the owner's own change from a
    view the service no longer has."""
    mine = {"team_id": world.team("Ander"), "contact_worker_id": NOBODY,
            "shared_with": [], "status": "intake", "title": "Familie Eigen"}[field]
    stale = {"team_id": world.team("Oost"), "contact_worker_id": None, "shared_with": None,
             "status": "closed", "title": "Oud"}[field]
    result = owner.push_one(change(case["id"], "case", case["id"], {field: mine},
                                   base={field: stale}, base_rev=case["rev"]))
    assert result["status"] == "conflict", (field, result)
    [conflict] = result["conflicts"]
    return conflict


def test_push_and_resolve_answer_alike(world):
    people = _people(world)
    owner = people["owner"]
    for who, device in people.items():
        for field in FIELDS:
            value = _value(world, device, who, field)
            by_push = _case(world, people)
            pushed = device.push_one(change(
                by_push["id"], "case", by_push["id"], {field: value},
                base={field: by_push["fields"].get(field)}, base_rev=by_push["rev"]))
            by_resolve = _case(world, people)
            conflict = _conflict_on(world, owner, by_resolve, field)
            resolved = device.resolve(conflict["id"], value)

            push_code = pushed["error"]["code"] if pushed["status"] == "rejected" else None
            resolve_code = (resolved.json()["error"]["code"]
                            if resolved.status_code != 200 else None)
            assert resolved.status_code in (200, 403), (who, field, resolved.text)
            assert push_code == resolve_code, (who, field, pushed, resolved.text)
            may = (field == "title" or who in ("owner", "lead") or (who, field) in TAKES_IN)
            assert (push_code is None) == may, (who, field, push_code)
