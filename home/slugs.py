"""Readable ASCII slugs from Vietnamese titles ("Đống Đa" -> "dong-da").

Django's slugify(allow_unicode=False) drops "đ" because it has no Unicode decomposition;
anyascii (a Wagtail dependency) transliterates it, so we go through anyascii first.
"""

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
