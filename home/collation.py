"""Vietnamese alphabetical order: the one collation function for every list a person reads.

The alphabet is a ă â b c d đ e ê (f) g h i (j) k l m n o ô ơ p q r s t u ư v (w) x y (z): the
letters with a breve, circumflex or horn and đ are letters of their own, each right after its
base letter. Tones do not change a word's place among different letters; between words that
differ only in tone they come in dictionary order: ngang, huyền, hỏi, ngã, sắc, nặng (the order
of Unicode CLDR's Vietnamese collation). Words are compared one by one, so "Cà Mau" comes before
"Cao Bằng", and case only breaks the last ties.

`sort_key(text)` returns a plain ASCII string whose code-point order is this order, so it can
sort lists in Python and also be stored in an indexed column that SQLite and PostgreSQL order
the same way whatever the database's own collation (`Province.sort_key`, `Commune.sort_key`).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import TypeVar

T = TypeVar("T")

ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_LETTER = {letter: chr(0x41 + index) for index, letter in enumerate(ALPHABET)}
# Combining marks that make a letter of its own (breve, circumflex, horn) ...
_LETTER_MARKS = {"\u0306", "\u0302", "\u031b"}
# ... and the five tone marks, in dictionary order after ngang (no mark).
_TONES = {"\u0300": "1", "\u0309": "2", "\u0303": "3", "\u0301": "4", "\u0323": "5"}
# Between levels: lower than any word break, which is lower than any letter or digit, so a
# shorter word sorts first ("ca" < "ca mau" < "cao").
_LEVEL, _WORD_BREAK = " ", "!"
# Admin words in front of a locality's own name; the name is what a reader looks for.
DIVISION_WORDS = ("Thành phố ", "Tỉnh ", "Phường ", "Xã ", "Đặc khu ")


@lru_cache(maxsize=8192)  # the same few thousand names (places, topics) come back every request
def sort_key(text: str) -> str:
    """The key that puts `text` in Vietnamese alphabetical order (see the module docstring)."""
    primary: list[str] = []
    tones: list[str] = []
    cases: list[str] = []
    pending_break = False
    for cluster in _clusters(unicodedata.normalize("NFD", text or "")):
        base, marks = cluster[0], cluster[1:]
        lower = base.lower()
        if lower.isdigit() or lower in _LETTER or lower == "đ":
            if pending_break and primary:
                primary.append(_WORD_BREAK)
            pending_break = False
            letter = lower + "".join(mark for mark in marks if mark in _LETTER_MARKS)
            letter = unicodedata.normalize("NFC", letter)
            primary.append(_LETTER.get(letter, letter if letter.isdigit() else "~"))
            tones.append(next((_TONES[mark] for mark in marks if mark in _TONES), "0"))
            cases.append("1" if base.isupper() else "0")
        else:
            pending_break = True
    return _LEVEL.join(("".join(primary), "".join(tones), "".join(cases)))


def _clusters(decomposed: str):
    """A base character with the combining marks that follow it."""
    cluster = ""
    for char in decomposed:
        if unicodedata.combining(char) and cluster:
            cluster += char
            continue
        if cluster:
            yield cluster
        cluster = char
    if cluster:
        yield cluster


def name_key(name: str) -> str:
    """Sort key of a locality by its own name: "Thành phố Hà Nội" files under H, "Phường Hoàn
    Kiếm" under H; the full name breaks ties (a ward and a commune of one name)."""
    bare = name
    for word in DIVISION_WORDS:
        if bare.startswith(word):
            bare = bare[len(word) :]
            break
    return f"{sort_key(bare)}{_LEVEL}{_LEVEL}{sort_key(name)}"


def sorted_vi(items: Iterable[T], key: Callable[[T], str] = str) -> list[T]:
    """`items` in Vietnamese alphabetical order of `key(item)`."""
    return sorted(items, key=lambda item: sort_key(key(item)))
