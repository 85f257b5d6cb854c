"""Readable ASCII slugs from Vietnamese titles ("Đống Đa" -> "dong-da").

Django's slugify(allow_unicode=False) drops "đ" because it has no Unicode decomposition;
anyascii (a Wagtail dependency) transliterates it, so we go through anyascii first.
"""

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

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


@lru_cache(maxsize=1)
def _wagtail_character_map() -> dict[str, str]:
    """The character map of Wagtail's own slug JavaScript (its `urlify` downcoder), read from
    the installed admin script so it is the one the editors' browsers ran. Empty if it cannot
    be read: then no slug counts as garbled."""
    import wagtail.admin

    script = Path(wagtail.admin.__file__).parent / "static" / "wagtailadmin" / "js" / "core.js"
    try:
        text = script.read_text(encoding="utf-8")
    except OSError:
        return {}
    # Later maps win, as in the downcoder; its keys are single non-ASCII characters.
    pairs = re.findall(r'\["([^"\\])","([^"\\]*)"\]', text)
    return {char: letters for char, letters in pairs if not char.isascii()}


def wagtail_js_slug(title: str) -> str:
    """The slug Wagtail's JavaScript wrote for `title` without the site's widget: its character
    map, then everything but ASCII letters, digits, "_", "-" and spaces dropped, spaces and
    hyphens joined into one hyphen, lower case ("Người dân Đống Đa" -> "ngi-dan-djng-dja")."""
    table = _wagtail_character_map()
    if not table:
        return ""
    text = "".join(table.get(char, char) for char in unicodedata.normalize("NFC", title))
    text = re.sub(r"[^-A-Za-z0-9_\s]", "", text).strip()
    return re.sub(r"[-\s]+", "-", text).lower().strip("-")


def is_garbled_slug(slug: str, title: str) -> bool:
    """True when `slug` is exactly what Wagtail's slug JavaScript made of the title (or that with
    Wagtail's "-2" when it was taken) and not the readable slug: "ngi-dan-djng-dja" for "Người
    dân Đống Đa". A slug the editor chose or shortened is never garbled."""
    garbled = wagtail_js_slug(title)
    if not slug or not garbled or garbled == ascii_slugify(title):
        return False
    stem, _, number = slug.rpartition("-")
    return slug == garbled or (number.isdigit() and stem == garbled)
