"""Reading a case's network from the store: shared by the tab and the command-line export."""

from __future__ import annotations

from typing import Any

from sync.protocol import Record

MAP_KINDS = frozenset({"person", "relationship"})

Network = tuple[list[Record], list[Record], frozenset[str]]


def read_network(store: Any, case_id: str) -> Network:
    """The case's people and ties, and which of them have an open conflict."""
    conflicted = frozenset(c.record_id for c in store.list_conflicts(case_id=case_id)
                           if c.kind in MAP_KINDS)
    return (store.list_records(kind="person", case_id=case_id),
            store.list_records(kind="relationship", case_id=case_id), conflicted)
