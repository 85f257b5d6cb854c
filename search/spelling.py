"""Spelling help: "camra" -> "camera", "hoankiem" -> "hoan kiem".

The vocabulary is the folded words of what readers may find (the index entries of searchable
pages, title and body, the most recent VOCABULARY_PAGES of them), with the number of pages each
word is in. It is built from the database
index on every backend (Elasticsearch keeps that index too, as its fallback) and kept in the
cache until the content changes, for an hour at most.

A query word is corrected only when it is not in the vocabulary and is not a synonym or acronym
the list knows: first to a word one edit away (a letter missing, extra, wrong or two swapped),
then to a split into known words ("hoankiem"), then, for longer words, two edits away. Among
candidates the word on the most pages wins.
"""

from __future__ import annotations

from collections import Counter

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import TextField
from django.db.models.functions import Cast
from modelsearch.conf import get_app_config
from wagtail.models import Page, get_page_models

from home.content_version import cached

ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789"
MIN_LENGTH = 3  # shorter words are too ambiguous to correct
TWO_EDITS_FROM = 7  # words this long may be two edits away
# The vocabulary is read from the pages indexed last, at most this many: it takes about 0.4 s for
# 10,000 pages, once per change of content. A rarer word of an older page is still found by the
# search itself; it only cannot be offered as a correction.
VOCABULARY_PAGES = 20_000


def _page_content_types() -> list[int]:
    return [ContentType.objects.get_for_model(model).pk for model in get_page_models() if model is not Page]


def build_vocabulary(pages) -> dict[str, int]:
    """{folded word: number of pages with it} over the index entries of `pages` (a page queryset)."""
    entry = get_app_config().get_model("IndexEntry")
    columns = ("title_text", "body_text") if connection.vendor == "postgresql" else ("title", "body")
    allowed = pages.order_by().annotate(_pk_text=Cast("pk", TextField())).values("_pk_text")
    entries = (
        entry.objects.filter(content_type_id__in=_page_content_types(), object_id__in=allowed)
        .order_by("-id")
        .values_list(*columns)[:VOCABULARY_PAGES]
    )
    counts: Counter[str] = Counter()
    for title, body in entries.iterator(chunk_size=2000):
        counts.update(set(f"{title or ''} {body or ''}".split()))
    return dict(counts)


def vocabulary(request, pages) -> dict[str, int]:
    """The vocabulary of `pages` (the searchable pages), cached under the content version."""
    return cached("search:vocabulary", lambda: build_vocabulary(pages), request, timeout=3600)


def _one_edit(word: str) -> set[str]:
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = {left + right[1:] for left, right in splits if right}
    swaps = {left + right[1] + right[0] + right[2:] for left, right in splits if len(right) > 1}
    replaces = {left + char + right[1:] for left, right in splits if right for char in ALPHABET}
    inserts = {left + char + right for left, right in splits for char in ALPHABET}
    return (deletes | swaps | replaces | inserts) - {word}


def _best(candidates, vocab) -> str | None:
    known = [word for word in candidates if word in vocab]
    return max(known, key=lambda word: (vocab[word], word)) if known else None


def _split(word: str, vocab) -> str | None:
    """`word` as two or three known words of at least two letters ("hoankiem" -> "hoan kiem"),
    the split whose rarest part is on the most pages."""
    best, best_score = None, 0
    for i in range(2, len(word) - 1):
        left, right = word[:i], word[i:]
        if left not in vocab:
            continue
        options = [[right]] if right in vocab else []
        options += [
            [right[:j], right[j:]]
            for j in range(2, len(right) - 1)
            if right[:j] in vocab and right[j:] in vocab
        ]
        for rest in options:
            parts = [left, *rest]
            score = min(vocab[part] for part in parts) / len(parts)
            if score > best_score:
                best, best_score = " ".join(parts), score
    return best


def distance(a: str, b: str, bound: int) -> int:
    """Edits (insert, delete, replace, swap of neighbours) from `a` to `b`; bound + 1 once it
    is more than `bound`."""
    previous2, previous = None, list(range(len(b) + 1))
    for i, char_a in enumerate(a, start=1):
        current = [i] + [0] * len(b)
        for j, char_b in enumerate(b, start=1):
            cost = char_a != char_b
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > bound:
            return bound + 1
        previous2, previous = previous, current
    return previous[-1]


def _two_edits(word: str, vocab) -> str | None:
    """The commonest word two edits away, among words of about the same length that start
    with the same letter (readers rarely miss the first one)."""
    nearby = [
        other
        for other in vocab
        if other[:1] == word[:1] and abs(len(other) - len(word)) <= 2 and distance(word, other, 2) <= 2
    ]
    return _best(nearby, vocab)


def correct_word(word: str, vocab: dict[str, int]) -> str | None:
    """The most likely intended word(s) for a word the vocabulary lacks, or None."""
    if word in vocab or len(word) < MIN_LENGTH or word.isdigit():
        return None
    return (
        _best(_one_edit(word), vocab)
        or _split(word, vocab)
        or (_two_edits(word, vocab) if len(word) >= TWO_EDITS_FROM else None)
    )


def correct(groups, vocab) -> list[tuple[str, bool]] | None:
    """[(words, changed)] for the query's groups (see search.synonyms.expand), or None when no
    word needs correcting. A group the synonym list knows is left as typed."""
    corrected, changed = [], False
    for group in groups:
        typed = " ".join(group[0])
        if len(group) == 1 and len(group[0]) == 1:
            better = correct_word(typed, vocab)
            if better:
                corrected.append((better, True))
                changed = True
                continue
        corrected.append((typed, False))
    return corrected if changed else None
