"""The registry of content kinds: one declaration per kind of content page, made by its own app.

A kind (a story, a model showcase, a forum announcement) is declared once, in its app's
`kinds.py`, and registered from that app's `AppConfig.ready()`. Everything that lists, filters,
searches or syndicates content reads the declaration: the home page, the section listings,
search, feeds, the widget and the feed builder. None of them names a content model, and this
module imports none: the content apps import it, never the other way round.

What a declaration holds:

- its public slug (the value of `loai=` on every surface, and the URL slug of its section),
  its labels and hashtag, and the older slugs that still answer with a redirect;
- the page model and its section index model;
- the lookups from the page to its province, commune(s), date and year, and the columns behind
  its unit, kicker and card date, for readers of plain values (`feeds.rows`). The model itself
  answers the same questions for one page through the card interface of `ArticlePage`
  (`place_name`, `place_communes`, `province`, `unit`, `kicker`, `card_date`, `topic_names`);
  `tests/feeds/test_rows.py` checks that both give the same answers;
- its facets: topics (a tag through-model, `chu-de=`) and a type (`mo-hinh=`), if it has them;
- what its section offers as filters, and how the home page shows it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import QuerySet

from home.content_version import cached


@dataclass(frozen=True)
class HomeBlock:
    """How the home page shows a kind: its own template, fed with its latest few items."""

    template: str  # receives `items`, `section` (the kind's first section) and `kind`
    count: int = 4
    # StreamFields the block prints (all others are deferred, as on any card).
    keep_streamfields: tuple[str, ...] = ()
    # Narrows or reorders the listing (e.g. forums that have not ended yet, soonest first).
    select: Callable[[QuerySet], QuerySet] | None = None
    # The kind whose newest (or chosen) item the home page shows large on top.
    featured: bool = False


@dataclass(frozen=True)
class ContentKind:
    slug: str  # `loai=` on every surface; the section's URL slug
    label: str  # the section's name: "Người tốt, việc tốt"
    short_label: str  # where space is short (the search filter, result labels)
    hashtag: str  # for the fanpage caption, without "#"
    model: type  # the page model (an `ArticlePage`)
    index_model: type  # its section index model (a `SectionIndexPage`)
    province_lookup: str  # from the page to its province: "commune__province"
    commune_lookup: str  # to its commune(s): "commune", or "communes" for several
    date_lookup: str  # the date searched by `tu=`/`den=`: "deed_date", "starts_at__date"
    year_lookup: str  # the year filtered by `nam=`: "deed_date__year", "year_started"
    unit_field: str  # the column of the unit or author shown with an item
    # The column behind the model's `kicker` (its label, for a field with choices); "" when
    # the kicker changes with time (a forum's status), so feeds and share cards leave it out.
    kicker_field: str = ""
    card_date_field: str = ""  # the column behind the model's `card_date`; "" for none
    topic_through: type | None = None  # the tag through-model, for kinds with topics (`chu-de=`)
    type_field: str = ""  # a foreign key to a snippet with `slug` and `name` (`mo-hinh=`)
    section_filters: tuple[str, ...] = ("tinh", "xa", "nam")  # what its section pages offer
    home: HomeBlock | None = None
    legacy_slugs: tuple[str, ...] = ()  # older values of `loai=` that redirect to `slug`
    # What readers type in search to mean the kind itself, besides its labels ("diễn đàn"):
    # search reads these words as the kind's filter rather than as words to find.
    search_names: tuple[str, ...] = ()

    @property
    def names_searched(self) -> tuple[str, ...]:
        """The labels and search names, as written."""
        return (self.label, self.short_label, *self.search_names)

    @property
    def has_topics(self) -> bool:
        return self.topic_through is not None

    @property
    def has_types(self) -> bool:
        return bool(self.type_field)

    @property
    def has_several_communes(self) -> bool:
        return self.commune_lookup == "communes"

    def kicker_of(self, page) -> str:
        """The page's kicker if it stays true over time (what feeds and share cards print)."""
        return page.kicker if self.kicker_field else ""

    def narrow(self, pages: QuerySet, *, province=None, commune=None, topic=None, model_type=None, year=None):
        """The pages of this kind in a slice of the site: one commune (else one province), one
        topic, one type, one year. The one filtering rule of sections, search, feeds and widget.
        `commune` is a commune, or a list of the communes that share one slug."""
        if isinstance(commune, list | tuple):  # the communes that share a slug
            pages = pages.filter(**{f"{self.commune_lookup}__in": commune})
        elif commune is not None:
            pages = pages.filter(**{self.commune_lookup: commune})
        elif province is not None:
            pages = pages.filter(**{self.province_lookup: province})
        if topic is not None and self.has_topics:
            tagged = self.topic_through.objects.filter(tag_id__in=topic.tag_ids).values("content_object_id")
            pages = pages.filter(pk__in=tagged)
        if model_type is not None and self.has_types:
            pages = pages.filter(**{self.type_field: model_type})
        if year is not None:
            pages = pages.filter(**{self.year_lookup: year})
        if commune is not None and self.has_several_communes:
            pages = pages.distinct()
        return pages

    def applies(self, *, topic=None, model_type=None) -> bool:
        """Whether this kind can have pages in a slice with this topic or type at all."""
        return (topic is None or self.has_topics) and (model_type is None or self.has_types)

    @property
    def type_model(self):
        return self.model._meta.get_field(self.type_field).related_model if self.type_field else None


_registry: dict[str, ContentKind] = {}


def register(kind: ContentKind) -> ContentKind:
    """Add a kind; its app calls this from `AppConfig.ready()`. Slugs are unique, old ones too."""
    taken = {slug for known in _registry.values() for slug in (known.slug, *known.legacy_slugs)}
    clash = {kind.slug, *kind.legacy_slugs} & taken
    if clash and _registry.get(kind.slug) != kind:
        raise ValueError(f"content kind slug already registered: {', '.join(sorted(clash))}")
    _registry[kind.slug] = kind
    return kind


def unregister(slug: str) -> None:
    """Remove a kind (for tests that register a throwaway one)."""
    _registry.pop(slug, None)


def all_kinds() -> tuple[ContentKind, ...]:
    """Every registered kind, in the order the apps registered them (INSTALLED_APPS)."""
    return tuple(_registry.values())


def get(slug: str) -> ContentKind | None:
    """The kind of a current `loai=` value; None for anything else (old slugs included)."""
    return _registry.get(slug)


def current_slug(slug: str) -> str | None:
    """The current slug for an old value of `loai=` ("cau-chuyen" -> "nguoi-tot-viec-tot")."""
    return next((kind.slug for kind in _registry.values() if slug in kind.legacy_slugs), None)


def for_model(model) -> ContentKind | None:
    """The kind whose page model (or section index model) this is, or a subclass of."""
    for kind in _registry.values():
        if issubclass(model, kind.model | kind.index_model):
            return kind
    return None


def for_page(page) -> ContentKind | None:
    """The kind of a content page or of a section index page, if it has one."""
    return for_model(type(page)) if page is not None else None


def of_article(page) -> ContentKind | None:
    """The kind of a content page (a story, showcase or forum); None for any other page."""
    kind = for_page(page)
    return kind if kind is not None and isinstance(page, kind.model) else None


def topic_kinds() -> tuple[ContentKind, ...]:
    return tuple(kind for kind in _registry.values() if kind.has_topics)


def model_type_by_slug(slug: str, request=None):
    """The model type (`mo-hinh=`) with this slug, among the kinds that have types; kept until
    the content changes. Feeds, the widget and search read `mo-hinh=` through this."""

    def build():
        for kind in _registry.values():
            if kind.has_types and (found := kind.type_model.objects.filter(slug=slug).first()):
                return found
        return None

    return cached(f"kinds:model-type:{slug}", build, request)
