"""What tells two families of one name apart in the case list: the first name of the
youngest living household member with a birth date, and the date the case started."""

from __future__ import annotations

from tests.storage.conftest import new_case


def test_the_youngest_of_the_household_and_the_start(store):
    case_id = new_case(store, "Familie Jansen")
    store.update_record(case_id, {"opened_on": "2025-03-12"})
    for name, circle, born in (("Eva Jansen", "household", "1985-02-02"),
                               ("Mila Jansen", "household", "2016-05-01"),
                               ("Baby Jansen", "network", "2025-01-01"),  # not the household
                               ("Sem Jansen", "household", None)):  # no birth date
        store.create_record("person", {"name": name, "circle": circle, "birth_date": born},
                            case_id=case_id)
    youngest = store.create_record("person", {"name": "Noor Jansen", "circle": "household",
                                              "birth_date": "2020-07-07"}, case_id=case_id)
    [row] = store.list_cases()
    assert (row.youngest, row.opened_on) == ("Noor", "2025-03-12")
    store.delete_record(youngest.id)  # who is removed no longer names the family
    [row] = store.list_cases()
    assert row.youngest == "Mila"


def test_without_household_or_start_there_is_no_second_line(store):
    new_case(store, "Familie Leeg")
    [row] = store.list_cases()
    assert (row.youngest, row.opened_on) == (None, None)
