"""Filters for section listings: province, commune, model type, topic and year.

The choices are built from what the section actually holds (a few provinces and communes,
not all 3,321), so the form stays small on a phone. A value that is not a choice makes the
form invalid, and the section answers 400 with the form's Vietnamese message.
"""

from django import forms
from django.core.paginator import Paginator
from django.db.models import QuerySet
from taggit.models import Tag

from home.models.localities import Commune, Province
from home.slugs import ascii_slugify

EMPTY = [("", "Tất cả")]


class ListingFilterForm(forms.Form):
    tinh = forms.ChoiceField(label="Tỉnh, thành phố", required=False)
    xa = forms.ChoiceField(label="Xã, phường", required=False)
    loai = forms.ChoiceField(label="Loại mô hình", required=False)
    chude = forms.ChoiceField(label="Chủ đề", required=False)
    nam = forms.ChoiceField(label="Năm", required=False)

    def __init__(self, data, *, items: QuerySet, fields: tuple[str, ...]):
        super().__init__(data)
        self.items = items
        self.model = items.model
        for name in list(self.fields):
            if name not in fields:
                del self.fields[name]
        builders = {
            "tinh": self._provinces,
            "xa": self._communes,
            "loai": self._model_types,
            "chude": self._topics,
            "nam": self._years,
        }
        for name, field in self.fields.items():
            field.choices = EMPTY + builders[name]()

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

    def _topics(self):
        """Topics by ASCII slug ("trẻ em" -> "tre-em"); taggit's own slugs keep the marks."""
        through = self.model._meta.get_field("tags").remote_field.through
        tag_ids = through.objects.filter(content_object__in=self.items.values("pk")).values("tag")
        self._topic_ids: dict[str, list[int]] = {}
        names = {}
        for pk, name in Tag.objects.filter(pk__in=tag_ids).order_by("name").values_list("pk", "name"):
            slug = ascii_slugify(name)
            self._topic_ids.setdefault(slug, []).append(pk)
            names.setdefault(slug, name)
        return list(names.items())

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
