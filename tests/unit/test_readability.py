"""The readability hint's numbers on sentences whose counts are known by hand."""

from __future__ import annotations

import pytest

from desktop.familyplan.readability import (
    CHILD_SENTENCE_WORDS,
    readability,
    sentences_of,
    syllables,
)


@pytest.mark.parametrize(("word", "count"), [
    ("kat", 1), ("mat", 1), ("oma", 2), ("eeuw", 1), ("mooi", 1), ("blij", 1),
    ("kinderen", 3), ("afspraak", 2), ("vastgesteld", 3), ("veiligheidsvoorwaarden", 6),
    ("knieën", 2), ("beïnvloeden", 4), ("geëerd", 2), ("Veilig", 2), ("baby", 2),
    ("s", 1),  # no vowel at all still counts as a word of one syllable
])
def test_dutch_syllables_by_vowel_groups(word, count):
    assert syllables(word) == count


def test_a_short_sentence_of_short_words_scores_high():
    result = readability("De kat zit op de mat.")
    assert (result.sentences, result.words, result.syllables) == (1, 6, 6)
    assert result.score == pytest.approx(206.835 - 0.93 * 6 - 77 * 1)
    assert result.long_words == () and result.long_share == 0


def test_jargon_scores_low_and_names_its_long_words():
    result = readability("Veiligheidsvoorwaarden worden vastgesteld door de "
                         "gezinsvertegenwoordiger en de jeugdbeschermingsorganisatie.")
    # veiligheidsvoorwaarden 6, worden 2, vastgesteld 3, door 1, de 1,
    # gezinsvertegenwoordiger 7, en 1, de 1, jeugdbeschermingsorganisatie 10
    assert (result.sentences, result.words, result.syllables) == (1, 9, 32)
    assert result.score == pytest.approx(206.835 - 0.93 * 9 - 77 * 32 / 9)
    assert result.score < 0 < readability("De kat zit op de mat.").score
    assert result.long_words == ("veiligheidsvoorwaarden", "gezinsvertegenwoordiger",
                                 "jeugdbeschermingsorganisatie")
    assert result.long_share == pytest.approx(3 / 9)


def test_sentences_end_at_stops_and_at_line_breaks():
    text = "Mama belt oma. Gaat het mis? Dan bel je 112!\nOma komt\n\nklaar"
    assert sentences_of(text) == ["Mama belt oma", " Gaat het mis", " Dan bel je 112",
                                  "Oma komt", "klaar"]
    result = readability(text)
    # "112" is no word: numbers are read as numbers, not syllables.
    assert (result.sentences, result.words) == (5, 12)
    assert result.average_sentence_length == pytest.approx(12 / 5)
    assert not result.sentences_too_long()


def test_one_long_sentence_is_too_long_and_empty_text_is_empty():
    long = "Als " + " ".join(["papa"] * 16) + " boos wordt gaan we weg."
    assert readability(long).sentences_too_long()
    # For children the bar is lower: under ten words a sentence (taal.md).
    thirteen = readability("Oma en de buurvrouw helpen mama en papa elke week met de kinderen.")
    assert thirteen.words == 13 and not thirteen.sentences_too_long()
    assert thirteen.sentences_too_long(CHILD_SENTENCE_WORDS)
    empty = readability("  \n ... ")
    assert (empty.sentences, empty.words, empty.score, empty.long_share) == (0, 0, 0.0, 0.0)
