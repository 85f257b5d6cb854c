"""Synonyms and acronyms applied to a query: each word (or phrase) of the query becomes a group
of alternatives, so "pccc" also searches "phòng cháy chữa cháy" and the other way round.

The groups come from `search.models.SynonymGroup` (edited in the admin, loaded with the common
ones by search/migrations/0002), read once per change of the list. The same expansion feeds every
backend; Elasticsearch's index settings also carry the list as a synonym filter (see
search/backends/elasticsearch.py), for text that reaches it some other way.
"""

from __future__ import annotations

from django.core.cache import cache
from django.db import DatabaseError
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from search.models import SynonymGroup

CACHE_KEY = "search:synonyms:v1"

Phrase = tuple[str, ...]


def synonym_sets() -> list[list[Phrase]]:
    """Every group's folded phrases, cached until the list changes."""
    sets = cache.get(CACHE_KEY)
    if sets is None:
        try:
            sets = [group.folded_phrases() for group in SynonymGroup.objects.all()]
        except DatabaseError:  # the table is missing (before migrate): search without synonyms
            return []
        cache.set(CACHE_KEY, sets, 24 * 3600)
    return sets


@receiver(post_save, sender=SynonymGroup)
@receiver(post_delete, sender=SynonymGroup)
def _forget(**kwargs):
    cache.delete(CACHE_KEY)


def _lookup() -> tuple[dict[Phrase, list[Phrase]], int]:
    """{phrase: its alternatives (itself first)}, and the longest phrase's length."""
    table: dict[Phrase, list[Phrase]] = {}
    longest = 1
    for phrases in synonym_sets():
        for phrase in phrases:
            merged = table.setdefault(phrase, [phrase])
            merged.extend(other for other in phrases if other not in merged)
            longest = max(longest, len(phrase))
    return table, longest


def expand(terms: list[str]) -> list[list[Phrase]]:
    """The query's words as groups of alternatives, longest phrase first:
    ["tp", "hcm", "camera"] -> [[("tp", "hcm"), ("ho", "chi", "minh"), …], [("camera",)]]."""
    table, longest = _lookup()
    groups: list[list[Phrase]] = []
    position = 0
    while position < len(terms):
        for size in range(min(longest, len(terms) - position), 0, -1):
            phrase = tuple(terms[position : position + size])
            if phrase in table:
                groups.append(table[phrase])
                position += size
                break
        else:
            groups.append([(terms[position],)])
            position += 1
    return groups


def words_of(groups: list[list[Phrase]]) -> list[str]:
    """Every word of every alternative (for highlighting what was found)."""
    seen: dict[str, None] = {}
    for group in groups:
        for phrase in group:
            for word in phrase:
                seen.setdefault(word, None)
    return list(seen)
