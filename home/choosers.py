"""The commune chooser of the admin: search 3,321 communes without typing marks, narrow by province.

A plain ``<select>`` of every commune cost one query a commune and ~150 KB of HTML per field,
in code-point order, with no search. This is Wagtail's own chooser (``ChooserViewSet``): the
field renders as a button that opens a modal, the modal lists communes in Vietnamese order
(``Commune.sort_key``, see home.collation), ten at a time, with a search box and a province
filter. It is applied to every ForeignKey to ``Commune`` through
``register_form_field_override`` (home/apps.py), so content models need no change; the
showcase's several communes use ``home.widgets.CommuneMultipleChooser``.

The search folds the way readers type: "hoan kiem", "Hoàn Kiếm" and "HOAN-KIEM" find Phường
Hoàn Kiếm. ``home`` may not import ``search.folding``, and a commune already stores its name
as an ASCII slug (``phuong-hoan-kiem``, made by ``home.slugs.ascii_slugify``, which folds đ to d
like ``search.folding.fold``), so each word of the query, slugified the same way, must occur
in the commune's slug or its province's slug: the database does the matching.
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Q
from django.http import Http404
from django.utils.functional import cached_property
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.generic.chooser import (
    ChooseResultsView,
    ChooseView,
    ChosenMultipleView,
    ChosenView,
)
from wagtail.admin.viewsets.chooser import ChooserViewSet

from home.models import Commune, Province
from home.slugs import ascii_slugify

MAX_QUERY_LENGTH = 100


def query_words(text: str) -> list[str]:
    """The words of a search, folded as commune slugs are: "Hoàn  Kiếm," -> ["hoan", "kiem"]."""
    return [word for word in ascii_slugify((text or "")[:MAX_QUERY_LENGTH]).split("-") if word]


def search_communes(queryset, text: str):
    """Communes whose name (or province) holds every word of `text`, marks or no marks."""
    for word in query_words(text):
        queryset = queryset.filter(Q(slug__contains=word) | Q(province__slug__contains=word))
    return queryset


class CommuneFilterForm(BaseFilterForm):
    """The modal's search box and province filter (both sent as the editor types or picks)."""

    q = forms.CharField(
        label="Tìm xã, phường, đặc khu",
        required=False,
        max_length=MAX_QUERY_LENGTH,
        help_text="Gõ có dấu hay không dấu đều được, ví dụ: hoan kiem.",
        widget=forms.TextInput(attrs={"placeholder": "Ví dụ: hoan kiem", "autocomplete": "off"}),
    )
    province = forms.ModelChoiceField(
        label="Tỉnh, thành phố",
        queryset=Province.objects.all(),
        required=False,
        empty_label="Mọi tỉnh, thành phố",
        help_text="Chỉ hiện xã, phường của tỉnh, thành phố này.",
        widget=forms.Select(attrs={"data-chooser-modal-search-filter": True}),
    )

    def filter(self, objects):
        province = self.cleaned_data.get("province")
        if province:
            objects = objects.filter(province=province)
        query = self.cleaned_data.get("q", "").strip()
        if query:
            self.is_searching = True
            self.search_query = query
            objects = search_communes(objects, query)
        return objects


class CommuneChooserMixin:
    """What the choose and results views share: the rows, their order, the filter, the columns."""

    filter_form_class = CommuneFilterForm
    per_page = 10
    # Vietnamese alphabetical order of the commune's own name ("Hoàn Kiếm" under H), then of
    # its province, so a search across provinces reads like a dictionary.
    ordering = ("sort_key", "province__sort_key")

    def get_object_list(self):
        return Commune.objects.select_related("province")

    def filter_object_list(self, objects):
        objects = super().filter_object_list(objects)
        if not self.filter_form.is_valid():
            # A province that does not exist (an old bookmark, a hand-made URL): no rows, not
            # every commune of the country and never an error page.
            return objects.none()
        return objects

    @property
    def columns(self):
        return [
            TitleColumn(
                "title",
                label="Xã, phường, đặc khu",
                accessor="name",
                get_url=self.title_url if not self.is_multiple_choice else None,
                link_attrs={} if self.is_multiple_choice else {"data-chooser-modal-choice": True},
                label_prefix="chooser-modal-select" if self.is_multiple_choice else None,
            ),
            Column("province", label="Tỉnh, thành phố", accessor="province"),
        ]

    def title_url(self, obj):
        from django.urls import reverse

        return self.append_preserved_url_parameters(reverse(self.chosen_url_name, args=(obj.pk,)))


class CommuneChooseView(CommuneChooserMixin, ChooseView):
    pass


class CommuneChooseResultsView(CommuneChooserMixin, ChooseResultsView):
    pass


class CommuneChosenView(ChosenView):
    def get_object(self, pk):
        try:
            return Commune.objects.select_related("province").get(pk=int(pk))
        except (ValueError, ObjectDoesNotExist) as error:
            raise Http404("Không có xã, phường này.") from error

    def get_edit_item_url(self, instance):
        return None


class CommuneChosenMultipleView(ChosenMultipleView):
    def get_objects(self, pks):
        codes = [int(pk) for pk in pks if str(pk).isdigit()]
        return Commune.objects.select_related("province").filter(pk__in=codes)

    def get_edit_item_url(self, instance):
        return None


class CommuneChooserViewSet(ChooserViewSet):
    model = Commune
    icon = "site"
    choose_one_text = "Chọn xã, phường, đặc khu"
    choose_another_text = "Chọn xã, phường khác"
    page_title = "Chọn xã, phường, đặc khu"
    edit_item_text = "Sửa"
    choose_view_class = CommuneChooseView
    choose_results_view_class = CommuneChooseResultsView
    chosen_view_class = CommuneChosenView
    chosen_multiple_view_class = CommuneChosenMultipleView
    # Communes come from the official list (home.localities): nobody creates one here.
    creation_form_class = None
    form_fields = None

    @cached_property
    def widget_class(self):
        base = super().widget_class
        return type(
            "CommuneChooser",
            (CommuneChooserWidgetMixin, base),
            {"__module__": __name__},
        )


class CommuneChooserWidgetMixin:
    """The single chooser: no link to edit a commune (they are not edited by hand), and the
    chosen commune read with its province in one query."""

    show_edit_link = False
    show_clear_link = False

    def get_instance(self, value):
        if value is None or value == "":
            return None
        if isinstance(value, Commune):
            return value
        try:
            return Commune.objects.select_related("province").get(pk=int(value))
        except (ValueError, TypeError, Commune.DoesNotExist):
            return None

    def get_value_data_from_instance(self, instance):
        return {"id": instance.pk, "edit_url": "", "title": str(instance)}


commune_chooser_viewset = CommuneChooserViewSet("commune_chooser", url_prefix="chon-xa-phuong")
