"""Readable ASCII slugs from Vietnamese titles ("Đống Đa" -> "dong-da").

Django's slugify(allow_unicode=False) drops "đ" because it has no Unicode decomposition;
anyascii (a Wagtail dependency) transliterates it, so we go through anyascii first.
"""

from anyascii import anyascii
from django.utils.text import slugify


def ascii_slugify(text: str, max_length: int | None = None) -> str:
    """An ASCII slug; when `max_length` is given, cut at a word boundary, never mid-word."""
    slug = slugify(anyascii(text or ""))
    if max_length and len(slug) > max_length:
        cut = slug[: max_length + 1].rsplit("-", 1)[0]
        slug = cut if cut else slug[:max_length]
    return slug
