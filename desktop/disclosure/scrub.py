"""The scrubber: finds the names and numbers of a case in free text and replaces them.

Names are matched case-insensitively as whole words, with or without accents (a worker
types "Zoe" for "Zoë"), longest first so "Sanne de Vries" becomes one label, not three.
Phone numbers are matched two ways: every number of the case in any grouping (06-12345678,
+31 6 1234 5678), and any run that looks like a phone number at all (nine to thirteen
digits), because a number written in a note need not be one the case knows. Birth dates are
matched in the common Dutch notations; postcodes by their shape. No Qt: the command line and
the tests use it headless.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

# Words of a Dutch name that are no name on their own: scrubbing "van" or "de" everywhere
# would make the text unreadable and hides nothing.
PARTICLES = frozenset({
    "van", "de", "der", "den", "het", "ter", "ten", "te", "op", "in", "t", "'t", "la", "le",
    "du", "da", "di", "del", "von", "zu", "el", "al", "bin", "ben", "gezin", "familie", "fam",
})
MIN_NAME_WORD = 2

MONTHS = (
    ("januari", "jan"), ("februari", "feb"), ("maart", "mrt", "mar"), ("april", "apr"),
    ("mei",), ("juni", "jun"), ("juli", "jul"), ("augustus", "aug"),
    ("september", "sep", "sept"), ("oktober", "okt", "oct"), ("november", "nov"),
    ("december", "dec"),
)
MONTH_NUMBER = {name: i for i, names in enumerate(MONTHS, start=1) for name in names}
_MONTH_WORDS = "|".join(sorted(MONTH_NUMBER, key=len, reverse=True))

# A date in free text: ISO, day-month-year with -, / or ., and "12 maart 2015" (month names
# in full or short, with or without a dot). Two-digit years count as well.
DATE_PATTERN = re.compile(
    r"(?<![\w-])(?:"
    r"(?P<iy>\d{4})-(?P<im>\d{1,2})-(?P<id>\d{1,2})"
    r"|(?P<nd>\d{1,2})[-/.](?P<nm>\d{1,2})[-/.](?P<ny>\d{4}|\d{2})"
    r"|(?P<wd>\d{1,2})\s+(?P<wm>" + _MONTH_WORDS + r")\.?(?:\s+(?P<wy>\d{4}))?"
    r")(?![\w-])",
    re.IGNORECASE,
)
# Anything shaped like a phone number: a + or digit, then digits with spaces, dashes, dots,
# slashes or brackets; kept only when it holds nine to thirteen digits (112 and Veilig
# Thuis' 0800-2000 are public numbers and stay).
PHONE_PATTERN = re.compile(r"(?<![\w+])(?:\+|00)?\(?\d[\d\s\-\u2010-\u2015./()]{6,}\d(?!\w)")
PHONE_DIGITS = (9, 13)
# A Dutch street and house number: "Dorpsstraat 12", "Lange Laan 3a", "Kerkplein 4-2".
STREET_PATTERN = re.compile(
    r"(?<!\w)(?:[A-Z][\w'-]*\s+)?[\w'-]*(?:straat|weg|laan|plein|gracht|kade|singel|"
    r"dijk|dreef|hof|steeg|pad|markt|park|erf|veld|baan)\s+\d+(?:[\s-]?[a-zA-Z]|-\d+)?(?!\w)",
    re.IGNORECASE,
)
POSTCODE_PATTERN = re.compile(r"(?<!\w)[1-9]\d{3}(?:\s?[A-Z]{2}|[a-z]{2})(?!\w)")


def fold(text: str) -> str:
    """Lower case without accents: how two spellings of one name are compared."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def name_terms(name: str) -> list[str]:
    """The ways a name is written in a note: in full, and each word of it (the parts of a
    double name too), except the particles."""
    name = " ".join(name.split())
    if not name:
        return []
    terms = [name]
    for word in re.split(r"[\s]+", name):
        parts = [word, *word.split("-")] if "-" in word else [word]
        for part in parts:
            part = part.strip(".,'\"()")
            if len(part) >= MIN_NAME_WORD and fold(part) not in PARTICLES:
                terms.append(part)
    # "Sanne de Vries" is also written "de Vries" and "Vries": the surname with its particles.
    words = name.split()
    for start in range(1, len(words) - 1):
        if fold(words[start]) in PARTICLES:
            terms.append(" ".join(words[start:]))
            break
    return list(dict.fromkeys(terms))


def family_name(case_title: str) -> str:
    """'Gezin De Vries' -> 'De Vries': the name in a case's title without the word before it."""
    words = case_title.split()
    while words and fold(words[0]).strip(".") in ("gezin", "familie", "fam"):
        words = words[1:]
    return " ".join(words)


def _accented() -> dict[str, set[str]]:
    """Each plain letter and the Latin letters with accents that fold to it."""
    out: dict[str, set[str]] = {}
    for code in range(0xC0, 0x250):
        char = chr(code)
        base = fold(char)
        if len(base) == 1 and base != char.casefold():
            out.setdefault(base, set()).update({char, char.lower(), char.upper()})
    return out


ACCENTED = _accented()


def _name_regex(term: str) -> str:
    """A pattern for `term` that ignores case and accents (either way: "Zoe" finds "Zoë"
    and "Zoë" finds "Zoe") and allows any spacing."""
    out = []
    for char in term:
        if char.isspace():
            if not out or out[-1] != r"\s+":
                out.append(r"\s+")
            continue
        base = fold(char)
        variants = {char, char.lower(), char.upper(), base, base.upper(),
                    *ACCENTED.get(base, ())}
        out.append("[" + "".join(re.escape(v) for v in sorted(variants) if len(v) == 1) + "]"
                   if len(variants) > 1 else re.escape(char))
    return "".join(out)


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def _phone_regex(phone: str) -> str | None:
    """Every grouping of a known number: separators anywhere, +31 or 0031 for the 0."""
    digits = _digits(phone)
    if len(digits) < 6:
        return None
    if digits.startswith("0031"):
        digits = "0" + digits[4:]
    elif digits.startswith("31") and phone.strip().startswith("+"):
        digits = "0" + digits[2:]
    sep = r"[\s\-\u2010-\u2015./()]*"
    body = sep.join(re.escape(d) for d in digits[1:])
    first = r"(?:\+31|0031|0)" if digits.startswith("0") else re.escape(digits[0])
    return rf"(?<!\d){first}{sep}\(?{sep}{body}(?!\d)"


def read_date(match: re.Match[str]) -> dt.date | None:
    """The date a DATE_PATTERN match stands for, or None (no year, or no real day)."""
    g = match.groupdict()
    try:
        if g["iy"]:
            return dt.date(int(g["iy"]), int(g["im"]), int(g["id"]))
        if g["ny"]:
            year = int(g["ny"])
            if len(g["ny"]) == 2:
                year += 2000 if year <= dt.date.today().year % 100 else 1900
            return dt.date(year, int(g["nm"]), int(g["nd"]))
        if g["wy"]:
            return dt.date(int(g["wy"]), MONTH_NUMBER[g["wm"].lower()], int(g["wd"]))
    except ValueError:
        return None
    return None


def _day_month(match: re.Match[str]) -> tuple[int, int] | None:
    g = match.groupdict()
    if g["wd"] and not g["wy"]:
        return int(g["wd"]), MONTH_NUMBER[g["wm"].lower()]
    return None


@dataclass
class Scrubber:
    """Replaces the given names, numbers and birth dates (and anything else the worker
    chose to redact) in text. `names` maps a name to the label it becomes."""

    names: Mapping[str, str] = field(default_factory=dict)
    phones: Iterable[str] = ()
    birth_dates: Iterable[str] = ()
    extra: Mapping[str, str] = field(default_factory=dict)  # exact words, case-insensitive
    keep: Iterable[str] = ()  # name words never replaced (the person an inzage is for)
    phone_label: str = "[phone]"
    birth_date_label: str = "[birth date]"
    postcode_label: str = "[postcode]"
    address_label: str = "[address]"
    any_phone: bool = True  # also every phone-shaped number the case does not know
    postcodes: bool = True  # and street addresses

    def __post_init__(self) -> None:
        keep = {fold(k) for k in self.keep}
        labels: dict[str, str] = {}
        for term, label in [*self.extra.items(), *self.names.items()]:
            key = fold(" ".join(term.split()))
            if key and key not in keep and key not in labels:
                labels[key] = label
        terms = sorted(labels, key=len, reverse=True)
        self._labels = labels
        self._names = re.compile(
            "|".join(rf"(?<!\w){_name_regex(t)}(?!\w)" for t in terms)) if terms else None
        patterns = [p for p in (_phone_regex(x) for x in self.phones if x) if p]
        self._phones = re.compile("|".join(patterns)) if patterns else None
        self._born: set[dt.date] = set()
        for value in self.birth_dates:
            try:
                self._born.add(dt.date.fromisoformat(str(value)))
            except ValueError:
                continue
        self._born_days = {(d.day, d.month) for d in self._born}

    def text(self, text: str) -> str:
        if not text:
            return text
        text = DATE_PATTERN.sub(self._date, text)
        if self._phones is not None:
            text = self._phones.sub(self.phone_label, text)
        if self.any_phone:
            text = PHONE_PATTERN.sub(self._phone, text)
        if self.postcodes:
            text = POSTCODE_PATTERN.sub(self.postcode_label, text)
            text = STREET_PATTERN.sub(self.address_label, text)
        if self._names is not None:
            text = self._names.sub(self._name, text)
        return text

    def _name(self, match: re.Match[str]) -> str:
        key = fold(" ".join(match.group().split()))
        # A letter whose folded form differs in length cannot be looked up: the label of the
        # longest name is then as good as any, the name goes either way.
        return self._labels.get(key) or next(iter(self._labels.values()))

    def _date(self, match: re.Match[str]) -> str:
        day = read_date(match)
        if day is not None and day in self._born:
            return self.birth_date_label
        if day is None and _day_month(match) in self._born_days:
            return self.birth_date_label
        return match.group()

    def _phone(self, match: re.Match[str]) -> str:
        count = len(_digits(match.group()))
        if PHONE_DIGITS[0] <= count <= PHONE_DIGITS[1]:
            return self.phone_label
        return match.group()

    def deep(self, value: object) -> object:
        """Every string in a JSON-like value scrubbed (keys stay: they are ours)."""
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, list):
            return [self.deep(v) for v in value]
        if isinstance(value, dict):
            return {k: self.deep(v) for k, v in value.items()}
        return value
