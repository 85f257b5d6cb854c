"""Key figures (label–value–unit–date blocks) become rows of the figure series, in the live page
and in its latest revision (what the editor opens next), so nothing typed before is lost."""

import datetime
import re

from django.db import migrations

METRIC_WORDS = [
    (r"camera", "camera"),
    (r"đầu ghi", "dau-ghi"),
    (r"\bhộ\b", "ho"),
    (r"thành viên", "thanh-vien"),
    (r"\bvụ\b", "vu-viec"),
]


def metric_of(label: str) -> str:
    text = label.lower()
    for pattern, metric in METRIC_WORDS:
        if re.search(pattern, text):
            return metric
    return "khac"


def forwards(apps, schema_editor):
    Page = apps.get_model("models_showcase", "ModelShowcasePage")
    FigureValue = apps.get_model("models_showcase", "FigureValue")
    Revision = apps.get_model("wagtailcore", "Revision")
    for page in Page.objects.all():
        if FigureValue.objects.filter(page_id=page.pk).exists():
            continue  # already turned into series (run again after a rollback)
        raw = page.key_figures.raw_data if page.key_figures else []
        rows = []
        for order, block in enumerate(raw):
            value = block.get("value") or {}
            if block.get("type") != "figure" or not value.get("label") or value.get("as_of") in (None, ""):
                continue
            as_of = value["as_of"]
            rows.append(
                FigureValue(
                    page_id=page.pk,
                    sort_order=order,
                    metric=metric_of(value["label"]),
                    label=value["label"][:80],
                    value=str(value.get("value") or 0),
                    unit=(value.get("unit") or "")[:30],
                    as_of=as_of if isinstance(as_of, datetime.date) else datetime.date.fromisoformat(str(as_of)),
                )
            )
        if not rows:
            continue
        FigureValue.objects.bulk_create(rows)
        if page.latest_revision_id:
            revision = Revision.objects.filter(pk=page.latest_revision_id).first()
            if revision is not None and isinstance(revision.content, dict) and not revision.content.get("figures"):
                revision.content["figures"] = [
                    {
                        "pk": row.pk,
                        "page": page.pk,
                        "sort_order": row.sort_order,
                        "metric": row.metric,
                        "label": row.label,
                        "value": str(row.value),
                        "unit": row.unit,
                        "as_of": row.as_of.isoformat(),
                    }
                    for row in FigureValue.objects.filter(page_id=page.pk).order_by("sort_order")
                ]
                revision.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [("models_showcase", "0004_records_criteria_dossiers"), ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
