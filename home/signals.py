"""Purge what a publication changes from the front-end cache (CDN), when one is configured.

Wagtail's frontend_cache app already purges the page itself on publish and unpublish; the
listings that show it (its section and the home page) change too, so they are purged here.
The request only names them (page ids, one query); working out their URLs and the purge itself
are a task (`home.tasks.purge_front_cache`), enqueued only when a front-end cache is configured.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import Signal
from wagtail.signals import page_published, page_unpublished

from home import tasks
from home.content_version import VERSIONED_MODELS, forget_recent_version

# Sent when a page's live content was changed in place, without a publication (a consent
# withdrawal), with `instance` (the page, specific) and `urls` (addresses that must stop
# answering: the files of a deleted photo). Receivers drop what they derived from the page
# (feeds: its share cards) and purge their own addresses; the receiver here purges the page,
# its section, the home page and `urls` from the front-end cache.
page_redacted = Signal()


def _ancestor_ids(page) -> list[int]:
    """The page's section(s) and the home page; ids are taken now, as the page itself may be
    gone (deleted) by the time the task runs."""
    return list(page.get_ancestors().filter(depth__gte=2).values_list("pk", flat=True))


def purge_ancestors(sender, instance, **kwargs):
    if tasks.front_cache_configured():
        tasks.purge_front_cache.enqueue(page_ids=_ancestor_ids(instance))


def purge_redacted(sender, instance, urls=(), **kwargs):
    if tasks.front_cache_configured():
        tasks.purge_front_cache.enqueue(page_ids=[instance.pk, *_ancestor_ids(instance)], urls=list(urls))


def forget_version(sender, instance, **kwargs):
    """A row the content version counts was saved or deleted. The check is on the instance: a
    page's signal names its concrete class (StoryPage…), not `Page`."""
    if isinstance(instance, VERSIONED_MODELS):
        forget_recent_version()


def connect():
    page_published.connect(purge_ancestors, dispatch_uid="binhyen_purge_ancestors_published")
    page_unpublished.connect(purge_ancestors, dispatch_uid="binhyen_purge_ancestors_unpublished")
    page_redacted.connect(purge_redacted, dispatch_uid="binhyen_purge_redacted")
    # Whatever moves the content version, saved in this process, is seen by its page cache
    # from the next request (home.content_version.recent_content_version).
    page_redacted.connect(forget_version, dispatch_uid="binhyen_forget_version_redacted")
    post_save.connect(forget_version, dispatch_uid="binhyen_forget_version_saved")
    post_delete.connect(forget_version, dispatch_uid="binhyen_forget_version_deleted")
