"""The scrubber: generated names, phone numbers and birth dates planted in text, in any
case, spacing, grouping and Dutch date notation, never survive; and the modules that build
an export stay free of Qt, so the command line and the tests use them headless."""

from __future__ import annotations

import ast
import datetime as dt
import re
from pathlib import Path

from hypothesis import assume, given
from hypothesis import strategies as st

from desktop.disclosure.scrub import MONTHS, PARTICLES, Scrubber, fold, name_terms
from tests.depth import property_settings

ROOT = Path(__file__).resolve().parents[2]
PURE = ("scrub", "dates", "gather", "common", "labels", "records", "inzage", "consult",
        "service_log")
FILLER = ("de", "het", "kwam", "thuis", "boos", "en", "bij", "op", "was", "zei", "dat", "school")

letters = st.text("abcdefghijklmnoprstuvwyzëé", min_size=3, max_size=9)
names = st.lists(letters, min_size=1, max_size=3).map(
    lambda words: " ".join(w.capitalize() for w in words))
phones = st.tuples(st.integers(10_000_000, 99_999_999),
                   st.sampled_from(["06-{}", "06 {}", "+316{}", "0031 6 {}", "06{}"]),
                   st.sampled_from([" ", "-", ".", ""])).map(
    lambda t: t[1].format(t[2].join(re.findall("..", str(t[0])))))
dates = st.dates(dt.date(1940, 1, 1), dt.date(2024, 12, 31))
NOTATIONS = (
    lambda d: d.isoformat(), lambda d: f"{d.day:02d}-{d.month:02d}-{d.year}",
    lambda d: f"{d.day}-{d.month}-{d.year}", lambda d: f"{d.day}/{d.month}/{d.year}",
    lambda d: f"{d.day}.{d.month:02d}.{d.year}",
    lambda d: f"{d.day} {MONTHS[d.month - 1][0]} {d.year}",
    lambda d: f"{d.day} {MONTHS[d.month - 1][-1]}. {d.year}",
)
spellings = st.sampled_from([str.upper, str.lower, str.title, lambda s: s, fold])


@property_settings(40)
@given(name=names, phone=phones, born=dates, spell=spellings,
       notation=st.sampled_from(NOTATIONS), filler=st.lists(st.sampled_from(FILLER),
                                                             min_size=1, max_size=6))
def test_planted_names_phones_and_birth_dates_never_survive(name, phone, born, spell, notation,
                                                           filler):
    words = [w for w in re.split(r"[\s-]+", name) if fold(w) not in PARTICLES]
    assume(words and not {fold(w) for w in words} & {fold(f) for f in FILLER})
    scrubber = Scrubber(names={t: "[moeder]" for t in name_terms(name)}, phones=[phone],
                        birth_dates=[born.isoformat()])
    middle = " ".join(filler)
    text = (f"{spell(name)} {middle}. {spell(words[-1])}'s telefoon: {phone}; "
            f"geboren {notation(born)}, {middle} {spell(words[0])}!")
    out = scrubber.text(text)
    # What the names became, "[moeder]", is no survivor, also of a family called Moeder.
    rest = fold(out.replace("[moeder]", " "))
    for word in words:
        assert not re.search(rf"(?<!\w){re.escape(fold(word))}(?!\w)", rest), out
    assert re.sub(r"\D", "", phone)[-8:] not in re.sub(r"\D", "", out), out
    assert notation(born) not in out, out
    assert middle in out  # the rest of the text stays readable


def test_public_numbers_and_plain_dates_stay():
    out = Scrubber(names={"Sanne": "[moeder]"}).text(
        "Bel 112 of Veilig Thuis 0800-2000. Gesprek op 12-03-2026 om 10.30 uur.")
    assert out == "Bel 112 of Veilig Thuis 0800-2000. Gesprek op 12-03-2026 om 10.30 uur."


def test_the_export_builders_import_no_qt():
    for name in PURE:
        tree = ast.parse((ROOT / "desktop" / "disclosure" / f"{name}.py").read_text("utf-8"))
        imported = {node.module for node in ast.walk(tree)
                    if isinstance(node, ast.ImportFrom) and node.module}
        imported |= {a.name for node in ast.walk(tree) if isinstance(node, ast.Import)
                     for a in node.names}
        assert not any(m.split(".")[0] in ("PySide6", "shiboken6") for m in imported), name
        inside = {m.rsplit(".", 1)[-1] for m in imported if m.startswith("desktop.")}
        assert inside <= {*PURE, "ages"}, name
