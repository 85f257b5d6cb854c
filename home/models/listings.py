"""What listings read: the visibility rule, lead images with their renditions, and the
queryset a kind's cards come from (`ArticleQuerySet.listing`)."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Prefetch, Q, prefetch_related_objects
from django.utils import timezone
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet

from home import content_version


def images_with_renditions():
    """Images with their renditions prefetched, so `{% picture %}` costs no query per image."""
    return get_image_model().objects.prefetch_renditions()


def load_lead_images(pages) -> None:
    """The lead images of pages already loaded, of any kinds, with their renditions: two
    queries for all of them (a page that shows several listings loads them `images=False`)."""
    prefetch_related_objects([page for page in pages if page is not None], lead_images())


def lead_images() -> Prefetch:
    return Prefetch("hero_image", queryset=images_with_renditions())


def visible(pages, private_q: Q | None = None):
    """What readers may see now, for any page queryset: live, public and not past its expiry
    time (`publish_scheduled` unpublishes expired pages only once a minute).

    Wagtail's `public()` reads every view restriction each time it is called; an answer that
    builds several querysets (one per kind) reads them once with `private_sections()` and
    passes the result as `private_q`."""
    pages = pages.live().exclude(expire_at__lte=timezone.now())
    return pages.public() if private_q is None else pages.exclude(private_q)


def private_sections(request=None) -> Q:
    """The pages below a view restriction, as Wagtail's `public()` excludes them (one query).

    With `request`, kept under the content version: it counts the view restrictions and logs
    every move of a page (what changes a restricted section's path), so a kept rule is never
    older than the restrictions it reads."""
    if request is None:
        return Page.objects.all().private_q()
    return content_version.cached("private-sections", lambda: Page.objects.all().private_q(), request)


class ArticleQuerySet(PageQuerySet):
    def listing(
        self, keep_streamfields: tuple[str, ...] = (), private_q: Q | None = None, images: bool = True
    ):
        """What a listing or the home page shows: live, public, unexpired, newest first, loaded
        as `cards()` loads them. (Feeds read plain values instead: `feeds.rows`.)"""
        order = self.model.listing_order
        pages = self.own_kind() if all(_on_page_table(self.model, name) for name in order) else self
        return visible(pages, private_q).cards(keep_streamfields, images=images).order_by(*order)

    def own_kind(self):
        """Only this model's own pages, named by their content type: a kind's model has no
        subclasses, so none is lost, and PostgreSQL walks the kind-led indexes (home 0013 and
        0014) through that kind's pages instead of every page of the site.

        Only for an order those indexes hold (columns of Wagtail's page table): forums, listed
        by their start, walk their own table's index, and the content type beside the section's
        path made PostgreSQL guess 1,252 rows for 20,000 and sort them all (past forums'
        first page 15 -> 104 ms)."""
        return self.filter(content_type=ContentType.objects.get_for_model(self.model))

    def for_page(self):
        """Pages as their own template reads them: with the relations their cards print and
        their lead image, in the query that finds them (`SectionIndexPage.route`)."""
        return self.select_related(*self.model.listing_select_related, "hero_image")

    def cards(self, keep_streamfields: tuple[str, ...] = (), images: bool = True):
        """Load these pages with what a card prints, in a fixed number of queries.

        StreamFields are deferred (but for the small ones named in `keep_streamfields`), the
        relations a card prints come with the same query, and the lead images come with their
        renditions in two more queries, for `{% picture %}` (or later, `load_lead_images`,
        with `images=False`).
        """
        model = self.model
        deferred = [
            f.name
            for f in model._meta.concrete_fields
            if isinstance(f, StreamField) and f.name not in keep_streamfields
        ]
        return (
            self.defer(*deferred)
            .select_related(*model.listing_select_related)
            .prefetch_related(*([lead_images()] if images else []), *model.listing_prefetch_related)
        )


class ArticlePageManager(PageManager.from_queryset(ArticleQuerySet)):
    pass


def _on_page_table(model, order: str) -> bool:
    """Whether an order (`"-first_published_at"`) is a column of Wagtail's page table."""
    return model._meta.get_field(order.lstrip("-")).model is Page
