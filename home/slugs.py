"""Readable ASCII slugs from Vietnamese titles ("Đống Đa" -> "dong-da").

Django's slugify(allow_unicode=False) drops "đ" because it has no Unicode decomposition;
anyascii (a Wagtail dependency) transliterates it, so we go through anyascii first.
"""

import re
import unicodedata
from functools import lru_cache

from anyascii import anyascii
from django.utils.text import slugify


def ascii_slugify(text: str, max_length: int | None = None) -> str:
    """An ASCII slug; when `max_length` is given, cut at a word boundary, never mid-word."""
    slug = slugify(anyascii(text or ""))
    if max_length and len(slug) > max_length:
        cut = slug[: max_length + 1].rsplit("-", 1)[0]
        slug = cut if cut else slug[:max_length]
    return slug


# Latin letters with marks, the same way `ascii_slugify` reads them ("ư" -> "u", "đ" -> "d").
_LATIN_WITH_MARKS = (*range(0xC0, 0x250), *range(0x1E00, 0x1F00))


@lru_cache(maxsize=1)
def transliteration_rules() -> tuple[tuple[str, str], ...]:
    """Regex rules (a character class and its ASCII letters) that turn Vietnamese and other
    marked Latin letters into the letters `ascii_slugify` gives them, plus one that drops
    combining marks (titles typed with a decomposed keyboard layout).

    The admin's slug field applies them in the browser as the title is typed (Wagtail's slug
    JavaScript takes them as its `formatters`), so the slug an editor sees is the one the
    server would make: "Người dân Đống Đa" -> "nguoi-dan-dong-da", not Wagtail's "ngi-dan-djng-dja".
    """
    groups: dict[str, list[str]] = {}
    for code in _LATIN_WITH_MARKS:
        char = chr(code)
        letters = anyascii(char).lower()
        if char.isalpha() and letters.isascii() and letters.isalpha() and letters != char.lower():
            groups.setdefault(letters, []).append(char)
    rules = [(f"[{''.join(chars)}]", letters) for letters, chars in groups.items()]
    return (("[\u0300-\u036f]", ""), *rules)


# What Wagtail's own slug JavaScript made of a marked letter: its plain letter or nothing, and
# "dj" for đ (its Serbian map). A slug it wrote is the title with some marked letters lost.
_GARBLED_EXTRA = {"d": ("dj",)}


def _title_tokens(title: str):
    """(choices, optional) for each character of the title, as Wagtail's JavaScript could have
    written it: ASCII letters and digits stay, marked letters may have become their plain
    letter(s) or nothing, anything else may have become a hyphen or nothing."""
    for char in unicodedata.normalize("NFC", title.lower()):
        if char.isascii() and char.isalnum():
            yield (char,), False
        elif char.isalpha() and unicodedata.category(char).startswith("L"):
            plain = anyascii(char).lower()
            if plain.isascii() and plain.isalpha():
                yield (plain, *_GARBLED_EXTRA.get(plain, ())), True
            else:
                yield (), True
        else:
            yield ("-",), True


def is_garbled_slug(slug: str, title: str) -> bool:
    """True when `slug` is the title as Wagtail's slug JavaScript wrote it before the site's
    widget (`editorial/widgets.py`) transliterated first: "ngi-dan-djng-dja" for "Người dân
    Đống Đa". A slug the editor chose (not made from the title) or the readable one is never
    garbled. Matched position by position (no regular expression: no backtracking on long titles).
    """
    readable = ascii_slugify(title)
    slug = re.sub("-{2,}", "-", (slug or "").lower()).strip("-")
    if not slug or not readable or slug == readable:
        return False
    if _follows_title(slug, title):
        return True
    # Wagtail's "-2" when the garbled slug was taken already.
    stem, _, number = slug.rpartition("-")
    return number.isdigit() and bool(stem) and stem != readable and _follows_title(stem, title)


def _follows_title(slug: str, title: str) -> bool:
    positions = {0}
    for choices, optional in _title_tokens(title):
        reached = {at + len(choice) for at in positions for choice in choices if slug.startswith(choice, at)}
        positions = reached | positions if optional else reached
        if not positions:
            return False
    return len(slug) in positions
