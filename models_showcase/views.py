"""The movement's statistics page ("Số liệu phong trào") and its open data (CSV and JSON).

Filters use the public parameter names (`home.params`): `tinh`, `xa`, `mo-hinh`. A value that
names nothing answers 400 with the form's Vietnamese message on the page, and 400 in plain text
on the data files; unknown parameters are ignored, as on a section.
"""

from __future__ import annotations

import csv
import io
import json

from django import forms
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse, HttpResponseBadRequest
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET
from wagtail.models import Site

from home import params
from home.collation import name_key, sorted_vi
from home.content_version import cached
from home.listing import commune_options
from home.models import Commune, Province
from models_showcase.models import ModelType
from models_showcase.statistics import LIVE_STAGES, STAGE_LABELS, live_models, statistics

TITLE = "Số liệu phong trào"


def _choices(request) -> dict:
    """Provinces and communes that have live models, and every model type, in Vietnamese order."""

    def build():
        pages = live_models()
        provinces = Province.objects.filter(showcases__in=pages.values("pk")).distinct()
        communes = (
            Commune.objects.filter(showcases__in=pages.values("pk")).select_related("province").distinct()
        )
        return {
            "provinces": [(p.slug, p.name) for p in sorted(provinces, key=lambda p: name_key(p.name))],
            "communes": [
                (c.slug, c.name, c.province.slug) for c in sorted(communes, key=lambda c: name_key(c.name))
            ],
            "types": [(t.slug, t.name) for t in sorted_vi(ModelType.objects.all(), key=lambda t: t.name)],
        }

    return cached("movement-stats-choices", build, request)


class StatisticsFilter(forms.Form):
    def __init__(self, data, choices):
        province = data.get(params.PROVINCE) or ""
        commune = data.get(params.COMMUNE) or ""
        self.notices = []
        elsewhere = {slug: name for slug, name, p in choices["communes"] if province and p != province}
        if commune in elsewhere:
            # As on a section: a commune of another province is dropped with a notice, not refused.
            data = data.copy()
            data.pop(params.COMMUNE)
            self.notices.append(
                f"{elsewhere[commune]} không thuộc tỉnh, thành phố đã chọn: đã bỏ lọc theo xã."
            )
        super().__init__(data)
        communes = [(slug, name) for slug, name, p in choices["communes"] if not province or p == province]
        self.fields[params.PROVINCE] = forms.ChoiceField(
            label="Tỉnh, thành phố", required=False, choices=[("", "Tất cả"), *choices["provinces"]]
        )
        self.fields[params.COMMUNE] = forms.ChoiceField(
            label="Xã, phường", required=False, choices=commune_options(communes, province, commune)
        )
        self.fields[params.MODEL_TYPE] = forms.ChoiceField(
            label="Loại mô hình", required=False, choices=[("", "Tất cả"), *choices["types"]]
        )
        for field in self.fields.values():
            field.error_messages["invalid_choice"] = "Không có lựa chọn “%(value)s”."

    def objects(self) -> dict:
        data = self.cleaned_data
        return {
            "province": Province.objects.get(slug=data[params.PROVINCE])
            if data.get(params.PROVINCE)
            else None,
            "commune": Commune.objects.get(slug=data[params.COMMUNE]) if data.get(params.COMMUNE) else None,
            "model_type": ModelType.objects.get(slug=data[params.MODEL_TYPE])
            if data.get(params.MODEL_TYPE)
            else None,
        }


def _filtered(request, models: bool = True):
    form = StatisticsFilter(request.GET, _choices(request))
    if not form.is_valid():
        return form, None
    return form, statistics(request, **form.objects(), models=models)


def _error_text(form) -> str:
    return " ".join(f"{form.fields[name].label}: {' '.join(errors)}" for name, errors in form.errors.items())


def _model_url(row, root_path: str) -> str:
    path = row["url_path"]
    return "/" + path[len(root_path) :] if path.startswith(root_path) else path


@require_GET
def statistics_page(request):
    form, stats = _filtered(request, models=False)
    context = {"title": TITLE, "filter_form": form, "stats": stats, "licence": settings.OPEN_DATA_LICENCE}
    if stats is not None:
        context["stage_rows"] = [(STAGE_LABELS[s], stats["totals"]["stages"][s]) for s in LIVE_STAGES]
        context["type_rows"] = [(row["name"], row["models"]) for row in stats["by_model_type"]]
        context["stage_labels"] = [STAGE_LABELS[s] for s in LIVE_STAGES]
    query = request.GET.urlencode()
    context["data_query"] = f"?{query}" if query and stats is not None else ""
    response = TemplateResponse(request, "models_showcase/statistics.html", context)
    if stats is None:
        response.status_code = 400
    return response


def _open_data(request):
    form, stats = _filtered(request)
    if stats is None:
        return None, HttpResponseBadRequest(
            f"Bộ lọc không hợp lệ. {_error_text(form)}", content_type="text/plain; charset=utf-8"
        )
    site = Site.objects.select_related("root_page").filter(is_default_site=True).first()
    root_path = site.root_page.url_path if site else "/"
    base = request.build_absolute_uri("/")[:-1]
    models = [
        {**{k: v for k, v in row.items() if k != "url_path"}, "url": base + _model_url(row, root_path)}
        for row in stats["models"]
    ]
    names = (params.PROVINCE, params.COMMUNE, params.MODEL_TYPE)
    filters = {name: form.cleaned_data.get(name) or "" for name in names}  # as applied
    return {**stats, "models": models, "filters": filters}, None


def _licensed(response):
    licence = settings.OPEN_DATA_LICENCE
    response["Link"] = f'<{licence["url"]}>; rel="license"'
    response["Access-Control-Allow-Origin"] = "*"
    return response


GROUP_COLUMNS = ["models", "points", "households", "members", "cameras", "recorders", "cases"]
GROUP_HEADERS = ["so_mo_hinh", "so_diem", "so_ho", "so_thanh_vien", "camera", "dau_ghi", "vu_viec"]
MODEL_COLUMNS = [
    ("id", "id"),
    ("ten", "title"),
    ("duong_dan", "url"),
    ("loai_mo_hinh", "model_type"),
    ("tinh", "province"),
    ("xa_phuong", "communes"),
    ("giai_doan", "stage"),
    ("nam_thanh_lap", "year_started"),
    ("don_vi_chu_tri", "coordinating_unit"),
    ("so_diem", "points"),
    ("so_ho", "households"),
    ("so_thanh_vien", "members"),
    ("camera", "cameras"),
    ("dau_ghi", "recorders"),
    ("vu_viec", "cases"),
]


@require_GET
def statistics_json(request):
    data, error = _open_data(request)
    if error:
        return error
    licence = settings.OPEN_DATA_LICENCE
    body = {
        "title": TITLE,
        "licence": licence,
        "as_of": data["as_of"],
        "latest_figure_date": data["latest_figure_date"],
        "filters": data["filters"],
        "stage_labels": {s: STAGE_LABELS[s] for s in LIVE_STAGES},
        "totals": data["totals"],
        "by_province": data["by_province"],
        "by_commune": data["by_commune"],
        "by_model_type": data["by_model_type"],
        "models": data["models"],
        "retired_models": data["retired"],
    }
    text = json.dumps(body, cls=DjangoJSONEncoder, ensure_ascii=False, indent=1)
    return _licensed(HttpResponse(text, content_type="application/json; charset=utf-8"))


def _csv(rows: list[list]) -> str:
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return out.getvalue()


@require_GET
def statistics_csv(request):
    """One row a group: the totals, each province, commune and model type."""
    data, error = _open_data(request)
    if error:
        return error
    rows = [["nhom", "ma", "ten", "tinh", *GROUP_HEADERS]]
    rows.append(["tong", "", "Tổng", "", *[data["totals"][c] for c in GROUP_COLUMNS]])
    for group, key in (("tinh", "by_province"), ("xa", "by_commune"), ("loai", "by_model_type")):
        for row in data[key]:
            rows.append(
                [group, row["slug"], row["name"], row.get("province", ""), *[row[c] for c in GROUP_COLUMNS]]
            )
    response = HttpResponse("\ufeff" + _csv(rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="so-lieu-phong-trao.csv"'
    return _licensed(response)


@require_GET
def models_csv(request):
    """One row a live model: no personal data, no document."""
    data, error = _open_data(request)
    if error:
        return error
    rows = [[header for header, _ in MODEL_COLUMNS]]
    for model in data["models"]:
        rows.append(
            ["; ".join(v) if isinstance(v, list) else v for v in (model[key] for _, key in MODEL_COLUMNS)]
        )
    response = HttpResponse("\ufeff" + _csv(rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="mo-hinh.csv"'
    return _licensed(response)
