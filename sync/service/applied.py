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


def stored_form(result: Result) -> dict[str, Any]:
    stored: dict[str, Any] = {
        "change_id": result.change_id, "status": result.status, "rev": result.rev,
    }
    if result.error is not None:
        stored["error"] = result.error.model_dump(mode="json")
    record = result.record
    if record is not None:
        hint: dict[str, Any] = {"id": record.id, "updated_by": record.updated_by}
        status = record.fields.get("status")
        if status is not None:
            hint["fields"] = {"status": status}
        stored["record"] = hint
    return stored


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
