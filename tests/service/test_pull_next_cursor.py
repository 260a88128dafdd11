"""The next cursor in a pull answer's header (docs/protocol.md, "Pull and the cursor"): a
page with `more` names the cursor its body gives, so that the laptop asks for the next page
before reading this one; the last page, and a pull with nothing new, name none."""

from __future__ import annotations

from sync.protocol import NEXT_CURSOR_HEADER
from tests.service.world import change, new_id


def test_a_page_with_more_names_its_cursor_and_the_last_page_none(world):
    anouk = world.device("anouk")
    case = anouk.new_case(world.team("Noord"))
    anouk.push(*[change(new_id(), "task", case["id"], {"title": f"Taak {n}"})
                 for n in range(4)])
    named = []
    while True:
        response = anouk.pull_page(limit=2)
        assert response.status_code == 200, response.text
        page = response.json()
        named.append(response.headers.get(NEXT_CURSOR_HEADER))
        anouk.cursor = page["cursor"]
        if not page["more"]:
            break
        assert named[-1] == page["cursor"]
    assert len(named) == 3 and all(named[:-1])
    assert named[-1] is None

    quiet = anouk.pull_page(limit=2)  # nothing new since
    assert quiet.json()["records"] == [] and NEXT_CURSOR_HEADER not in quiet.headers
