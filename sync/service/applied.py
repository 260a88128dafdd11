"""What `applied_changes` keeps of an answer, and the answer to a change id sent again.

A push used to store each change's whole answer, its record included: a thousand new cases
stored every record twice, and a change sent again answered with the record as it was when
first applied, even to a user who may no longer see the case. The stored form keeps what a
repeated answer needs (status, rev, error; the record is read as it is now) and two small
values the monitor reads (`record.id` and `record.fields.status`, see monitor.py), with the
record's last writer, by which a later change of the same push knows the write was its own
(push.py, `_note_own`).
docs/protocol.md, "Push", says what a `duplicate` answer holds.
"""

from __future__ import annotations

from typing import Any

from sync.protocol import ErrorDetail, Record, Result


def stored_form(result: Result, written: dict[str, Any] | None = None) -> dict[str, Any]:
    """`written`: the `hint` of the record as the change left it, for an answer that leaves
    the record out (a new record applied as sent, push.py): the monitor and a later change
    of the record still find it."""
    stored: dict[str, Any] = {
        "change_id": result.change_id, "status": result.status, "rev": result.rev,
    }
    if result.error is not None:
        stored["error"] = result.error.model_dump(mode="json")
    record = result.record
    if record is not None:
        stored["record"] = hint(record.id, record.updated_by, record.fields)
    elif written is not None:
        stored["record"] = written
    return stored


def hint(record_id: str, updated_by: str | None, fields: dict[str, Any]) -> dict[str, Any]:
    kept: dict[str, Any] = {"id": record_id, "updated_by": updated_by}
    status = fields.get("status")
    if status is not None:
        kept["fields"] = {"status": status}
    return kept


def answer_again(stored: dict[str, Any], change_id: str, record: Record | None) -> Result:
    """The `duplicate` answer: the first answer's rev and error, with the record as it is
    now when the caller found that the user may still see its case (None otherwise), and
    no conflicts (a pull brings those). Never the stored record: results stored before this
    form still hold one, as it was, whoever may see it today."""
    error = stored.get("error")
    return Result(
        change_id=change_id, status="duplicate", rev=int(stored.get("rev") or 0),
        record=record, error=ErrorDetail.model_validate(error) if error else None,
    )


def stored_writer(stored: dict[str, Any]) -> str | None:
    """The last writer of the record as the first answer gave it, if it named one."""
    record = stored.get("record")
    if not isinstance(record, dict) or stored.get("error"):
        return None
    writer = record.get("updated_by")
    return writer if isinstance(writer, str) else None
