"""Serializer fields the content kinds use to declare what the headless API shows (`api_fields`).

Content models list their fields in Wagtail's `api_fields` (as they list `search_fields`); the
API app (`api/`) serves them through Wagtail's API v2 and builds its OpenAPI schema from the
same declarations, so each field class here says what it prints as JSON Schema (`json_schema`).

Nothing here prints raw editor storage: rich text comes out as HTML with its internal links
expanded, images as renditions with their width and height, streams as plain values.
"""

from __future__ import annotations

import datetime
import re
from decimal import Decimal

from django.conf import settings
from rest_framework import fields as drf
from wagtail.images.models import AbstractImage, SourceImageIOError
from wagtail.rich_text import RichText, expand_db_html

# The size apps get for a lead or gallery image: the link-preview size the site already draws.
IMAGE_SPEC = "fill-1200x630-c75|format-jpeg|jpegquality-80"

RENDITION_SCHEMA = {
    "type": "object",
    "description": "Ảnh đã dựng sẵn (rendition), kèm kích thước.",
    "required": ["url", "full_url", "width", "height", "alt"],
    "properties": {
        "url": {"type": "string"},
        "full_url": {"type": "string"},
        "width": {"type": "integer", "minimum": 1},
        "height": {"type": "integer", "minimum": 1},
        "alt": {"type": "string"},
    },
    "additionalProperties": False,
}

HERO_SCHEMA = {
    "type": "object",
    "nullable": True,
    "description": "Ảnh đại diện; null khi bài không có ảnh hoặc nhân vật không đồng ý đăng ảnh.",
    "required": ["image", "caption", "credit"],
    "properties": {"image": RENDITION_SCHEMA, "caption": {"type": "string"}, "credit": {"type": "string"}},
    "additionalProperties": False,
}

PAGE_LINK_SCHEMA = {
    "type": "object",
    "nullable": True,
    "required": ["id", "title", "html_url"],
    "properties": {"id": {"type": "integer"}, "title": {"type": "string"}, "html_url": {"type": "string"}},
    "additionalProperties": False,
}

# One row of the shared structured blocks (home.blocks), as `plain` prints them.
KEY_FIGURE_ROW = {
    "type": "object",
    "required": ["label", "value", "unit", "as_of"],
    "properties": {
        "label": {"type": "string"},
        "value": {"type": "number"},
        "unit": {"type": "string"},
        "as_of": {"type": "string", "format": "date"},
    },
}
DOCUMENT_ROW = {
    "type": "object",
    "required": ["document", "title"],
    "properties": {
        "document": {
            "type": "object",
            "nullable": True,
            "required": ["title", "url"],
            "properties": {"title": {"type": "string"}, "url": {"type": "string"}},
        },
        "title": {"type": "string"},
    },
}
CAPTIONED_IMAGE_ROW = {
    "type": "object",
    "required": ["image", "caption", "credit"],
    "properties": {
        "image": {**RENDITION_SCHEMA, "nullable": True},
        "caption": {"type": "string"},
        "credit": {"type": "string"},
    },
}


def page_link(page) -> dict:
    """Another page, as a link an app can follow (its id for the API's detail address)."""
    return {"id": page.pk, "title": page.title, "html_url": page.full_url}


ADDRESS_RE = re.compile(r'(\s(?:src|href|srcset)=")([^"]*)"')


def absolute_addresses(html: str) -> str:
    """Site-relative addresses in `src`, `href` and `srcset` made absolute, so an app that shows
    the HTML outside the site (a Mini App, a native view) still finds the images and pages."""
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")

    def absolute(address: str) -> str:
        address = address.strip()
        return base + address if address.startswith("/") and not address.startswith("//") else address

    def replace(match) -> str:
        attribute, value = match.group(1), match.group(2)
        if attribute.strip().startswith("srcset"):
            value = ", ".join(
                " ".join([absolute(part.split(" ", 1)[0]), *part.split(" ", 1)[1:]])
                for part in (p.strip() for p in value.split(","))
                if part
            )
        else:
            value = absolute(value)
        return f'{attribute}{value}"'

    return ADDRESS_RE.sub(replace, html)


def rendition_of(image, spec: str = IMAGE_SPEC) -> dict | None:
    """An image as apps use it: a rendition's address and size; None if the file is missing."""
    try:
        rendition = image.get_rendition(spec)
    except SourceImageIOError:
        return None
    return {
        "url": rendition.url,
        "full_url": rendition.full_url,
        "width": rendition.width,
        "height": rendition.height,
        "alt": rendition.alt,
    }


def plain(value):
    """A block value as JSON: rich text as HTML, images as renditions, documents as links."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, RichText):
        return absolute_addresses(expand_db_html(value.source))
    if isinstance(value, AbstractImage):
        return rendition_of(value)
    if hasattr(value, "file") and hasattr(value, "title") and hasattr(value, "url"):  # a document
        return {"title": value.title, "url": value.url}
    if hasattr(value, "items"):  # a StructValue
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple) or hasattr(value, "__iter__"):
        return [plain(item) for item in value]
    return str(value)


class RenditionField(drf.Field):
    """An image field (or property) as a rendition with width and height, or null."""

    json_schema = {**RENDITION_SCHEMA, "nullable": True}

    def __init__(self, spec: str = IMAGE_SPEC, **kwargs):
        self.spec = spec
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, image):
        return rendition_of(image, self.spec)


class RichTextHTMLField(drf.Field):
    """A RichTextField as HTML readers' browsers can show (links to pages and documents expanded)."""

    json_schema = {"type": "string", "description": "HTML"}

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, value):
        return absolute_addresses(expand_db_html(value or ""))


class StreamHTMLField(drf.Field):
    """A StreamField rendered to HTML with the site's own block templates (images as renditions
    with width and height, embeds, quotes), as the page shows it."""

    json_schema = {"type": "string", "description": "HTML"}

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, value):
        return absolute_addresses(str(value.render_as_block())) if value else ""


class StreamRowsField(drf.Field):
    """A StreamField of one kind of structured row (key figures, agenda items, chairs, gallery
    images, documents) as a list of plain objects; `row_schema` describes one row."""

    def __init__(self, row_schema: dict, **kwargs):
        self.json_schema = {"type": "array", "items": row_schema}
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, value):
        return [plain(child.value) for child in value] if value else []


class SchemaField(drf.ReadOnlyField):
    """A read-only property that already answers plain JSON, with the schema it follows."""

    def __init__(self, json_schema: dict, **kwargs):
        self.json_schema = json_schema
        super().__init__(**kwargs)


class PlaceField(drf.Field):
    """Where it happened: the words readers see, and the slugs of `tinh=` and `xa=`."""

    json_schema = {
        "type": "object",
        "required": ["name", "tinh", "xa"],
        "properties": {
            "name": {"type": "string", "description": "Ví dụ: Phường Láng, Hà Nội"},
            "tinh": {"type": "string", "nullable": True, "description": "giá trị của tham số tinh"},
            "xa": {"type": "array", "items": {"type": "string"}, "description": "giá trị của tham số xa"},
        },
        "additionalProperties": False,
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        kwargs.setdefault("source", "*")
        super().__init__(**kwargs)

    def to_representation(self, page):
        province = getattr(page, "province", None)
        return {
            "name": page.place_name,
            "tinh": province.slug if province is not None else None,
            "xa": [commune.slug for commune in page.place_communes()],
        }


def text(**kwargs) -> drf.CharField:
    """A read-only text property (a kicker, a label)."""
    return drf.CharField(read_only=True, **kwargs)


def texts(**kwargs) -> drf.ListField:
    """A read-only list of texts (topic names)."""
    return drf.ListField(child=drf.CharField(), read_only=True, **kwargs)
