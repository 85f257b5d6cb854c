"""Template helpers for the site shell: navigation, phone links, Vietnamese dates."""

import re

from django import template
from django.utils import timezone
from wagtail.models import Page, Site

register = template.Library()


@register.filter
def tel_href(number: str) -> str:
    """`0243 942 4224` -> `tel:02439424224`, keeping a leading + for international numbers."""
    number = number or ""
    digits = re.sub(r"[^0-9]", "", number)
    return f"tel:{'+' if number.strip().startswith('+') else ''}{digits}"


@register.simple_tag(takes_context=True)
def main_sections(context):
    """The live section pages directly under the site's home page, in menu order."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return Page.objects.none()
    return site.root_page.get_children().live().public().in_menu().only("title", "url_path", "path")


WEEKDAYS = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật"]


@register.filter
def vn_weekday(value) -> str:
    """The Vietnamese weekday of a date or datetime (in Asia/Ho_Chi_Minh)."""
    if value is None:
        return ""
    if hasattr(value, "tzinfo") and value.tzinfo is not None:
        value = timezone.localtime(value)
    return WEEKDAYS[value.weekday()]
