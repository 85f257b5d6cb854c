"""What feeds derive from a page: its share card, drawn in a task when the page is published,
and dropped with its front-cache addresses when the page is redacted in place (home.signals)."""

from django.urls import reverse
from wagtail.signals import page_published

from feeds import sharecard
from feeds.tasks import draw_share_card
from home import kinds
from home import tasks as home_tasks
from home.signals import page_redacted


def drop_share_cards(sender, instance, **kwargs):
    """A share card drawn before a withdrawal may show the person's photo and name: delete the
    stored cards of the page and purge their addresses (served `immutable` for a year), with
    the site's main feeds. The files go at once; the purge is a task (home.tasks)."""
    dropped = sharecard.drop_cards(instance)
    site = instance.get_site()
    if site is None or not home_tasks.front_cache_configured():
        return
    root = site.root_url
    urls = []
    for file_name in dropped:
        digest = file_name.removeprefix(f"{instance.pk}-").removesuffix(".jpg")
        urls.append(root + reverse("feeds:share_card", args=[instance.pk, digest]))
    for name in ("rss", "atom", "json"):
        urls.append(root + reverse(f"feeds:{name}"))
    home_tasks.purge_front_cache.enqueue(page_ids=[], urls=urls)


def draw_card_on_publish(sender, instance, **kwargs):
    """Content pages (those of a registered kind) get their card drawn off the request."""
    if kinds.of_article(instance) is not None:
        draw_share_card.enqueue(instance.pk)


def connect():
    page_redacted.connect(drop_share_cards, dispatch_uid="binhyen_feeds_drop_share_cards")
    page_published.connect(draw_card_on_publish, dispatch_uid="binhyen_feeds_draw_share_card")
