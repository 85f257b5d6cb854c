"""Template helpers for the site shell: navigation, phone links, share images, structured data."""

import json
import re
from dataclasses import dataclass

from django import template
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from wagtail import hooks
from wagtail.models import Page, Site

from home import structured_data
from home.content_version import cached
from home.models.base import SHARE_IMAGE_SPEC
from home.slugs import ascii_slugify

register = template.Library()


@register.filter
def tel_href(number: str) -> str:
    """`0243 942 4224` -> `tel:02439424224`, keeping a leading + for international numbers."""
    number = number or ""
    digits = re.sub(r"[^0-9]", "", number)
    return f"tel:{'+' if number.strip().startswith('+') else ''}{digits}"


@register.simple_tag(takes_context=True)
def main_sections(context):
    """The live section pages directly under the site's home page, marked when we are inside.

    Every page prints this menu; it is kept per site until the content changes.
    """
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return []

    def build():
        children = site.root_page.get_children().live().public().in_menu()
        return [
            {"pk": child.pk, "title": child.title, "url": child.get_url(request), "path": child.path}
            for child in children.only("title", "url_path", "path", "depth")
        ]

    current = context.get("page")
    return [
        {**section, "is_current": bool(current and current.path.startswith(section["path"]))}
        for section in cached(f"main-sections:{site.pk}", build, request)
    ]


@register.filter
def ascii_slug(text: str) -> str:
    """`trẻ em` -> `tre-em`, for readable filter links."""
    return ascii_slugify(text)


@register.filter
def iso(value) -> str:
    """A date or datetime as ISO 8601 without fractions of a second (valid in `<time>` and meta),
    datetimes in Vietnam time: 2026-11-21T14:30:00+07:00."""
    if not value:
        return ""
    if hasattr(value, "tzinfo") and value.tzinfo is not None:
        value = timezone.localtime(value).replace(microsecond=0)
    return value.isoformat()


WEEKDAYS = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật"]


@register.filter
def vn_weekday(value) -> str:
    """The Vietnamese weekday of a date or datetime (in Asia/Ho_Chi_Minh)."""
    if value is None:
        return ""
    if hasattr(value, "tzinfo") and value.tzinfo is not None:
        value = timezone.localtime(value)
    return WEEKDAYS[value.weekday()]


@dataclass
class ShareImage:
    url: str
    width: int
    height: int
    alt: str


@register.simple_tag(takes_context=True)
def share_image(context):
    """The 1200x630 link-preview image of a page that has no share card: the site's default.

    Articles (pages with a sapo) preview with their generated share card instead (meta.html).
    """
    image = context["settings"]["home"]["SiteSettings"].default_share_image
    if image is None:
        return None
    rendition = image.get_rendition(SHARE_IMAGE_SPEC)
    return ShareImage(
        url=context["request"].build_absolute_uri(rendition.url),
        width=rendition.width,
        height=rendition.height,
        alt=image.default_alt_text,
    )


def _json_ld(data: dict) -> str:
    # Escape <, > and & so text from editors can never close the script element.
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))


@register.simple_tag(takes_context=True)
def organization_json_ld(context):
    """schema.org Organization of the unit that runs the site, from site settings."""
    request = context.get("request")
    if request is None:
        return ""
    return _json_ld(structured_data.organization(request, context["settings"]["home"]["SiteSettings"]))


@register.simple_tag(takes_context=True)
def page_json_ld(context, page: Page):
    """schema.org data for a content page (NewsArticle, Event…), if its type has some."""
    request = context["request"]
    data = structured_data.for_page(page, request, context["settings"]["home"]["SiteSettings"])
    return _json_ld(data) if data else ""


# --- Page hooks: what other apps add to the shell's pages, without the shell naming them ---
#
#   site_page_head(context) -> html       inside <head>, on every page
#   site_share_card_url(request, page)    a generated link-preview image for a page ("" if none)
#   site_article_end(context, page) -> html   under the body of an article
#
# Apps register them as Wagtail hooks (feeds: feed discovery, share cards, the fanpage caption).


@register.simple_tag(takes_context=True)
def page_head_extras(context):
    return mark_safe("".join(html for fn in hooks.get_hooks("site_page_head") if (html := fn(context))))


@register.simple_tag(takes_context=True)
def article_end_extras(context, page):
    return mark_safe(
        "".join(html for fn in hooks.get_hooks("site_article_end") if (html := fn(context, page)))
    )


@register.simple_tag(takes_context=True)
def share_card_url(context, page) -> str:
    """The first generated share image an app offers for this page, or ""."""
    request = context.get("request")
    return next((url for fn in hooks.get_hooks("site_share_card_url") if (url := fn(request, page))), "")


# A card's words and pictures change only with the content (the content version), but a forum's
# kicker follows the clock ("Sắp diễn ra" → "Đã diễn ra"): kept five minutes at most, less than
# a shared cache may keep the whole page (`PUBLIC_CACHE_S_MAXAGE`).
CARD_SECONDS = 300


@register.simple_tag(takes_context=True)
def card(context, item, heading: str = ""):
    """`includes/card.html` for one listed page, kept as HTML until the content changes: the
    `{% picture %}` of its lead image in three formats and two widths is most of the work of a
    listing, and the same card shows on the home page, its section, filters and related lists."""
    from django.template.loader import render_to_string

    request = context.get("request")

    def build():
        return render_to_string("includes/card.html", {"item": item, "heading": heading})

    # Without a request (inside a fragment kept on its own, as the related stories) the
    # content version would be read once a card: the enclosing fragment is kept instead.
    if request is None or getattr(request, "is_preview", False) or not item.pk:
        return mark_safe(build())
    key = f"card:{item._meta.label_lower}:{item.pk}:{heading}"
    return mark_safe(cached(key, build, request, timeout=CARD_SECONDS))


@register.simple_tag(takes_context=True)
def related_pages(context, page, title: str = ""):
    """What to read after an article (`includes/related.html` with `page.related_pages`),
    kept as HTML until the content changes: a page view costs no query for it. A preview (the
    editor's unsaved page) is rendered afresh."""
    from django.template.loader import render_to_string

    request = context.get("request")

    def build():
        return render_to_string("includes/related.html", {"page": page, "title": title})

    if getattr(request, "is_preview", False) or not page.pk:
        return mark_safe(build())
    return mark_safe(cached(f"related:{page.pk}", build, request))
