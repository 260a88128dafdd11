"""The monitor's shared counting rules at their edges (sync/monitor.py)."""

import datetime as dt

from sync import monitor as rules

TODAY = dt.date(2026, 3, 15)


def test_a_case_counts_in_every_month_it_was_open_and_no_other():
    spread = rules.spread_over_months([
        ("ots", "2025-11", "2026-01", 2),       # closed in January: Nov, Dec, Jan
        (None, "2026-02", None, 1),             # still open: Feb and this month, as unknown
        ("voluntary", "2026-02", "2025-12", 1),  # closed before it opened: its opening month
        ("ots", "2026-05", None, 4),            # opens after today: nowhere yet
        ("ots", None, None, 9),                 # no opening date: nowhere
    ], TODAY)
    assert spread == {
        "2025-11": {"ots": 2}, "2025-12": {"ots": 2}, "2026-01": {"ots": 2},
        "2026-02": {"unknown": 1, "voluntary": 1}, "2026-03": {"unknown": 1},
    }
    assert rules.spread_over_months([], TODAY) == {}


def test_months_run_over_the_year_end():
    assert rules.months("2025-11", "2026-02") == ["2025-11", "2025-12", "2026-01", "2026-02"]
    assert rules.month_of("2026-13-01") is None and rules.month_of("2026-02-28") == "2026-02"


def test_an_admin_gets_no_count_under_five_and_no_share_of_few():
    figures = {"cases_by_status": {"active": 5, "closed": 4}, "plans_by_status": {"draft": 1},
               "cases_by_legal_framework": {"2026-01": {"ots": 2, "voluntary": 7}},
               "overdue_reviews": 0, "overdue_tasks": 12, "median_days_to_decision": 2.5,
               "share_returned": 0.5, "share_with_child_voice": 0.8}
    out = rules.suppress_small(figures, decided=4, plans=10)
    assert out["cases_by_status"] == {"active": 5, "closed": None}
    assert out["cases_by_legal_framework"] == {"2026-01": {"ots": None, "voluntary": 7}}
    assert out["overdue_reviews"] is None and out["overdue_tasks"] == 12
    assert out["median_days_to_decision"] is None and out["share_returned"] is None
    assert out["share_with_child_voice"] == 0.8 and out["suppressed"] is True
    assert rules.median_days([1.0, 5.0, 2.0, -1.0]) == 2.0 and rules.share(0, 0) is None
