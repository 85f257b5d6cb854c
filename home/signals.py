"""Purge what a publication changes from the front-end cache (CDN), when one is configured.

Wagtail's frontend_cache app already purges the page itself on publish and unpublish; the
listings that show it (its section and the home page) change too, so they are purged here.
"""

from django.dispatch import Signal
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.signals import page_published, page_unpublished

# Sent when a page's live content was changed in place, without a publication (a consent
# withdrawal), with `instance` (the page, specific) and `urls` (addresses that must stop
# answering: the files of a deleted photo). Receivers drop what they derived from the page
# (feeds: its share cards) and purge their own addresses; the receiver here purges the page,
# its section, the home page and `urls` from the front-end cache.
page_redacted = Signal()


def purge_ancestors(sender, instance, **kwargs):
    batch = PurgeBatch()
    batch.add_pages(instance.get_ancestors().filter(depth__gte=2).specific())
    batch.purge()


def purge_redacted(sender, instance, urls=(), **kwargs):
    batch = PurgeBatch()
    batch.add_page(instance)
    batch.add_pages(instance.get_ancestors().filter(depth__gte=2).specific())
    batch.add_urls(list(urls))
    batch.purge()


def connect():
    page_published.connect(purge_ancestors, dispatch_uid="binhyen_purge_ancestors_published")
    page_unpublished.connect(purge_ancestors, dispatch_uid="binhyen_purge_ancestors_unpublished")
    page_redacted.connect(purge_redacted, dispatch_uid="binhyen_purge_redacted")
