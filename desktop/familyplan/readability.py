"""How easy a text the family will read is: sentence length, long words and the Dutch
Flesch score (Flesch-Douma). Pure: no Qt, no store, so it can be tested on known sentences
and run on every pause in typing without slowing it.

Flesch-Douma = 206.835 - 0.93 * (words / sentences) - 77 * (syllables / words).
Dutch syllables are counted by vowel groups: a run of vowels (aa, ie, oei, eeuw's eeu) is
one syllable; a vowel with a diaeresis (knieën, geëerd) starts a new one, as it is written
for exactly that reason. It is an estimate, as every such count is.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

LONG_WORD_SYLLABLES = 4  # plain-language guides (B1) flag words of four syllables or more
LONG_SENTENCE_WORDS = 15  # above this on average, sentences read as long at B1
CHILD_SENTENCE_WORDS = 10  # taal.md: for children, under ten words a sentence
EASY_SCORE = 60.0  # Flesch-Douma: from about 60 a text is fairly easy to read

_VOWELS = frozenset("aeiouy")
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019-][^\W\d_]+)*")
# A sentence ends at . ! ? or ; followed by space, or at a line break (a list of points
# written one a line has no full stops).
_SENTENCE_END = re.compile(r"[.!?;:]+(?=\s|$)|\n+")


@dataclass(frozen=True)
class Readability:
    sentences: int
    words: int
    syllables: int
    long_words: tuple[str, ...]  # each long word once, in the order they first appear
    long_count: int  # every long word, repeats counted

    @property
    def average_sentence_length(self) -> float:
        return self.words / self.sentences if self.sentences else 0.0

    @property
    def long_share(self) -> float:
        return self.long_count / self.words if self.words else 0.0

    @property
    def score(self) -> float:
        """Flesch-Douma; higher is easier (about 0-120)."""
        if not self.words:
            return 0.0
        return (206.835 - 0.93 * self.average_sentence_length
                - 77 * (self.syllables / self.words))

    def sentences_too_long(self, limit: int = LONG_SENTENCE_WORDS) -> bool:
        return self.average_sentence_length > limit


def syllables(word: str) -> int:
    """Dutch syllables of one word, by vowel groups; at least one."""
    count = 0
    in_group = False
    for char in word.lower():
        base = unicodedata.normalize("NFD", char)[0]
        if base not in _VOWELS:
            in_group = False
            continue
        # A diaeresis says: a new syllable starts here (beïnvloeden, knieën).
        if not in_group or "\u0308" in unicodedata.normalize("NFD", char):
            count += 1
        in_group = True
    return max(count, 1)


def words_of(text: str) -> list[str]:
    return _WORD.findall(text)


def sentences_of(text: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(text) if words_of(s)]


def readability(text: str) -> Readability:
    sentences = sentences_of(text)
    words = [w for s in sentences for w in words_of(s)]
    counts = [syllables(w) for w in words]
    long = [w for w, c in zip(words, counts, strict=True) if c >= LONG_WORD_SYLLABLES]
    return Readability(len(sentences), len(words), sum(counts),
                       tuple(dict.fromkeys(w.lower() for w in long)), len(long))
