"""Readable ASCII slugs from Vietnamese titles ("Đống Đa" -> "dong-da").

Django's slugify(allow_unicode=False) drops "đ" because it has no Unicode decomposition;
anyascii (a Wagtail dependency) transliterates it, so we go through anyascii first.
"""

from anyascii import anyascii
from django.utils.text import slugify


def ascii_slugify(text: str) -> str:
    return slugify(anyascii(text or ""))
