"""The forums section: the forums to come on top, the cancelled ones, then the past ones, paged."""

from django.conf import settings
from django.utils import timezone

from forums.models.announcements import ForumAnnouncementPage
from home.content_version import cached
from home.models import SectionIndexPage


class ForumIndexPage(SectionIndexPage):
    """The forums section, or one unit's part of it: upcoming forums first, then past ones."""

    parent_page_types = ["home.HomePage", "forums.ForumIndexPage"]
    subpage_types = ["forums.ForumAnnouncementPage", "forums.ForumIndexPage"]

    class Meta:
        verbose_name = "chuyên mục diễn đàn"
        verbose_name_plural = "chuyên mục diễn đàn"

    # At most this many forums to come (and as many cancelled ones) on top of the section. A
    # national section has thousands (3,321 communes); listed whole, the page took seconds to
    # build and was megabytes long. The page says how many more there are, and the filter
    # (province, commune) narrows them to the reader's own.
    UPCOMING_SHOWN = 10

    def listing_context(self, request, items, keys_cache: str = "") -> dict:
        """Forums still to come on top (soonest first) and those cancelled; past ones below,
        paged.

        Which forums are past changes with the clock, so the whole page reads it at one moment,
        the start of the current minute, and keeps what it found (`keys_cache`: this section and
        filter) under that minute: the forums on top and the keys of the past ones, so a deep
        page of 16,000 past forums reads 12 rows instead of sorting them all (PostgreSQL, bench
        data: 87 -> 20 ms). A forum that ends moves from the top to the past list at the next
        minute, on both at once; nothing is kept longer than `PUBLIC_CACHE_MAX_AGE`."""
        from home.listing import paginate

        now = timezone.now().replace(second=0, microsecond=0)
        kept = f"{keys_cache}:{now:%Y%m%d%H%M}" if keys_cache else ""
        timeout = settings.PUBLIC_CACHE_MAX_AGE

        def on_top():
            upcoming, upcoming_more = self._first(ForumAnnouncementPage.upcoming(items, now))
            cancelled, cancelled_more = self._first(ForumAnnouncementPage.recently_cancelled(items, now))
            return {
                "upcoming": upcoming,
                "upcoming_more": upcoming_more,
                "cancelled": cancelled,
                "cancelled_more": cancelled_more,
            }

        top = cached(f"{kept}:on-top", on_top, request, timeout=timeout) if kept else on_top()
        past = ForumAnnouncementPage.past(items, now)
        page_obj = paginate(
            request, past, self.page_size, keys_cache=f"{kept}:past" if kept else "", keys_timeout=timeout
        )
        return {**top, "page_obj": page_obj}

    def _first(self, forums) -> tuple[list, int]:
        """The first `UPCOMING_SHOWN` of `forums` and how many more there are: counted only
        when there are more (one row past the limit says so)."""
        shown = list(forums[: self.UPCOMING_SHOWN + 1])
        if len(shown) <= self.UPCOMING_SHOWN:
            return shown, 0
        return shown[: self.UPCOMING_SHOWN], forums.count() - self.UPCOMING_SHOWN
