"""Filters for section listings: province, commune, model type, topic and year.

The filters a section offers come from its content kind (`ContentKind.section_filters`), named
as on every other surface (`home.params`). The choices are built from what the section actually
holds (a few provinces and communes, not all 3,321), so the form stays small on a phone. A
value that is not a choice makes the form invalid, and the section answers 400 with the form's
Vietnamese message; but a commune of another province than the one chosen (the reader changed
the province after picking a commune) is dropped with a notice, and the rest of the filter
applies (`ListingFilterForm.notices`).

Finding those choices asks the database about the section's items (which provinces, which years,
which topics), so they are kept per section until the site's content changes
(`home.content_version`). The years and topics are asked one by one, each answered by the first
item found (a national section of 300,000 stories after a publication: 726 -> 118 ms).
"""

import datetime

from django import forms
from django.core.paginator import Paginator
from django.db.models import Exists, QuerySet
from django.forms.utils import flatatt
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from home import params, places, topics
from home.collation import sorted_vi
from home.content_version import KEPT_SECONDS, cached
from home.kinds import ContentKind
from home.models.localities import Commune, Province

EMPTY = [("", "Tất cả")]
# More communes than this (and no province chosen) and the commune select waits for a province.
MAX_COMMUNE_OPTIONS = 60


def commune_options(communes: list, province: str, chosen: str) -> list:
    """The commune select's choices, "all" first. A national list holds thousands of communes: a
    select that long is unusable on a phone and weighs hundreds of kilobytes. Until a province
    is chosen, it offers only the commune already chosen, if it is one of `communes`; any of
    them stays a valid value once a province is chosen (static/js/filters.js fetches its list)."""
    if province or len(communes) <= MAX_COMMUNE_OPTIONS:
        return [*EMPTY, *communes]
    return [("", "Tất cả (chọn tỉnh, thành phố để xem danh sách)"), *(c for c in communes if c[0] == chosen)]


LABELS = {
    params.PROVINCE: "Tỉnh, thành phố",
    params.COMMUNE: "Xã, phường",
    params.MODEL_TYPE: "Loại mô hình",
    params.TOPIC: "Chủ đề",
    params.YEAR: "Năm",
}
# The order filters show in, whatever order a kind names them.
ORDER = (params.PROVINCE, params.COMMUNE, params.MODEL_TYPE, params.TOPIC, params.YEAR)


class QuickSelect(forms.Select):
    """Django's select, written out in Python rather than through one template per option: a
    province's 127 communes took 6 ms of every filtered section page that way, a tenth of its
    budget. The same markup: `name`, the attributes Django gives, `selected` on the value (flat
    choices only, as the filters have: no option groups)."""

    def render(self, name, value, attrs=None, renderer=None):
        chosen = {str(v) for v in self.format_value(value)}
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            ((key, SELECTED if str(key) in chosen else "", label) for key, label in self.choices),
        )
        return format_html(
            '<select name="{}"{}>{}</select>', name, flatatt(self.build_attrs(self.attrs, attrs)), options
        )


SELECTED = mark_safe(" selected")


class ListingFilterForm(forms.Form):
    def __init__(self, data, *, items: QuerySet, kind: ContentKind, cache_key: str = "", request=None):
        """`cache_key` names the section whose `items` these are; without it nothing is kept."""
        super().__init__(data)
        self.items, self.kind = items, kind
        self.cache_key, self.request = cache_key, request
        self.notices: list[str] = []
        # `loai=` names the content kind on every surface; a section accepts its own kind only.
        self.fields[params.KIND] = forms.ChoiceField(
            label="Loại tin",
            required=False,
            choices=[*EMPTY, (kind.slug, kind.label)],
            widget=forms.HiddenInput,
            error_messages={"invalid_choice": f"Chuyên mục này chỉ có tin loại “{kind.label}”."},
        )
        for name in ORDER:
            if name in kind.section_filters:
                self.fields[name] = forms.ChoiceField(label=LABELS[name], required=False, widget=QuickSelect)
                self.fields[name].choices = self._shortened(name, EMPTY + self._choices(name))
        self._drop_commune_of_another_province()

    def _drop_commune_of_another_province(self):
        """A commune the reader picked before changing the province is left out, with a notice,
        rather than refusing the whole filter. (A commune that is nowhere stays an error.)"""
        province_slug, commune_slug = self.data.get(params.PROVINCE), self.data.get(params.COMMUNE)
        if not (province_slug and commune_slug) or params.COMMUNE not in self.fields:
            return
        if commune_slug in dict(self.fields[params.COMMUNE].choices):
            return
        province = dict(self.fields[params.PROVINCE].choices).get(province_slug)
        elsewhere = Commune.objects.filter(slug=commune_slug).exclude(province__slug=province_slug).first()
        if province is None or elsewhere is None:
            return
        self.data = self.data.copy()
        self.data.pop(params.COMMUNE)
        self.notices.append(f"Đã bỏ lọc “{elsewhere.name}”: xã, phường này không thuộc {province}.")

    def _shortened(self, name: str, choices: list) -> list:
        """The commune select as `commune_options` shortens it. (Django also normalises every
        choice a field is given, ~10 ms for 3,000.)"""
        if name != params.COMMUNE:
            return choices
        return commune_options(choices[1:], self.data.get(params.PROVINCE), self.data.get(params.COMMUNE))

    def _choices(self, name: str) -> list[tuple[str, str]]:
        if name == params.TOPIC:
            found = self._kept(name, "", lambda: list(topics.topics_of(self.kind, self.items).values()))
            self._topics = {topic.slug: topic for topic in found}
            return [(topic.slug, topic.name) for topic in found]
        builders = {
            params.PROVINCE: self._provinces,
            params.COMMUNE: self._communes,
            params.MODEL_TYPE: self._model_types,
            params.YEAR: self._years,
        }
        variant = ""
        if name == params.COMMUNE:
            # The communes offered depend on the province chosen; keep only known provinces' lists.
            variant = self.data.get(params.PROVINCE) or ""
            known = dict(self.fields[params.PROVINCE].choices) if params.PROVINCE in self.fields else {}
            if variant and variant not in known:
                return builders[name]()
        return self._kept(name, variant, builders[name])

    def _kept(self, name: str, variant: str, build):
        if not self.cache_key:
            return build()
        return cached(f"{self.cache_key}:filter:{name}:{variant}", build, self.request)

    # Choices, from the section's own items ----------------------------------------------------

    def _provinces(self):
        ids = self.items.values(self.kind.province_lookup)
        return [(p.slug, p.short_name) for p in Province.objects.filter(pk__in=ids).only("slug", "name")]

    def _communes(self):
        communes = Commune.objects.filter(pk__in=self.items.values(self.kind.commune_lookup))
        province = self.data.get(params.PROVINCE)
        if province:
            communes = communes.filter(province__slug=province)
        communes = communes.select_related("province")
        return [(c.slug, f"{c.name} ({c.province.short_name})") for c in communes]

    def _model_types(self):
        types = self.kind.type_model.objects.filter(pk__in=self.items.values(self.kind.type_field))
        return sorted_vi(types.values_list("slug", "name"), key=lambda pair: pair[1])

    def _years(self):
        lookup = self.kind.year_lookup
        if not lookup.endswith("__year"):  # a year column of its own
            years = set(self.items.order_by().values_list(lookup, flat=True).distinct())
            return [(str(y), str(y)) for y in sorted(years, reverse=True)]
        return [(str(y), str(y)) for y in self._years_dated(lookup.removesuffix("__year"))]

    def _years_dated(self, field: str) -> list[int]:
        """The years the items are dated in, newest first, in three queries: the first and last
        dates, then, in one query, whether any item falls in each year between (the kind's own
        `__year` lookup, in Vietnam's time). With an index on the date, each of those reads the
        first matching item only; reading every item's date to group them took 220 ms for a
        national section of 300,000 stories on PostgreSQL."""
        dated = self.items.order_by().filter(**{f"{field}__isnull": False}).values_list(field, flat=True)
        first, last = dated.order_by(field).first(), dated.order_by(f"-{field}").first()
        if first is None:
            return []
        span = range(_year_of(first), _year_of(last) + 1)
        probes = {f"y{year}": Exists(self.items.filter(**{f"{field}__year": year})) for year in span}
        # Any one item carries the answers; `[:1]`, not `first()`, which would sort by pk first.
        found = next(iter(self.items.order_by().annotate(**probes).values(*probes)[:1]), {})
        return [year for year in reversed(span) if found.get(f"y{year}")]

    # Applying ----------------------------------------------------------------------------------

    def filter(self, items: QuerySet) -> QuerySet:
        data = self.cleaned_data
        province = (
            places.province_by_slug(data[params.PROVINCE], self.request)
            if data.get(params.PROVINCE)
            else None
        )
        commune = None
        if data.get(params.COMMUNE):
            # A commune the section holds; a few slugs repeat across provinces, so all of them.
            commune = places.communes_by_slug(data[params.COMMUNE], province, self.request)
        model_type = None
        if data.get(params.MODEL_TYPE):
            model_type = self.kind.type_model.objects.filter(slug=data[params.MODEL_TYPE]).first()
        return self.kind.narrow(
            items,
            province=province,
            commune=commune,
            topic=self._topics[data[params.TOPIC]] if data.get(params.TOPIC) else None,
            model_type=model_type,
            year=int(data[params.YEAR]) if data.get(params.YEAR) else None,
        )

    @property
    def active(self) -> bool:
        return self.is_bound and any(self.data.get(name) for name in self.fields if name != params.KIND)

    @property
    def signature(self) -> str:
        """The applied filter as one string (`tinh=ha-noi&xa=…`), the same for every spelling
        of the same choice; only for a valid form."""
        chosen = sorted((name, str(value)) for name, value in self.cleaned_data.items() if value)
        return "&".join(f"{name}={value}" for name, value in chosen)


# A listing goes this many pages deep, newest first; older items are reached by the filters
# (province, commune, topic, year), as on news sites. Without a bound, the last page of a
# national section (25,000 pages at 300,000 stories) makes the database skip every row before
# it, and counting them all costs as much again.
MAX_PAGES = 100
# From this many items deep, a page reads its keys before its rows (`CappedPaginator.page`).
KEYS_FIRST_FROM = 200


class CappedPaginator(Paginator):
    """A paginator that counts at most `max_pages` pages of items and serves no page beyond.

    `capped` tells that there are more items than it counts (the template says so and points to
    the filters). Counting stops at the bound, so it costs the same in a section of a hundred
    items as in one of three hundred thousand.

    With `keys_cache` (a name for this exact list: its section and filter), the keys of every
    page it serves are read in one query and kept until the content changes; each page then
    reads only its own rows, and nothing is counted. The database has to sort every item of a
    filter to find any of its pages (11,400 stories of Hà Nội: 44 ms at 300,000 stories on
    PostgreSQL, for page 1 as for page 50), so it does that once, not once a page.
    """

    def __init__(
        self,
        object_list,
        per_page,
        max_pages: int | None = None,
        keys_cache: str = "",
        request=None,
        keys_timeout: int = KEPT_SECONDS,
        **kwargs,
    ):
        super().__init__(object_list, per_page, **kwargs)
        self.max_items = (MAX_PAGES if max_pages is None else max_pages) * per_page
        self.keys_cache = keys_cache if isinstance(object_list, QuerySet) else ""
        self.keys_timeout = keys_timeout
        self.request = request

    @cached_property
    def _keys(self) -> list[int]:
        """The keys of every item it serves (and one more, to tell it is capped), in order."""
        items = self.object_list.prefetch_related(None)
        return cached(
            f"listing-keys:{self.keys_cache}:{self.max_items}",
            lambda: list(items.values_list("pk", flat=True)[: self.max_items + 1]),
            self.request,
            timeout=self.keys_timeout,
        )

    @cached_property
    def _bounded_count(self) -> int:
        items = self.object_list
        if self.keys_cache:
            return len(self._keys)
        if isinstance(items, QuerySet):
            return items.order_by()[: self.max_items + 1].count()
        # Anything else is counted as Django's paginator counts it: search results by their
        # count() (their len() would fetch every result), lists by their length.
        return min(Paginator(items, self.per_page).count, self.max_items + 1)

    @cached_property
    def count(self) -> int:
        return min(self._bounded_count, self.max_items)

    @cached_property
    def capped(self) -> bool:
        return self._bounded_count > self.max_items

    def page(self, number):
        """A page; deep in a queryset, its keys first, then only its own rows.

        The database skips the rows before a page either way, but skipping keys reads one
        index, while skipping whole rows joins each one's place, image and relations first
        (17 ms at page 100 of 300,000 stories on PostgreSQL, 3 ms this way).
        """
        page = super().page(number)  # Django's bounds and orphans; its slice is not read yet
        if self.keys_cache:
            keys = self._keys[page.start_index() - 1 : page.end_index()]  # [-1:0] when empty
        elif isinstance(page.object_list, QuerySet) and page.start_index() > KEYS_FIRST_FROM:
            keys = list(page.object_list.prefetch_related(None).values_list("pk", flat=True))
        else:
            return page
        rows = {row.pk: row for row in self.object_list.filter(pk__in=keys)}  # none: no query
        page.object_list = [rows[key] for key in keys if key in rows]
        return page


def _year_of(value) -> int:
    """The year of a date, or of a moment in Vietnam's time."""
    return timezone.localtime(value).year if isinstance(value, datetime.datetime) else value.year


def paginate(
    request, items: QuerySet, page_size: int, keys_cache: str = "", keys_timeout: int = KEPT_SECONDS
):
    """A page of results; a page number out of range or not a number falls back gracefully
    (beyond the last page a listing goes to, to that last page). `keys_cache`: see
    `CappedPaginator`; a list that changes with time as well as the content names its moment
    in it and keeps it no longer than `keys_timeout` seconds (`ForumIndexPage`)."""
    paginator = CappedPaginator(
        items, page_size, keys_cache=keys_cache, request=request, keys_timeout=keys_timeout
    )
    return paginator.get_page(request.GET.get(params.PAGE))
