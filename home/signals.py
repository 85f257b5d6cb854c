"""Purge what a publication changes from the front-end cache (CDN), when one is configured.

Wagtail's frontend_cache app already purges the page itself on publish and unpublish; the
listings that show it (its section and the home page) change too, so they are purged here.
"""

from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.signals import page_published, page_unpublished


def purge_ancestors(sender, instance, **kwargs):
    batch = PurgeBatch()
    batch.add_pages(instance.get_ancestors().filter(depth__gte=2).specific())
    batch.purge()


def connect():
    page_published.connect(purge_ancestors, dispatch_uid="binhyen_purge_ancestors_published")
    page_unpublished.connect(purge_ancestors, dispatch_uid="binhyen_purge_ancestors_unpublished")
