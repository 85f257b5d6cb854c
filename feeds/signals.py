"""What feeds derived from a page, dropped when the page is redacted in place (home.signals)."""

from django.urls import reverse
from wagtail.contrib.frontend_cache.utils import PurgeBatch

from feeds import sharecard
from home.signals import page_redacted


def drop_share_cards(sender, instance, **kwargs):
    """A share card drawn before a withdrawal may show the person's photo and name: delete the
    stored cards of the page and purge their addresses (served `immutable` for a year), with
    the site's main feeds."""
    dropped = sharecard.drop_cards(instance)
    site = instance.get_site()
    if site is None:
        return
    root = site.root_url
    batch = PurgeBatch()
    for file_name in dropped:
        digest = file_name.removeprefix(f"{instance.pk}-").removesuffix(".jpg")
        batch.add_url(root + reverse("feeds:share_card", args=[instance.pk, digest]))
    for name in ("rss", "atom", "json"):
        batch.add_url(root + reverse(f"feeds:{name}"))
    batch.purge()


def connect():
    page_redacted.connect(drop_share_cards, dispatch_uid="binhyen_feeds_drop_share_cards")
