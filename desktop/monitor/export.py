"""The monitor's export: aggregates only. Neither format holds a family name or a case id;
the figures the file is built from (`Figures` minus `scaling_by_case`) hold none."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from storage.monitor import Figures

CSV_HEADER = ("figure", "month", "category", "value")


def aggregate_rows(figures: Figures) -> list[tuple[str, str, str, Any]]:
    """(figure, month, category, value): every figure but the per-case trends."""
    rows: list[tuple[str, str, str, Any]] = []
    for name in ("cases_by_status", "plans_by_status"):
        rows += [(name, "", value, n) for value, n in getattr(figures, name).items()]
    for month, cell in figures.cases_by_legal_framework.items():
        rows += [("cases_by_legal_framework", month, value, n) for value, n in cell.items()]
    rows += [("scaling_by_month", month, "", mean)
             for month, mean in figures.scaling_by_month.items()]
    for name in ("overdue_reviews", "overdue_tasks", "median_days_to_decision",
                 "share_returned", "share_with_child_voice"):
        value = getattr(figures, name)
        rows.append((name, "", "", "" if value is None else value))
    return rows


def write_csv(figures: Figures, path: Path) -> None:
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(("as_of", figures.today, "", ""))
        writer.writerow(CSV_HEADER)
        writer.writerows(aggregate_rows(figures))
