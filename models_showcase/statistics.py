"""The movement's statistics ("Số liệu phong trào"), computed from the records, never typed.

Live models are the showcases readers may see (`home.models.visible`) whose current lifecycle
stage is not "thanh loại". Over them:

- models: counted by province, commune (each commune the model names), model type, and stage;
- replication points: rows with status active or paused, with their households and members
  (counted where the point is, by its commune);
- cameras, recorders, cases: the latest value of each of a model's figure series of that
  metric, summed.

`compute()` makes a plain dict (the page, the CSV and the JSON all print it) in a fixed number
of queries, and `statistics()` keeps it under the content version, so any publish, unpublish or
retirement shows at once.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from django.db.models import Count, OuterRef, Subquery, Sum
from django.utils import timezone

from home.collation import name_key, sort_key
from home.content_version import cached
from home.models import visible
from models_showcase.models import (
    FigureValue,
    LifecycleEvent,
    LifecycleStage,
    ModelShowcasePage,
    ReplicationPoint,
)
from models_showcase.models.records import LIVE_POINT_STATUSES, SUMMED_METRICS, Metric

NO_STAGE = "chua-cap-nhat"
STAGE_LABELS = {**dict(LifecycleStage.choices), NO_STAGE: "Chưa cập nhật"}
# The live stages, in the order of a model's life (retired models are not live).
LIVE_STAGES = [stage for stage, _ in LifecycleStage.choices if stage != LifecycleStage.RETIRED] + [NO_STAGE]
SUMS = ("models", "points", "households", "members", "cameras", "recorders", "cases")


def with_stage(pages):
    """Pages annotated with `current_stage`, the stage of their latest lifecycle step."""
    latest = LifecycleEvent.objects.filter(page=OuterRef("pk")).order_by("-date", "-sort_order")
    return pages.annotate(current_stage=Subquery(latest.values("stage")[:1]))


def live_models(province=None, commune=None, model_type=None):
    pages = with_stage(visible(ModelShowcasePage.objects.all())).exclude(current_stage=LifecycleStage.RETIRED)
    if province is not None:
        pages = pages.filter(province=province)
    if model_type is not None:
        pages = pages.filter(model_type=model_type)
    if commune is not None:
        pages = pages.filter(communes=commune)
    return pages


def _empty() -> dict:
    return {name: 0 for name in SUMS} | {"stages": {stage: 0 for stage in LIVE_STAGES}}


def compute(province=None, commune=None, model_type=None) -> dict:
    """The statistics of the live models matching the filters (Province, Commune, ModelType)."""
    pages = live_models(province, commune, model_type)
    models = list(
        pages.order_by("title").values(
            "pk",
            "title",
            "url_path",
            "status",
            "year_started",
            "coordinating_unit",
            "current_stage",
            "province__name",
            "province__slug",
            "model_type__name",
            "model_type__slug",
        )
    )
    ids = [row["pk"] for row in models]
    through = ModelShowcasePage.communes.through
    communes_of = defaultdict(list)
    for row in through.objects.filter(modelshowcasepage_id__in=ids).values(
        "modelshowcasepage_id", "commune__name", "commune__slug", "commune__province__name"
    ):
        communes_of[row["modelshowcasepage_id"]].append(row)

    points = ReplicationPoint.objects.filter(page_id__in=ids, status__in=LIVE_POINT_STATUSES)
    if commune is not None:
        points = points.filter(commune=commune)
    point_rows = list(
        points.values("page_id", "commune__name", "commune__slug", "commune__province__name")
        .annotate(count=Count("pk"), households=Sum("households"), members=Sum("members"))
        .order_by()
    )

    latest = {}  # (page, series name) -> the latest value of that series
    for figure in (
        FigureValue.objects.filter(page_id__in=ids, metric__in=SUMMED_METRICS)
        .values("page_id", "metric", "label", "value", "as_of")
        .order_by("page_id", "as_of", "sort_order")
    ):
        latest[(figure["page_id"], figure["label"].strip().casefold())] = figure
    figure_sums = defaultdict(lambda: defaultdict(Decimal))
    latest_date = None
    for figure in latest.values():
        figure_sums[figure["page_id"]][figure["metric"]] += figure["value"]
        latest_date = max(latest_date or figure["as_of"], figure["as_of"])

    per_model = {row["pk"]: {"points": 0, "households": 0, "members": 0} for row in models}
    by_commune = defaultdict(_empty)
    commune_names = {}
    for row in point_rows:
        key = row["commune__slug"]
        commune_names[key] = (row["commune__name"], row["commune__province__name"])
        for name, value in (
            ("points", row["count"]),
            ("households", row["households"]),
            ("members", row["members"]),
        ):
            per_model[row["page_id"]][name] += value or 0
            by_commune[key][name] += value or 0

    totals = _empty()
    by_province = defaultdict(_empty)
    by_type = defaultdict(_empty)
    names = {"province": {}, "type": {}}
    model_list = []
    metric_names = {Metric.CAMERAS: "cameras", Metric.RECORDERS: "recorders", Metric.CASES: "cases"}
    for row in models:
        stage = row["current_stage"] or NO_STAGE
        sums = dict(per_model[row["pk"]])
        for metric, name in metric_names.items():
            sums[name] = figure_sums[row["pk"]].get(metric, Decimal(0))
        names["province"][row["province__slug"]] = row["province__name"]
        names["type"][row["model_type__slug"]] = row["model_type__name"]
        groups = [totals, by_province[row["province__slug"]], by_type[row["model_type__slug"]]]
        for group in groups:
            group["models"] += 1
            group["stages"][stage] += 1
            for name, value in sums.items():
                group[name] += value
        for place in communes_of[row["pk"]]:
            if commune is not None and place["commune__slug"] != commune.slug:
                continue
            commune_names[place["commune__slug"]] = (place["commune__name"], place["commune__province__name"])
            by_commune[place["commune__slug"]]["models"] += 1
            by_commune[place["commune__slug"]]["stages"][stage] += 1
        model_list.append(
            {
                "id": row["pk"],
                "title": row["title"],
                "url_path": row["url_path"],
                "model_type": row["model_type__name"],
                "province": row["province__name"],
                "communes": [place["commune__name"] for place in communes_of[row["pk"]]],
                "stage": STAGE_LABELS[stage],
                "status": row["status"],
                "year_started": row["year_started"],
                "coordinating_unit": row["coordinating_unit"],
                **sums,
            }
        )

    def listed(groups, labels):
        rows = [{"slug": slug, "name": labels[slug], **values} for slug, values in groups.items()]
        return sorted(rows, key=lambda r: name_key(r["name"]))

    commune_rows = [
        {"slug": slug, "name": commune_names[slug][0], "province": commune_names[slug][1], **values}
        for slug, values in by_commune.items()
    ]
    commune_rows.sort(key=lambda r: (name_key(r["province"]), name_key(r["name"])))
    return {
        "as_of": timezone.localdate(),
        "latest_figure_date": latest_date,
        "totals": totals,
        "by_province": listed(by_province, names["province"]),
        "by_commune": commune_rows,
        "by_model_type": sorted(
            [{"slug": s, "name": names["type"][s], **v} for s, v in by_type.items()],
            key=lambda r: sort_key(r["name"]),
        ),
        "models": model_list,
        "retired": with_stage(visible(ModelShowcasePage.objects.all()))
        .filter(current_stage=LifecycleStage.RETIRED)
        .count(),
    }


# The page lists the communes when there are at most this many (a province has fewer): every
# commune of the country is thousands of rows, 800 KB of HTML.
MAX_COMMUNE_ROWS = 200


def statistics(request=None, province=None, commune=None, model_type=None, models: bool = True) -> dict:
    """`compute()` kept under the content version. With `models=False`, what the page prints:
    the same figures without the list of models, which only the open data prints, and without
    the commune rows when there are more than MAX_COMMUNE_ROWS (`commune_count` says how many),
    so the page reads a small cache entry (the whole of it took 0.3 s to unpickle at 20,000
    models)."""
    key = "movement-stats:" + ":".join(getattr(obj, "slug", "") for obj in (province, commune, model_type))
    if not models:

        def summary():
            full = statistics(request, province, commune, model_type)
            short = {name: value for name, value in full.items() if name != "models"}
            short["commune_count"] = len(full["by_commune"])
            if short["commune_count"] > MAX_COMMUNE_ROWS:
                short["by_commune"] = None  # the page says how many, the open data lists them
            return short

        return cached(f"{key}:summary", summary, request)
    return cached(key, lambda: compute(province, commune, model_type), request)
