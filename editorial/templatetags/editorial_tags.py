"""Template tags of the admin's shell."""

from django import template

from editorial.admin_shell import GUIDE_TITLE, GUIDE_URL_NAME, product_name

register = template.Library()


@register.simple_tag
def site_product_name() -> str:
    """The product's name (WAGTAIL_SITE_NAME, "Bình Yên") where Wagtail writes "Wagtail"."""
    return product_name()


@register.simple_tag
def editors_guide_url() -> str:
    from django.urls import reverse

    return reverse(GUIDE_URL_NAME)


@register.simple_tag
def editors_guide_title() -> str:
    return GUIDE_TITLE
