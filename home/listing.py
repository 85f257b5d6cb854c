"""Filters for section listings: province, commune, model type, topic and year.

The choices are built from what the section actually holds (a few provinces and communes,
not all 3,321), so the form stays small on a phone. A value that is not a choice makes the
form invalid, and the section answers 400 with the form's Vietnamese message.

Finding those choices means reading every item of the section (10,000 stories: ~300 ms), so
they are kept per section until the site's content changes (`home.content_version`).
"""

from django import forms
from django.core.paginator import Paginator
from django.db.models import QuerySet
from taggit.models import Tag

from home.content_version import cached
from home.models.localities import Commune, Province
from home.slugs import ascii_slugify

EMPTY = [("", "Tất cả")]
# More communes than this (and no province chosen) and the commune select waits for a province.
MAX_COMMUNE_OPTIONS = 60


class ListingFilterForm(forms.Form):
    tinh = forms.ChoiceField(label="Tỉnh, thành phố", required=False)
    xa = forms.ChoiceField(label="Xã, phường", required=False)
    loai = forms.ChoiceField(label="Loại mô hình", required=False)
    chude = forms.ChoiceField(label="Chủ đề", required=False)
    nam = forms.ChoiceField(label="Năm", required=False)

    def __init__(self, data, *, items: QuerySet, fields: tuple[str, ...], cache_key: str = "", request=None):
        """`cache_key` names the section whose `items` these are; without it nothing is kept."""
        super().__init__(data)
        self.items = items
        self.model = items.model
        self.cache_key, self.request = cache_key, request
        for name in list(self.fields):
            if name not in fields:
                del self.fields[name]
        for name, field in self.fields.items():
            field.choices = self._shortened(name, EMPTY + self._choices(name))

    def _shortened(self, name: str, choices: list) -> list:
        """A national section can hold stories from thousands of communes: a select that long is
        unusable on a phone and weighs hundreds of kilobytes. Until a province is chosen, offer
        only the commune already chosen, if it is one of the section's; any of them stays a valid
        value. (Django also normalises every choice a field is given, ~10 ms for 3,000.)"""
        if name != "xa" or self.data.get("tinh") or len(choices) <= MAX_COMMUNE_OPTIONS + 1:
            return choices
        chosen = [choice for choice in choices[1:] if choice[0] == self.data.get("xa")]
        return [("", "Tất cả (chọn tỉnh, thành phố để xem danh sách)"), *chosen]

    def _choices(self, name: str) -> list[tuple[str, str]]:
        if name == "chude":
            topics = self._kept("chude", "", self._topics)
            self._topic_ids = {slug: ids for slug, _, ids in topics}
            return [(slug, label) for slug, label, _ in topics]
        builders = {
            "tinh": self._provinces,
            "xa": self._communes,
            "loai": self._model_types,
            "nam": self._years,
        }
        variant = ""
        if name == "xa":
            # The communes offered depend on the province chosen; keep only known provinces' lists.
            variant = self.data.get("tinh") or ""
            if variant and variant not in dict(self.fields["tinh"].choices if "tinh" in self.fields else []):
                return builders[name]()
        return self._kept(name, variant, builders[name])

    def _kept(self, name: str, variant: str, build):
        if not self.cache_key:
            return build()
        return cached(f"{self.cache_key}:filter:{name}:{variant}", build, self.request)

    # Choices, from the section's own items ----------------------------------------------------

    def _provinces(self):
        ids = self.items.values(self.model.province_lookup)
        return [(p.slug, p.short_name) for p in Province.objects.filter(pk__in=ids).only("slug", "name")]

    def _communes(self):
        communes = Commune.objects.filter(pk__in=self.items.values(self.model.commune_lookup))
        province = self.data.get("tinh")
        if province:
            communes = communes.filter(province__slug=province)
        communes = communes.select_related("province").order_by("province__name", "name")
        return [(c.slug, f"{c.name} ({c.province.short_name})") for c in communes]

    def _model_types(self):
        model_type = self.model._meta.get_field("model_type").related_model
        return list(
            model_type.objects.filter(pk__in=self.items.values("model_type")).values_list("slug", "name")
        )

    def _topics(self) -> list[tuple[str, str, tuple[int, ...]]]:
        """Topics by ASCII slug ("trẻ em" -> "tre-em"), with their tag ids; taggit's own slugs
        keep the marks, and tags that differ only in marks are one topic."""
        through = self.model._meta.get_field("tags").remote_field.through
        tag_ids = through.objects.filter(content_object__in=self.items.values("pk")).values("tag")
        topics: dict[str, tuple[str, tuple[int, ...]]] = {}
        for pk, name in Tag.objects.filter(pk__in=tag_ids).order_by("name").values_list("pk", "name"):
            slug = ascii_slugify(name)
            label, ids = topics.get(slug, (name, ()))
            topics[slug] = (label, (*ids, pk))
        return [(slug, label, ids) for slug, (label, ids) in topics.items()]

    def _years(self):
        lookup = self.model.year_lookup
        if lookup.endswith("__year"):
            years = {d.year for d in self.items.order_by().dates(lookup.removesuffix("__year"), "year")}
        else:
            years = set(self.items.order_by().values_list(lookup, flat=True).distinct())
        return [(str(y), str(y)) for y in sorted(years, reverse=True)]

    # Applying ----------------------------------------------------------------------------------

    def filter(self, items: QuerySet) -> QuerySet:
        data = self.cleaned_data
        model = self.model
        if data.get("tinh"):
            items = items.filter(**{f"{model.province_lookup}__slug": data["tinh"]})
        if data.get("xa"):
            items = items.filter(**{f"{model.commune_lookup}__slug": data["xa"]})
        if data.get("loai"):
            items = items.filter(model_type__slug=data["loai"])
        if data.get("chude"):
            items = items.filter(tags__in=self._topic_ids[data["chude"]]).distinct()
        if data.get("nam"):
            items = items.filter(**{model.year_lookup: int(data["nam"])})
        return items.distinct() if data.get("xa") and model.commune_lookup == "communes" else items

    @property
    def active(self) -> bool:
        return self.is_bound and any(self.data.get(name) for name in self.fields)


def paginate(request, items: QuerySet, page_size: int):
    """A page of results; a page number out of range or not a number falls back gracefully."""
    return Paginator(items, page_size).get_page(request.GET.get("trang"))
