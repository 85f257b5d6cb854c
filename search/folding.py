"""Vietnamese folding: the one rule that makes "dong da" find "Đống Đa".

`fold` is the only function content apps may import from `search/`. Everything the search
backends index and every query they receive goes through it (see search.backends), so the
database backend on SQLite or PostgreSQL and Elasticsearch all compare the same strings.

The rule: Unicode NFC, then strip every combining mark (tones and vowel marks, including on
letters that carry two, such as "ờ" or "ệ"), then "đ"/"Đ" -> "d" (they have no Unicode
decomposition, so no accent stripper removes their bar), then lower case. "Ð"/"ð" (U+00D0/U+00F0,
the Icelandic eth) fold to "d" too: they look exactly like "Đ" and old conversion tools put them
in Vietnamese text.
"""

import re
import unicodedata

# Letters without a decomposition that readers type as a plain "d".
_BARRED_D = str.maketrans({"đ": "d", "Đ": "d", "ð": "d", "Ð": "d"})

# A token is a run of letters and digits (no underscore). Folded Vietnamese is plain ASCII, but
# other scripts keep their letters, so a query in any language still tokenizes the same way as
# the text it is matched against.
TOKEN_RE = re.compile(r"[^\W_]+")

# Tokens longer than this are not words anyone searches for (hashes, pasted garbage); they are
# cut so one long token cannot bloat an index entry or a query.
MAX_TOKEN_LENGTH = 64


def _fold_by_rule(text: str) -> str:
    """The rule itself, character by character (see the module docstring)."""
    decomposed = unicodedata.normalize("NFD", unicodedata.normalize("NFC", text))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped.translate(_BARRED_D)).lower()


def _latin_table() -> dict[int, str]:
    """What the rule makes of each marked Latin letter and each combining mark, when plain ASCII.

    The rule works on one character at a time once the text is decomposed, so a text whose
    characters all map to ASCII here folds to the concatenation of their entries.
    """
    table = {}
    for start, end in ((0x00C0, 0x0250), (0x0300, 0x0370), (0x1E00, 0x1F00)):
        for code in range(start, end):
            folded = _fold_by_rule(chr(code))
            if folded.isascii():
                table[code] = folded
    return table


_LATIN = _latin_table()


def fold(text: str) -> str:
    """Fold Vietnamese text for matching: no marks, "đ" -> "d", lower case.

    >>> fold("Người tốt, việc tốt ở Đống Đa")
    'nguoi tot, viec tot o dong da'
    """
    if not text:
        return ""
    text = str(text)
    # Fast path, the same result: every search, index entry and highlight folds through here,
    # and the rule's per-character loop was a quarter of the time of indexing a story.
    quick = text.translate(_LATIN)
    if quick.isascii():
        return quick.lower()
    return _fold_by_rule(text)


def tokens(text: str) -> list[str]:
    """The folded words of `text`, in order: "Đống Đa, Hà Nội" -> ["dong", "da", "ha", "noi"]."""
    return [token[:MAX_TOKEN_LENGTH] for token in TOKEN_RE.findall(fold(text))]


def fold_for_index(text: str) -> str:
    """What a search index stores for `text`: its folded words separated by single spaces.

    Punctuation is dropped here rather than left to each engine's tokenizer, so SQLite FTS5,
    PostgreSQL's parser and Elasticsearch all see the same words ("2.650" -> "2 650").
    """
    return " ".join(tokens(text))


def query_terms(query: str, limit: int) -> list[str]:
    """The distinct folded words of a query, in the order typed, at most `limit` of them."""
    seen: dict[str, None] = {}
    for token in tokens(query):
        seen.setdefault(token, None)
        if len(seen) >= limit:
            break
    return list(seen)


def fold_with_map(text: str) -> tuple[str, list[int]]:
    """Fold `text` and map each folded character back to its position in `text`.

    Used to highlight matches in the original (accented) text: a match found at folded
    positions [i, j) covers the original characters from map[i] to map[j - 1] inclusive.
    The input is taken as given (not NFC-normalised first), so positions index into it.
    """
    folded: list[str] = []
    positions: list[int] = []
    for index, char in enumerate(text):
        piece = fold(char)
        folded.append(piece)
        positions.extend([index] * len(piece))
    return "".join(folded), positions
