"""Mark the searched words in a title or a lead paragraph, whether or not the query had marks."""

import re
import unicodedata

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from search.folding import fold, fold_with_map


def _pattern(terms: list[str]) -> re.Pattern | None:
    words = sorted({fold(term) for term in terms if term}, key=len, reverse=True)
    if not words:
        return None
    # Whole words only, as the index matches them: "an" must not light up inside "ban".
    return re.compile(r"(?<![^\W_])(?:" + "|".join(map(re.escape, words)) + r")(?![^\W_])")


def spans(text: str, terms: list[str]) -> list[tuple[int, int]]:
    """Where the terms occur in `text`, as (start, end) positions in the original text."""
    pattern = _pattern(terms)
    if not text or pattern is None:
        return []
    folded, positions = fold_with_map(text)
    found = []
    for match in pattern.finditer(folded):
        if match.end() == match.start():
            continue
        start = positions[match.start()]
        end = positions[match.end() - 1] + 1
        # A decomposed letter keeps its marks inside the highlight.
        while end < len(text) and unicodedata.combining(text[end]):
            end += 1
        found.append((start, end))
    return found


def highlight(text: str, terms: list[str], limit: int | None = None) -> SafeString:
    """`text` escaped, with each searched word wrapped in <mark>, cut to about `limit` characters.

    When the text is cut, the window starts a little before the first match, so the reader sees
    why the result was found.
    """
    text = text or ""
    found = spans(text, terms)
    start, end = 0, len(text)
    if limit and len(text) > limit:
        first = found[0][0] if found else 0
        start = max(0, first - limit // 4)
        if start:
            # Start at a word boundary.
            space = text.find(" ", start)
            start = space + 1 if 0 <= space < first else start
        end = min(len(text), start + limit)
        if end < len(text):
            space = text.rfind(" ", start, end)
            end = space if space > start else end
    parts = ["…" if start else ""]
    cursor = start
    for span_start, span_end in found:
        if span_end <= cursor or span_start >= end:
            continue
        span_start, span_end = max(span_start, cursor), min(span_end, end)
        parts.append(escape(text[cursor:span_start]))
        parts.append(f"<mark>{escape(text[span_start:span_end])}</mark>")
        cursor = span_end
    parts.append(escape(text[cursor:end]))
    if end < len(text):
        parts.append("…")
    return mark_safe("".join(parts))  # every piece of text above is escaped


def restore_marks(folded_phrase: str, text: str) -> str | None:
    """The words of `text` that fold to `folded_phrase`, as written there ("camera an ninh" ->
    "Camera an ninh"), or None when the phrase does not occur in `text`."""
    words = folded_phrase.split()
    if not words or not text:
        return None
    pattern = re.compile(
        r"(?<![^\W_])" + r"[\W_]+".join(map(re.escape, words)) + r"(?![^\W_])",
    )
    folded, positions = fold_with_map(text)
    match = pattern.search(folded)
    if not match:
        return None
    start, end = positions[match.start()], positions[match.end() - 1] + 1
    while end < len(text) and unicodedata.combining(text[end]):
        end += 1
    return text[start:end]
