"""The rows lists of feed items are built from: plain values, in a fixed number of queries.

A 50-item feed built from model instances spent most of its time constructing ~250 of them
(the page, its image, commune, province and people, per item) to print a dozen values each.
Rows read those values only: one query of columns per content type, plus one for topics
(stories), one for communes (showcases, which have several) and one for lead images hidden by
consent (stories).

What a value means stays the content models' business. The kind's declaration (`home.kinds`)
names the columns behind a model's `kicker`, `card_date`, unit and place; the consent rule comes
from the model (`hiding_lead_image`); the place is written by the one rule of
`home.places.place_text`; and a test checks, for every demo page, that its row says what the
page's own properties say.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils import timezone
from wagtail.models import Page

from home.collation import sorted_vi
from home.models.localities import province_short_name
from home.places import place_text

# The image columns, read with the page through its `hero_image` foreign key.
IMAGE_COLUMNS = (
    "hero_image_id",
    "hero_image__file",
    "hero_image__width",
    "hero_image__height",
    "hero_image__file_size",
)


@dataclass(frozen=True)
class RowImage:
    """The lead image as a feed prints it: its file, and the size Wagtail recorded."""

    id: int
    name: str
    width: int
    height: int
    file_size: int | None


@dataclass(frozen=True)
class Row:
    pk: int
    title: str
    url_path: str
    sapo: str
    translation_key: str
    first_published_at: datetime.datetime | None
    last_published_at: datetime.datetime | None
    unit: str
    kicker: str
    card_date: object
    communes: tuple[str, ...]
    province: str  # the short name: "Hà Nội"
    topics: tuple[str, ...]
    image: RowImage | None  # None when absent or hidden by consent
    notice: str = ""  # words in front of the title: "ĐÃ HỦY" (the model's `notice_words`)
    when: str = ""  # an event's time and its venue (the model's `when_where`)
    where: str = ""
    outcome: str = ""  # what came of it, once held (the model's `reuse_outcome`)

    @property
    def place(self) -> str:
        """The page's `place_name`, by the same rule."""
        return place_text(self.communes, self.province)


def _columns(kind) -> list[str]:
    columns = [
        "pk",
        "title",
        "url_path",
        "sapo",
        "translation_key",
        "first_published_at",
        "last_published_at",
    ]
    columns += [*IMAGE_COLUMNS, kind.unit_field, f"{kind.province_lookup}__name"]
    if not kind.has_several_communes:
        columns.append(f"{kind.commune_lookup}__name")
    columns += [name for name in (kind.kicker_field, kind.card_date_field) if name]
    columns += kind.model.reuse_columns
    return list(dict.fromkeys(columns))


def _kicker_labels(kind) -> dict:
    """Labels of the kicker column's values, when it is a field with choices (a deed type)."""
    if not kind.kicker_field or "__" in kind.kicker_field:
        return {}
    field = kind.model._meta.get_field(kind.kicker_field)
    return {value: str(label) for value, label in field.flatchoices} if field.choices else {}


def _card_date(value):
    return timezone.localtime(value) if isinstance(value, datetime.datetime) else value


def _commune_names(kind, pks) -> dict[int, list[str]]:
    """Names of the communes of pages that have several, in the model's own order."""
    if not kind.has_several_communes or not pks:
        return {}
    field = kind.model._meta.get_field(kind.commune_lookup)
    through = field.remote_field.through
    page_column, commune_column = field.m2m_field_name(), field.m2m_reverse_field_name()
    ordering = [f"{commune_column}__{name}" for name in field.related_model._meta.ordering]
    names: dict[int, list[str]] = {}
    rows = (
        through.objects.filter(**{f"{page_column}__in": pks})
        .order_by(*ordering)
        .values_list(f"{page_column}_id", f"{commune_column}__name")
    )
    for page_id, name in rows:
        names.setdefault(page_id, []).append(name)
    return names


def topics_by_page(kind, pks) -> dict[int, list[str]]:
    """Topic names of these pages, sorted, in one query of plain values."""
    if not kind.has_topics or not pks:
        return {}
    through = kind.topic_through
    names: dict[int, set[str]] = {}
    for page_id, name in through.objects.filter(content_object_id__in=pks).values_list(
        "content_object_id", "tag__name"
    ):
        names.setdefault(page_id, set()).add(name)
    return {page_id: sorted_vi(found) for page_id, found in names.items()}


def read_rows(kind, queryset) -> list[Row]:
    """The rows of these pages of one type, in the queryset's order."""
    values = list(queryset.values(*_columns(kind)))
    pks = [value["pk"] for value in values]
    communes = _commune_names(kind, pks)
    topics = topics_by_page(kind, pks)
    hidden = kind.model.hiding_lead_image(pks) if pks else set()
    labels = _kicker_labels(kind)
    rows = []
    for value in values:
        pk = value["pk"]
        province = value[f"{kind.province_lookup}__name"]
        commune = value.get(f"{kind.commune_lookup}__name")
        kicker = value.get(kind.kicker_field)
        image = None
        if value["hero_image_id"] and value["hero_image__file"] and pk not in hidden:
            image = RowImage(*(value[column] for column in IMAGE_COLUMNS))
        notice, when, where = kind.model.reuse_facts_of(value)
        rows.append(
            Row(
                pk=pk,
                title=value["title"],
                url_path=value["url_path"],
                sapo=value["sapo"],
                translation_key=str(value["translation_key"]),
                first_published_at=value["first_published_at"],
                last_published_at=value["last_published_at"],
                unit=(value[kind.unit_field] or "").strip(),
                kicker="" if kicker is None else labels.get(kicker, str(kicker)),
                card_date=_card_date(value.get(kind.card_date_field)),
                communes=tuple(communes.get(pk, [commune] if commune else [])),
                province=province_short_name(province) if province else "",
                topics=tuple(topics.get(pk, ())),
                image=image,
                notice=notice,
                when=when,
                where=where,
                outcome=kind.model.reuse_outcome_of(value),
            )
        )
    return rows


def page_url(url_path: str, request) -> str | None:
    """The absolute URL of a page from its `url_path`, by Wagtail's own routing (the sites'
    root paths are read once per request and kept on it, as Wagtail does for any page).

    Wagtail reads only the `url_path` of the page it is given, so one bare page per request
    serves every item: building a page model for each of 50 items cost more than the routing.
    A request is served by one thread, so the page is never shared between two of them."""
    if request is None:
        return Page(url_path=url_path).get_full_url()
    page = getattr(request, "_feed_url_page", None)
    if page is None:
        page = request._feed_url_page = Page()
    page.url_path = url_path
    return page.get_full_url(request)
